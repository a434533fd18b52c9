import Foundation
import Testing
@testable import GovReport

/// Runs the built `govreport` binary (built by `swift test` with the test bundle, in the same
/// build directory).
enum CLI {
    static let binary: URL? = {
        var dirs: [URL] = [Bundle.main.bundleURL]
        if let exe = Bundle.main.executableURL { dirs.append(exe.deletingLastPathComponent()) }
        // macOS: the tests run inside xctest, the bundle sits in the build directory.
        dirs += Bundle.allBundles.filter { $0.bundlePath.hasSuffix(".xctest") }.map { $0.bundleURL.deletingLastPathComponent() }
        dirs.append(Paths.packageRoot.appendingPathComponent(".build/debug"))
        return dirs.map { $0.appendingPathComponent("govreport") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    struct Result {
        var status: Int32
        var reason: Process.TerminationReason
        var stdout: Data
        var stderr: String
        var out: String { String(decoding: stdout, as: UTF8.self) }
        /// Exited by itself (not killed by a signal).
        var exited: Bool { reason == .exit }
    }

    /// Runs the binary with `arguments` in `directory`; output goes through temporary files
    /// so a large output cannot fill a pipe.
    static func run(_ arguments: [String], in directory: URL = Paths.samples,
                    environment: [String: String] = [:], stdin: URL? = nil) throws -> Result {
        guard let binary else {
            throw CLIError.noBinary
        }
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("govreport-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let outURL = tmp.appendingPathComponent("out"), errURL = tmp.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        p.currentDirectoryURL = directory
        p.standardOutput = out
        p.standardError = err
        p.standardInput = try stdin.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
        if !environment.isEmpty {
            p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        try p.run()
        p.waitUntilExit()
        try out.close(); try err.close()
        return Result(status: p.terminationStatus, reason: p.terminationReason,
                      stdout: try Data(contentsOf: outURL),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    enum CLIError: Error, CustomStringConvertible {
        case noBinary
        var description: String { "the govreport binary was not found next to the test bundle; run `swift build` first" }
    }
}

extension Tag {
    @Tag static var cli: Self
}

@Suite(.tags(.cli)) struct CLITests {
    static let good = "sample-bordered-2021.pdf"
    static let goodText = "smx-kjj-2024.txt"

    static func parse(_ data: Data) throws -> Any { try JSONSerialization.jsonObject(with: data) }

    @Test func theBinaryIsFound() {
        #expect(CLI.binary != nil, "looked next to \(Bundle.main.bundleURL.path)")
    }

    // MARK: extract

    @Test func extractOneFilePrintsOneDocument() throws {
        let r = try CLI.run(["extract", Self.good])
        #expect(r.exited && r.status == 0)
        #expect(r.stderr.isEmpty)
        let doc = try #require(try Self.parse(r.stdout) as? [String: Any])
        #expect(doc["schema"] as? String == "govreport/1")
        #expect((doc["source"] as? [String: Any])?["path"] as? String == Self.good)
        // The same bytes as the recorded canonical output.
        if let golden = try? Data(contentsOf: Samples.expectedURL(Self.good)) { #expect(r.stdout == golden) }
    }

    @Test func extractTwoFilesPrintsAnArrayInArgumentOrder() throws {
        let r = try CLI.run(["extract", Self.goodText, Self.good])
        #expect(r.exited && r.status == 0)
        let docs = try #require(try Self.parse(r.stdout) as? [[String: Any]])
        #expect(docs.map { ($0["source"] as? [String: Any])?["path"] as? String } == [Self.goodText, Self.good])
        #expect(docs.map { ($0["source"] as? [String: Any])?["kind"] as? String } == ["text", "pdf"])
    }

    @Test func jsonlPrintsOneCompactLinePerDocument() throws {
        let r = try CLI.run(["extract", "--jsonl", Self.good, Self.goodText])
        #expect(r.exited && r.status == 0)
        let lines = r.out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3 && lines.last == "", "one line per document, newline-terminated")
        for (line, file) in zip(lines.prefix(2), [Self.good, Self.goodText]) {
            let doc = try #require(try Self.parse(Data(line.utf8)) as? [String: Any])
            #expect((doc["source"] as? [String: Any])?["path"] as? String == file)
            // The same document as the pretty output.
            if let golden = try? Data(contentsOf: Samples.expectedURL(file)) {
                #expect(try JSONValue.parse(Data(line.utf8)) == JSONValue.parse(golden))
            }
        }
    }

    @Test func outputIsByteIdenticalAcrossRuns() throws {
        let files = Samples.files
        let a = try CLI.run(["extract"] + files), b = try CLI.run(["extract"] + files)
        #expect(a.status == 0 && b.status == 0)
        #expect(!a.stdout.isEmpty && a.stdout == b.stdout)
        let c = try CLI.run(["extract", "--jsonl"] + files), d = try CLI.run(["extract", "--jsonl"] + files)
        #expect(!c.stdout.isEmpty && c.stdout == d.stdout)
    }

    // MARK: bad inputs

    struct Bad: Sendable, CustomTestStringConvertible {
        var name: String
        var status: Int32
        var code: String
        var testDescription: String { name }
        var path: String {
            switch name {
            case "<missing>": Paths.badInputs.appendingPathComponent("no-such-report.pdf").path
            case "<directory>": Paths.badInputs.path
            default: Paths.badInput(name).path
            }
        }
    }

    /// Every bad input, with the exit status and error code documented for it.
    static let bad: [Bad] = [
        Bad(name: "empty.pdf", status: 3, code: "empty_file"),
        Bad(name: "random.pdf", status: 3, code: "not_pdf"),
        Bad(name: "header-only.pdf", status: 3, code: "damaged_pdf"),
        Bad(name: "truncated.pdf", status: 3, code: "damaged_pdf"),
        Bad(name: "encrypted.pdf", status: 4, code: "encrypted_pdf"),
        Bad(name: "image-only.pdf", status: 5, code: "no_text_layer"),
        Bad(name: "outlines.pdf", status: 5, code: "text_as_outlines"),
        Bad(name: "type3-undecodable.pdf", status: 9, code: "undecodable_text"),
        Bad(name: "not-a-report.pdf", status: 6, code: "not_a_report"),
        Bad(name: "not-a-report.txt", status: 6, code: "not_a_report"),
        Bad(name: "<missing>", status: 3, code: "not_found"),
        Bad(name: "<directory>", status: 3, code: "is_directory"),
    ]

    @Test(arguments: bad)
    func aBadInputFailsWithItsOwnMessage(input: Bad) throws {
        let r = try CLI.run(["extract", input.path])
        #expect(r.exited, "killed by signal \(r.status)")
        #expect(r.status == input.status)
        #expect(r.stdout.isEmpty)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("govreport: \(input.path): "))
        #expect(r.stderr.contains("[\(input.code)]"))
    }

    @Test func eachKindOfFailureHasADistinctMessage() throws {
        var messages: [String: Set<String>] = [:]
        for input in Self.bad {
            let r = try CLI.run(["extract", input.path])
            let message = r.stderr.replacingOccurrences(of: input.path, with: "FILE")
            messages[input.code, default: []].insert(message)
        }
        let all = messages.values.flatMap { $0 }
        #expect(Set(all).count == all.count, "two kinds of failure print the same message")
        #expect(messages.count == Set(Self.bad.map(\.code)).count)
    }

    @Test func theBadInputsInProcessThrowTheirErrors() {
        for input in Self.bad {
            #expect(throws: (any Error).self) { try ReportExtractor.extract(path: input.path) }
            do { _ = try ReportExtractor.extract(path: input.path) } catch {
                #expect(error.code == input.code, "\(input.name)")
            }
        }
    }

    @Test(arguments: [true, false])
    func aMixedCallPrintsTheGoodDocumentAndFails(badFirst: Bool) throws {
        let bad = Paths.badInput("empty.pdf").path
        let r = try CLI.run(["extract"] + (badFirst ? [bad, Self.good] : [Self.good, bad]))
        #expect(r.exited && r.status == 3)
        let docs = try #require(try Self.parse(r.stdout) as? [[String: Any]])
        #expect(docs.count == 1)
        #expect((docs.first?["source"] as? [String: Any])?["path"] as? String == Self.good)
        #expect(r.stderr.contains(bad) && r.stderr.contains("[empty_file]"))
    }

    @Test func theFirstFailureSetsTheStatus() throws {
        let r = try CLI.run(["extract", Paths.badInput("encrypted.pdf").path, Paths.badInput("image-only.pdf").path,
                             Self.goodText])
        #expect(r.status == 4)
        #expect(r.stderr.split(separator: "\n").count == 2)
        #expect(try Self.parse(r.stdout) as? [Any] != nil)
    }

    // MARK: check

    @Test func checkFailsOnAnInconsistentReport() throws {
        let r = try CLI.run(["check", "sample-inconsistent-2021.pdf"])
        #expect(r.exited && r.status == 1)
        #expect(r.out.contains("applications.balance"))
        #expect(r.out.contains("expected 87, actual 89"))
    }

    @Test func checkPassesAConsistentReport() throws {
        let r = try CLI.run(["check", "sample-bordered-2021.pdf"])
        #expect(r.exited && r.status == 0)
        #expect(r.out.contains("OK"))
        #expect(!r.out.contains("ERROR"))
    }

    @Test func checkAcceptsCanonicalJSON() throws {
        // The recorded canonical outputs are what `govreport extract` prints.
        let bad = try CLI.run(["check", "sample-inconsistent-2021.expected.json"])
        #expect(bad.exited && bad.status == 1)
        #expect(bad.out.contains("applications.balance"))
        let good = try CLI.run(["check", "sample-bordered-2021.expected.json", "smx-kjj-2024.expected.json"])
        #expect(good.exited && good.status == 0, "\(good.out)\(good.stderr)")
    }

    @Test func checkJSONOutput() throws {
        let r = try CLI.run(["check", "--json", "sample-inconsistent-2021.pdf", "sample-2019.pdf"])
        #expect(r.status == 1)
        let results = try #require(try Self.parse(r.stdout) as? [[String: Any]])
        #expect(results.map { $0["path"] as? String } == ["sample-inconsistent-2021.pdf", "sample-2019.pdf"])
        let codes = (results.first?["findings"] as? [[String: Any]])?.compactMap { $0["code"] as? String }
        #expect(codes == ["applications.balance", "applications.balance"])
        #expect((results.last?["findings"] as? [Any])?.isEmpty == true)
    }

    @Test func checkOnAMissingOrInvalidJSONFileFails() throws {
        let junk = FileManager.default.temporaryDirectory.appendingPathComponent("govreport-junk-\(UUID().uuidString).json")
        try Data("{\"a\": 1}".utf8).write(to: junk)
        defer { try? FileManager.default.removeItem(at: junk) }
        let missing = try CLI.run(["check", "no-such-report.json"])
        let notOurs = try CLI.run(["check", junk.path])
        #expect(missing.stderr.contains("no-such-report.json"))
        #expect(notOurs.stderr.contains(junk.path))
        #expect(missing.status == 3)
        #expect(notOurs.status == 3)
    }

    @Test func checkReadsEveryDocumentOfAnExtractArray() throws {
        // `govreport extract a b > all.json; govreport check all.json`
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("govreport-all-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let all = try CLI.run(["extract", Self.good, "sample-inconsistent-2021.pdf"])
        try all.stdout.write(to: tmp)
        let r = try CLI.run(["check", tmp.path])
        #expect(r.status == 1)
        #expect(r.out.contains("岚川市市场监督管理局"))
    }

    // MARK: help and usage

    @Test(arguments: [[], ["extract"], ["check"], ["layout"]])
    func helpWorksForEveryCommand(command: [String]) throws {
        let r = try CLI.run(command + ["--help"])
        #expect(r.exited && r.status == 0)
        #expect(r.out.contains("USAGE:"))
        #expect(r.out.contains("govreport" + (command.isEmpty ? "" : " " + command[0])))
        if command.isEmpty {
            // The exit statuses are documented in the top-level help.
            #expect(r.out.contains("EXIT STATUS"))
            for s in ["extract", "check", "layout"] { #expect(r.out.contains(s)) }
        }
    }

    @Test func usageErrorsExitWithTheDocumentedStatus() throws {
        let r = try CLI.run(["extract"])
        #expect(r.exited && r.status != 0)
        #expect(r.stderr.contains("Missing expected argument"))
        let unknown = try CLI.run(["extract", "--no-such-flag", Self.good])
        #expect(unknown.exited && unknown.status != 0)
        #expect(r.status == 2)
        #expect(unknown.status == 2)
    }

    // MARK: layout

    @Test func layoutPrintsLinesAndRulings() throws {
        let r = try CLI.run(["layout", Self.good, "--page", "2", "--rulings"])
        #expect(r.exited && r.status == 0)
        #expect(r.out.contains("RULE horizontal"))
        #expect(r.out.contains("RULE vertical"))
        #expect(r.out.contains("本年新收"))
    }

    @Test func layoutOnAMissingFileSaysSo() throws {
        let r = try CLI.run(["layout", "no-such-report.pdf"])
        #expect(r.exited && r.status != 0)
        #expect(r.stderr.contains("no-such-report.pdf"))
    }
}
