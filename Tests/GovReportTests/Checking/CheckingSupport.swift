import Foundation
@testable import GovReport
@testable import GovReportChecking

/// Where the checking fixtures are, and small builders for the checking tests. (Names carry
/// `Checking` so they cannot clash with other test suites' helpers.)
enum CheckingFixtures {
    static let folder: URL = {
        if let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) {
            return url.appendingPathComponent("checking")
        }
        return Paths.packageRoot.appendingPathComponent("Tests/GovReportTests/Fixtures/checking")
    }()

    static var yearPair: URL { folder.appendingPathComponent("year-pair") }
    static func url(_ relative: String) -> URL { folder.appendingPathComponent(relative) }

    static func extract(_ relative: String) throws -> CanonicalReport {
        try ReportExtractor.extract(path: url(relative).path)
    }
}

enum CheckingBuild {
    /// A hand-built report of `organization` for `year` (see `Build.report`), with its own file
    /// content hash so two of them are not the same file, and 行政许可 decisions = the year so
    /// two years' tables are not the same numbers.
    static func report(organization: String = "岚川市人民政府", year: Int = 2024, sha: String? = nil,
                       applications: TableValues? = nil, overview: String? = nil) -> CanonicalReport {
        var r = Build.report(applications: applications)
        r.report.organization = organization
        r.report.year = year
        r.report.title = "\(organization)\(year)年政府信息公开工作年度报告"
        r.source.sha256 = sha ?? "\(organization)-\(year)"
        r.source.path = "\(organization)-\(year).txt"
        if let overview { r.sections.overview = overview }
        r.activeDisclosure.set("licensing", "decisions", Decimal(year))
        return r
    }

    static func entry(_ r: CanonicalReport, path: String? = nil) -> HarvestChecker.Entry {
        .init(path: path ?? r.source.path, report: r)
    }

    /// Sets a row's pages (so findings have one to give).
    static func paged(_ t: TableValues, page: Int) -> TableValues {
        TableValues(rows: t.rows.map { RowValues(key: $0.key, fields: $0.fields, values: $0.values, unit: $0.unit, page: page) })
    }
}

/// Runs a program with its output going through temporary files (a large output cannot fill
/// a pipe), and kills it after `timeout` seconds.
enum CheckingProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    struct TimedOut: Error, CustomStringConvertible {
        var program: String
        var description: String { "\(program) did not finish in time" }
    }

    static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil,
                    timeout: TimeInterval = 120) throws -> Result {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("govreport-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let outURL = tmp.appendingPathComponent("out"), errURL = tmp.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        if let directory { p.currentDirectoryURL = directory }
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning {
            if Date() > deadline {
                p.terminate()
                p.waitUntilExit()
                throw TimedOut(program: executable.lastPathComponent)
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        try out.close(); try err.close()
        return Result(status: p.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}
