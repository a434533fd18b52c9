import Foundation
import Testing
@testable import GovReport

@Suite struct JSONValueTests {
    @Test func objectsKeepTheOrderTheyWereBuiltIn() {
        let v = JSONValue.object([JSONMember("zeta", .number(1)), JSONMember("alpha", .null),
                                  JSONMember("mid", .array([.bool(true), .bool(false)]))])
        #expect(v.serialized(pretty: false) == #"{"zeta":1,"alpha":null,"mid":[true,false]}"#)
        #expect(v.serialized() == """
            {
              "zeta": 1,
              "alpha": null,
              "mid": [
                true,
                false
              ]
            }
            """)
    }

    @Test func emptyContainers() {
        #expect(JSONValue.object([]).serialized() == "{}")
        #expect(JSONValue.array([]).serialized() == "[]")
        #expect(JSONValue.object([JSONMember("a", .array([]))]).serialized() == "{\n  \"a\": []\n}")
    }

    @Test func stringsAreEscapedAndNonASCIIKeptAsUTF8() {
        let s = "引号\"反斜杠\\换行\n回车\r制表\t控制\u{01}\u{1F}（一）"
        #expect(JSONValue.string(s).serialized()
                == #""引号\"反斜杠\\换行\n回车\r制表\t控制\u0001\u001f（一）""#)
        // Keys are escaped the same way.
        #expect(JSONValue.object([JSONMember("a\"b", .null)]).serialized(pretty: false) == #"{"a\"b":null}"#)
        // Whatever is escaped reads back as the same string.
        let back = try? JSONSerialization.jsonObject(with: Data(JSONValue.string(s).serialized().utf8),
                                                     options: [.fragmentsAllowed]) as? String
        #expect(back == s)
    }

    @Test(arguments: [("0", "0"), ("-2", "-2"), ("1856.42", "1856.42"), ("2356.80", "2356.8"), ("0.1", "0.1"),
                      ("3780", "3780"), ("1.23456789", "1.234568"), ("-0.0000001", "0")])
    func numbersArePrintedPlainly(value: String, printed: String) {
        #expect(JSONValue.number(dec(value)).serialized() == printed)
    }

    @Test func subscriptsAndAccessors() {
        let v = JSONValue.object([JSONMember("a", .string("x")), JSONMember("n", .number(3)),
                                  JSONMember("l", .array([.null]))])
        #expect(v["a"]?.string == "x")
        #expect(v["n"]?.decimal == 3)
        #expect(v["l"]?.array == [.null])
        #expect(v["missing"] == nil)
        #expect(JSONValue.array([]).self["a"] == nil)
        #expect(v.members?.map(\.key) == ["a", "n", "l"])
    }

    @Test func parseReadsNumbersExactlyAndTellsBooleansFromZeroAndOne() throws {
        let v = try JSONValue.parse(Data(#"{"b": 1, "z": 0, "t": true, "f": false, "d": 1856.42, "n": -2, "s": "是", "x": null}"#.utf8))
        #expect(v["b"] == .number(1))
        #expect(v["z"] == .number(0))
        #expect(v["t"] == .bool(true))
        #expect(v["f"] == .bool(false))
        #expect(v["d"] == .number(dec("1856.42")))
        #expect(v["n"] == .number(-2))
        #expect(v["s"] == .string("是"))
        #expect(v["x"] == .null)
        #expect(throws: (any Error).self) { try JSONValue.parse(Data("{not json".utf8)) }
    }

    // MARK: CanonicalReport round trips

    @Test(arguments: TemplateVersion.allCases)
    func reportRoundTripsThroughItsJSON(template: TemplateVersion) throws {
        var r = Build.report(template: template)
        r.applications.set("granted", "research", nil)          // a blank cell stays null
        r.applications.remove("denied_query_matters")          // an absent row stays absent
        r.findings = Validator.findings(for: r)
        r.diagnostics = [Finding(code: "label.fuzzy_match", severity: .info, message: "printed \"x\"",
                                 table: "applications", row: "granted", page: 2)]
        #expect(!r.findings.isEmpty)
        #expect(CanonicalReport(json: r.json) == r)

        // And through its text.
        let text = r.json.serialized()
        let back = try #require(CanonicalReport(json: try JSONValue.parse(Data(text.utf8))))
        #expect(back == r)
        #expect(back.json.serialized() == text)
    }

    @Test func reportJSONFollowsTheSpecOrder() throws {
        var r = Build.report(template: .v2019)
        r.source.pages = 4
        let v = r.json
        #expect(v.members?.map(\.key) == ["schema", "source", "report", "sections", "active_disclosure",
                                          "applications", "review_litigation", "findings", "diagnostics"])
        #expect(v["schema"]?.string == "govreport/1")
        #expect(v["source"]?.members?.map(\.key) == ["path", "sha256", "kind", "pages"])
        #expect(v["report"]?.members?.map(\.key) == ["title", "organization", "year", "template"])
        #expect(v["report"]?["template"] == .string("2019"))
        #expect(v["sections"]?.members?.map(\.key) == ["overview", "problems_and_improvements", "other_matters"])
        #expect(v["sections"]?["problems_and_improvements"] == .null)
        #expect(v["active_disclosure"]?.members?.map(\.key) == Template.activeRows(.v2019).map(\.key))
        #expect(v["active_disclosure"]?["procurement"]?.members?.map(\.key) == ["items", "amount", "amount_unit"])
        #expect(v["active_disclosure"]?["fees"]?["amount_unit"] == nil)
        #expect(v["applications"]?.members?.map(\.key)
                == Template.applicationRows.map(\.key).filter { !["other_overdue_correction", "other_overdue_fee", "other_misc"].contains($0) })
        #expect(v["applications"]?["granted"]?.members?.map(\.key) == Template.applicationColumns)
        #expect(v["review_litigation"]?["review"]?.members?.map(\.key) == Template.reviewFields)
    }

    @Test func findingJSONLeavesOutWhatDoesNotApply() {
        let f = Finding(code: "structure.missing_table", severity: .error, message: "m", table: "applications")
        #expect(f.json.serialized(pretty: false)
                == #"{"code":"structure.missing_table","severity":"error","message":"m","table":"applications"}"#)
        let g = Finding(code: "applications.balance", severity: .error, message: "m", table: "applications",
                        row: "total_processed", column: "total", page: 3, expected: 384, actual: 386)
        #expect(g.json.members?.map(\.key)
                == ["code", "severity", "message", "table", "row", "column", "page", "expected", "actual"])
        #expect(Finding(json: g.json) == g)
    }

    @Test func notAGovreportDocumentIsRejected() {
        #expect(CanonicalReport(json: .object([JSONMember("a", .number(1))])) == nil)
        #expect(CanonicalReport(json: .object([JSONMember("schema", .string("govreport/2"))])) == nil)
        #expect(CanonicalReport(json: .array([])) == nil)
    }
}
