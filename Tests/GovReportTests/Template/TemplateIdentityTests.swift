import Foundation
import Testing
@testable import GovReport

/// The template's names as types: raw values are the canonical JSON's keys, in printed order.
@Suite struct TemplateIdentityTests {
    @Test func tablesAreTheDocumentsKeysWithTheirHeadings() {
        #expect(TemplateTable.allCases.map(\.rawValue) == ["active_disclosure", "applications", "review_litigation"])
        #expect(TemplateTable.applications.heading == "三、收到和处理政府信息公开申请情况")
        #expect(ReportPart.reviewLitigation.canonicalHeading == TemplateTable.reviewLitigation.title)
    }

    @Test func otherProcessingIsPrintedInOneOfTwoForms() {
        let split = ApplicationRow.layout(splitOther: true), one = ApplicationRow.layout(splitOther: false)
        #expect(split.count == 25 && !split.contains(.otherProcessing))
        #expect(one.count == 23 && one.contains(.otherProcessing))
        #expect(!one.contains { ApplicationRow.otherSubRows.contains($0) })
        #expect(ApplicationRow.otherSubRows.allSatisfy { $0.group == ApplicationRow.otherProcessing.label })
        #expect(ApplicationRow.processed.first == .granted && ApplicationRow.processed.last == .otherProcessing)
    }

    @Test func columnsAndGroupsInPrintedOrder() {
        #expect(ApplicationColumn.applicants.count == 6 && ApplicationColumn.allCases.last == .total)
        #expect(ReviewColumn.outcomes.map(\.rawValue) == ["upheld", "corrected", "other", "pending"])
        #expect(ReviewGroup.allCases.map(\.label) == ["行政复议", "行政诉讼·未经复议直接起诉", "行政诉讼·复议后起诉"])
        #expect(Template.reviewColumnLabels.count == 15)
    }

    @Test(arguments: TemplateVersion.allCases)
    func everyTemplateCellRoundTripsThroughItsKeys(template: TemplateVersion) {
        let cells = Template.activeRows(template).flatMap { r in r.fields.map { TemplateCell.active(r.item, $0) } }
            + ApplicationRow.allCases.flatMap { r in ApplicationColumn.allCases.map { TemplateCell.application(r, $0) } }
            + ReviewGroup.allCases.flatMap { g in ReviewColumn.allCases.map { TemplateCell.review(g, $0) } }
        for c in cells { #expect(TemplateCell(table: c.table.rawValue, row: c.row, column: c.column) == c) }
        #expect(TemplateCell(table: "applications", row: "review", column: "total") == nil)
    }

    @Test func activeFieldLabelsFollowTheFormatAndRow() {
        #expect(ActiveField.decisions.label(template: .v2019) == "处理决定数量")
        #expect(ActiveField.decisions.label(template: .v2021) == "本年处理决定数量")
        #expect(ActiveField.amount.label(item: .procurement) == "采购总金额")
        #expect(ActiveField.amount.label(item: .fees) == "本年收费金额（万元）")
        #expect(Template.columnLabel(table: "applications", row: "granted", column: "other_org") == "其他")
        #expect(Template.rowLabel(table: "applications", row: "denied_state_secret") == "（三）不予公开 1.属于国家秘密")
    }
}
