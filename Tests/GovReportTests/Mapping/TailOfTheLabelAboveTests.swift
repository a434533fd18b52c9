import Testing
@testable import GovReport

/// A wrapped label's last line read into the next row's label (`4.无正当理 / 由大量反复 /
/// 申请` then `5.要求行政 …`: the printed label `申请5.要求行政`): the text before a row's
/// item number is the row above's, so the label is matched from its item number on.
@Suite struct TailOfTheLabelAboveTests {
    static let zeros: [String?] = ["0", "0", "0", "0", "0", "0", "0"]

    @Test func textBeforeARowsItemNumberIsLeftOutOfItsMatch() {
        var mapper = TemplateMapper(template: .v2021)
        let report = mapper.applications([
            RawRow(label: "4.无正当理由大量反复", cells: Self.zeros),
            RawRow(label: "申请5.要求行政", cells: ["1", nil, nil, nil, nil, nil, "1"]),
            RawRow(label: "获取信息(六)其他处理", cells: ["2", nil, nil, nil, nil, nil, "2"]),
        ])
        #expect(report[.rejectedConfirmation]?[ApplicationColumn.total] == 1)
        #expect(report[.otherProcessing]?[ApplicationColumn.total] == 2)
        #expect(!mapper.diagnostics.contains { $0.code == "label.conflict" || $0.code == "label.unmatched" })
    }

    @Test func aLabelOpeningWithItsItemNumberIsMatchedWhole() {
        #expect(LabelMatcher.fromItemMarker("(三)不予公开1.属于国家秘密") == "(三)不予公开1.属于国家秘密")
        #expect(LabelMatcher.fromItemMarker("明确1.信访举报") == "1.信访举报")
        #expect(LabelMatcher.fromItemMarker("3.危及\"三安全一稳定\"") == "3.危及\"三安全一稳定\"")
        // A label without an item number is left as printed.
        #expect(LabelMatcher.fromItemMarker("行政机关不再处理") == "行政机关不再处理")
    }
}
