import Foundation
import Testing
@testable import GovReport
@testable import GovReportBatch

@Suite struct ExactJSONTests {
    @Test func numbersAreExactDecimalsAndKeysKeepTheirOrder() throws {
        let v = try ExactJSON.parse(#"{"z": 99999999999.99, "a": [0.1, -2, 1e2, 12345678901234567890], "m": null}"#)
        #expect(v.members?.map(\.key) == ["z", "a", "m"])
        #expect(v["z"]?.decimal == Decimal(string: "99999999999.99"))
        #expect(v["a"]?.array?.map(\.decimal) == [dec("0.1"), -2, 100, dec("12345678901234567890")])
        #expect(v["m"] == .null)
    }

    @Test func stringsWithEscapesAndSurrogatePairs() throws {
        let v = try ExactJSON.parse(#"["a\"b\\c\/d\n\t\u00e9\u5e74\ud83d\ude00", "年度报告", true, false]"#)
        #expect(v.array == [.string("a\"b\\c/d\n\té年😀"), .string("年度报告"), .bool(true), .bool(false)])
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "tru", "\"open", "1 2", "{\"a\":1,}", "[01x]"])
    func rejectsWhatIsNotJSON(_ text: String) {
        #expect(throws: ExactJSON.SyntaxError.self) { try ExactJSON.parse(text) }
    }

    @Test(arguments: TemplateVersion.allCases)
    func aCanonicalDocumentReadsBackToTheSameReport(template: TemplateVersion) throws {
        var report = Build.report(template: template)
        report.findings = [Finding(code: "applications.balance", severity: .error, message: "一 + 二 \"引\"",
                                   table: "applications", row: "new_received", column: "total",
                                   expected: dec("12.5"), actual: 13)]
        let pretty = report.json.serialized()
        let back = try #require(CanonicalReport(json: try ExactJSON.parse(pretty)))
        #expect(back.json.serialized() == pretty)
    }

    @Test func compactingThePrettyTextGivesTheOneLineForm() {
        var report = Build.report()
        report.sections.overview = "含 空格 与 \"引号\"\n和换行\\"
        let json = report.json
        let compact = ExactJSON.compact(Array(json.serialized().utf8))
        #expect(String(decoding: compact, as: UTF8.self) == json.serialized(pretty: false))
    }
}
