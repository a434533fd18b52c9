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
                guard let report = load(path, runner: &runner) else { continue }
                let findings = Validator.findings(for: report)
                anyError = anyError || findings.contains { $0.severity == .error }
                if json {
                    out.append(.object([JSONMember("path", .string(path)),
                                        JSONMember("findings", .array(findings.map(\.json)))]))
                } else {
                    print(Self.describe(path: path, report: report, findings: findings))
                }
            }
            if json { print(JSONValue.array(out).serialized()) }
            if let status = runner.firstFailure { throw ExitCode(status) }
            if anyError { throw ExitCode(ExitStatus.findings) }
        }

        func load(_ path: String, runner: inout InputRunner) -> CanonicalReport? {
            guard path.lowercased().hasSuffix(".json") else { return runner.extract(path) }
            guard let data = FileManager.default.contents(atPath: path),
                  let value = try? JSONValue.parse(data) else {
                Stderr.line("govreport: \(path): cannot be read as JSON; pass a file written by `govreport extract`")
                return nil
            }
            let doc = value.array?.first ?? value
            guard let report = CanonicalReport(json: doc) else {
                Stderr.line("govreport: \(path): is JSON but not a govreport/1 document")
                return nil
            }
            return report
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
