import Foundation
import Testing
@testable import GovReport

/// The samples in Samples/: each `NAME.pdf` or `NAME.txt` with its `NAME.numbers.json` (the
/// known answers) and `NAME.expected.json` (the full canonical output, recorded once).
///
/// Re-record the expected output after a deliberate change with `RECORD_GOLDEN=1 swift test`
/// and review the diff.
enum Samples {
    /// Sample file names (NAME.pdf / NAME.txt / NAME.docx) that have a numbers file, sorted.
    static let files: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Paths.samples.path)) ?? []
        return names.filter { name in
            let ext = (name as NSString).pathExtension
            guard ["pdf", "txt", "docx", "md"].contains(ext) else { return false }
            return names.contains(numbersName(name))
        }.sorted()
    }()

    static func stem(_ file: String) -> String { (file as NSString).deletingPathExtension }
    static func numbersName(_ file: String) -> String { stem(file) + ".numbers.json" }
    static func url(_ name: String) -> URL { Paths.samples.appendingPathComponent(name) }
    static func expectedURL(_ file: String) -> URL { url(stem(file) + ".expected.json") }

    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

    /// The canonical output as the CLI prints it for `govreport extract NAME` run in Samples/.
    static func canonicalText(_ file: String) throws -> String {
        let data = try Data(contentsOf: url(file))
        return try ReportExtractor.extract(data: data, name: file).json.serialized() + "\n"
    }
}

/// JSON as read by Foundation's decoder (numbers as exact decimals), independent of the
/// library's own JSON code.
indirect enum TruthJSON: Decodable, Equatable {
    case null, bool(Bool), number(Decimal), string(String), array([TruthJSON]), object([String: TruthJSON])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let d = try? c.decode(Decimal.self) { self = .number(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([TruthJSON].self) { self = .array(a) }
        else { self = .object(try c.decode([String: TruthJSON].self)) }
    }

    subscript(key: String) -> TruthJSON? { if case .object(let o) = self { return o[key] }; return nil }

    /// Differences between this (the truth) and an actual value, one line per difference
    /// with its path. Objects must have the same keys (a row the report does not print is
    /// absent, not zero-filled).
    func differences(from actual: JSONValue?, at path: String) -> [String] {
        guard let actual else { return ["\(path): missing (expected \(self))"] }
        switch (self, actual) {
        case (.null, .null): return []
        case (.bool(let a), .bool(let b)) where a == b: return []
        case (.number(let a), .number(let b)) where a == b: return []
        case (.string(let a), .string(let b)) where a.unicodeScalars.elementsEqual(b.unicodeScalars): return []
        case (.array(let a), .array(let b)) where a.count == b.count:
            return zip(a, b).enumerated().flatMap { i, p in p.0.differences(from: p.1, at: "\(path)[\(i)]") }
        case (.object(let a), .object(let members)):
            let keys = Set(members.map(\.key))
            var out = keys.subtracting(a.keys).sorted().map { "\(path).\($0): not in the truth (got \(actual[$0]!))" }
            for (k, v) in a.sorted(by: { $0.key < $1.key }) { out += v.differences(from: actual[k], at: "\(path).\(k)") }
            return out
        default: return ["\(path): expected \(self), got \(actual)"]
        }
    }
}

@Suite struct SampleGoldenTests {
    @Test func theSamplesAreThere() {
        // Four generated PDFs and the seed text report; a broken listing must not pass vacuously.
        #expect(Samples.files.count >= 5, "\(Samples.files)")
        #expect(Samples.files.contains("smx-kjj-2024.txt"))
        #expect(Samples.files.filter { $0.hasSuffix(".pdf") }.count >= 4)
    }

    @Test(arguments: Samples.files)
    func numbersMatchTheKnownAnswers(file: String) throws {
        let truthData = try Data(contentsOf: Samples.url(Samples.numbersName(file)))
        let truth = try JSONDecoder().decode(TruthJSON.self, from: truthData)
        let report = try ReportExtractor.extract(path: Samples.url(file).path)
        let json = report.json

        var diffs: [String] = []
        for part in ["report", "active_disclosure", "applications", "review_litigation"] {
            guard let t = truth[part] else { Issue.record("\(file): numbers file has no \(part)"); continue }
            diffs += t.differences(from: json[part], at: part)
        }
        #expect(diffs.isEmpty, "\(file):\n\(diffs.joined(separator: "\n"))")

        guard case .array(let expected)? = truth["expected_findings"] else {
            Issue.record("\(file): numbers file has no expected_findings")
            return
        }
        let expectedCodes = expected.compactMap { if case .string(let s) = $0 { return s }; return nil }
        let errorCodes = Set(report.findings.filter { $0.severity == .error }.map(\.code))
        #expect(errorCodes == Set(expectedCodes), "\(file): findings \(report.findings.map(\.code))")

        #expect(report.source.path == Samples.url(file).path)
        let kinds: [String: CanonicalReport.Source.Kind] = ["pdf": .pdf, "docx": .docx, "md": .markdown]
        #expect(report.source.kind == kinds[(file as NSString).pathExtension] ?? .text)
    }

    @Test(arguments: Samples.files)
    func canonicalJSONMatchesTheRecordedOutput(file: String) throws {
        let text = try Samples.canonicalText(file)
        let golden = Samples.expectedURL(file)
        if Samples.recording {
            try Data(text.utf8).write(to: golden)
            return
        }
        guard let expected = try? Data(contentsOf: golden) else {
            Issue.record("\(golden.lastPathComponent) is missing: record it with RECORD_GOLDEN=1 swift test")
            return
        }
        if Data(text.utf8) != expected {
            let a = text.components(separatedBy: "\n"), b = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
            let i = Array(zip(a, b)).firstIndex { !$0.unicodeScalars.elementsEqual($1.unicodeScalars) } ?? min(a.count, b.count)
            Issue.record("""
                \(file): output differs from \(golden.lastPathComponent) at line \(i + 1) \
                (re-record with RECORD_GOLDEN=1 swift test if the change is intended)
                  expected: \(i < b.count ? b[i] : "<end>")
                  actual:   \(i < a.count ? a[i] : "<end>")
                """)
        }
    }

    @Test(arguments: Samples.files)
    func extractionIsDeterministic(file: String) throws {
        #expect(try Samples.canonicalText(file) == Samples.canonicalText(file))
    }

    @Test(arguments: Samples.files)
    func recordedOutputReadsBackToTheSameDocument(file: String) throws {
        // What `govreport check report.json` reads: the canonical JSON, back into a report.
        guard let expected = try? Data(contentsOf: Samples.expectedURL(file)) else { return }
        let report = try #require(CanonicalReport(json: try JSONValue.parse(expected)))
        #expect(Data((report.json.serialized() + "\n").utf8) == expected)
        // Row pages are not in the JSON without --provenance, so a finding read back from it
        // can say everything but the page.
        func withoutPage(_ fs: [Finding]) -> [Finding] { fs.map { var f = $0; f.page = nil; return f } }
        #expect(withoutPage(Validator.findings(for: report)) == withoutPage(report.findings))
    }

    @Test(arguments: Samples.files)
    func reportRoundTripsThroughJSONValue(file: String) throws {
        let report = try ReportExtractor.extract(data: Data(contentsOf: Samples.url(file)), name: file)
        let back = try #require(CanonicalReport(json: report.json))
        #expect(back.json == report.json)
    }

    @Test(arguments: Samples.files)
    func sectionsAreRead(file: String) throws {
        let report = try ReportExtractor.extract(data: Data(contentsOf: Samples.url(file)), name: file)
        let overview = try #require(report.sections.overview)
        // Paragraphs, not wrapped lines: the overview's （一）…（五） paragraphs start lines.
        #expect(overview.contains("（一）"))
        #expect(!overview.contains("\n\n"))
        // Page furniture (page numbers) is not prose.
        for line in overview.components(separatedBy: "\n") { #expect(!PartLocator.isPageNumber(line), "\(line)") }
    }

    @Test func aParagraphContinuedOnTheNextPageIsOneParagraph() throws {
        // The overview's （四） paragraph runs from the foot of page 1 onto page 2 (no indent).
        let report = try ReportExtractor.extract(path: Samples.url("sample-bordered-2021.pdf").path)
        let overview = try #require(report.sections.overview)
        for p in overview.components(separatedBy: "\n") {
            #expect(!p.hasSuffix("，"), "a paragraph ends mid-sentence: …\(p.suffix(20))")
        }
    }
}
