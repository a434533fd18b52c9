import Foundation
import Testing
@testable import GovReport

/// Golden numbers: each web-page fixture (and the HTML sample) extracts to exactly the numbers
/// of its NAME.numbers.json, with the report's metadata and the findings it should have.
@Suite struct HTMLFixtureTests {
    static let pages: [(page: URL, numbers: URL)] =
        HTMLFixtures.names.map { (HTMLFixtures.page($0), HTMLFixtures.numbers($0)) }
        + [(Paths.samples.appendingPathComponent("sample-web-2021.html"),
            Paths.samples.appendingPathComponent("sample-web-2021.numbers.json"))]

    /// Numeric and null leaves of a JSON object, by dotted path.
    static func leaves(_ v: JSONValue, _ prefix: String = "") -> [String: Decimal?] {
        var out: [String: Decimal?] = [:]
        switch v {
        case .object(let members):
            for m in members { out.merge(leaves(m.value, prefix.isEmpty ? m.key : prefix + "." + m.key)) { a, _ in a } }
        case .number(let d): out[prefix] = d
        case .null: out[prefix] = .some(nil)
        default: break
        }
        return out
    }

    @Test(arguments: pages.map(\.page.lastPathComponent))
    func numbersMatchTheTruth(_ file: String) throws {
        let pair = try #require(Self.pages.first { $0.page.lastPathComponent == file })
        let report = try ReportExtractor.extract(path: pair.page.path, displayPath: file)
        let truth = try JSONValue.parse(Data(contentsOf: pair.numbers))
        let got = report.json
        #expect(got["source"]?["kind"]?.string == "html")
        for key in ["organization", "title"] {
            #expect(got["report"]?[key]?.string == truth["report"]?[key]?.string, "\(key)")
        }
        #expect(got["report"]?["year"] == truth["report"]?["year"])
        #expect(got["report"]?["template"]?.string == truth["report"]?["template"]?.string)
        for table in ["active_disclosure", "applications", "review_litigation"] {
            let want = Self.leaves(try #require(truth[table]))
            let have = Self.leaves(try #require(got[table]))
            #expect(have == want, "\(table)")
        }
        #expect(got["active_disclosure"]?["procurement"]?["amount_unit"]?.string
                == truth["active_disclosure"]?["procurement"]?["amount_unit"]?.string)
        let errors = Set(report.findings.filter { $0.severity == .error }.map(\.code))
        let expected = Set(truth["expected_findings"]?.array?.compactMap(\.string) ?? [])
        #expect(errors == expected)
        // Clean pages: no label read fuzzily, no cell count off, nothing unplaced.
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.message))")
    }

    @Test func outputIsDeterministic() throws {
        let url = HTMLFixtures.page("web-2021-gbk")
        let a = try ReportExtractor.extract(path: url.path).json.serialized()
        let b = try ReportExtractor.extract(path: url.path).json.serialized()
        #expect(a == b)
    }

    @Test func theGBKPageDecodesAndIsReadAsHTMLByItsBytesToo() throws {
        let data = try Data(contentsOf: HTMLFixtures.page("web-2021-gbk"))
        #expect(String(data: data, encoding: .utf8) == nil)
        // Saved without an .html name, the markup still says what it is.
        let report = try ReportExtractor.extract(data: data, name: "download")
        #expect(report.source.kind == .html)
        #expect(report.report.organization == "青禾县人民政府")
    }

    @Test func aPageThatIsNotAReport() {
        let page = Data("<html><head><meta charset=utf-8><title>通知</title></head><body><p>通知公告</p></body></html>".utf8)
        #expect(throws: InputError.notAReport) { try ReportExtractor.extract(data: page, name: "notice.html") }
    }
}
