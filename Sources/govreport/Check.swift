import ArgumentParser
import Foundation
import GovReport

extension GovReportCommand {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check that reports add up (the 勾稽关系 and totals of the national template).",
            discussion: """
                Inputs are report files (.pdf, .html, .txt) or canonical JSON written by `govreport extract`.
                Prints each report's findings; exits 1 when any report has an error finding.
                """)

        @Argument(help: "Report files or canonical JSON files.")
        var files: [String]

        @Flag(help: "Print the findings as JSON instead of text.")
        var json = false

        func run() throws {
            var runner = InputRunner()
            var anyError = false
            var out: [JSONValue] = []
            for path in files {
                for report in load(path, runner: &runner) {
                    let findings = Validator.findings(for: report)
                    anyError = anyError || findings.contains { $0.severity == .error }
                    let name = files.count == 1 && report.source.path.isEmpty ? path : report.source.path
                    if json {
                        out.append(.object([JSONMember("path", .string(name)),
                                            JSONMember("findings", .array(findings.map(\.json)))]))
                    } else {
                        print(Self.describe(path: name, report: report, findings: findings))
                    }
                }
            }
            if json { print(JSONValue.array(out).serialized()) }
            if let status = runner.firstFailure { throw ExitCode(status) }
            if anyError { throw ExitCode(ExitStatus.findings) }
        }

        /// The reports in one input: a report file, or canonical JSON written by `extract`
        /// (one document, an array of them, or JSON Lines).
        func load(_ path: String, runner: inout InputRunner) -> [CanonicalReport] {
            guard path.lowercased().hasSuffix(".json") || path.lowercased().hasSuffix(".jsonl") else {
                return runner.extract(path).map { [$0] } ?? []
            }
            guard FileManager.default.fileExists(atPath: path) else {
                runner.fail(path, InputError.notFound)
                return []
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                runner.fail(path, InputError.unreadable("permission denied"))
                return []
            }
            var docs: [JSONValue] = []
            if let value = try? JSONValue.parse(data) {
                docs = value.array ?? [value]
            } else {
                // JSON Lines: one document per line.
                for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
                    guard let value = try? JSONValue.parse(Data(line.utf8)) else {
                        runner.fail(path, message: "is not JSON (nor JSON Lines); pass a file written by `govreport extract`")
                        return []
                    }
                    docs.append(value)
                }
            }
            let reports = docs.compactMap(CanonicalReport.init(json:))
            if reports.count != docs.count || reports.isEmpty {
                runner.fail(path, message: "is JSON but not govreport/1 documents; pass a file written by `govreport extract`")
                return []
            }
            return reports
        }

        static func describe(path: String, report: CanonicalReport, findings: [Finding]) -> String {
            let name = [report.report.organization, report.report.year.map { "\($0)" }].compactMap { $0 }
                .joined(separator: " ")
            var lines = ["\(path)\(name.isEmpty ? "" : " (\(name))"): "
                + (findings.isEmpty ? "OK, every rule holds" : "\(findings.count) finding(s)")]
            for f in findings.sorted(by: { $0.severity < $1.severity }) {
                var where_ = [f.table, f.row, f.column].compactMap { $0 }.joined(separator: ".")
                if let page = f.page { where_ += " p.\(page)" }
                var line = "  \(f.severity.rawValue.uppercased()) \(f.code) \(where_): \(f.message)"
                if let e = f.expected, let a = f.actual { line += " [expected \(e), actual \(a)]" }
                lines.append(line)
            }
            return lines.joined(separator: "\n")
        }
    }
}
