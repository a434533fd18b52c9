import Testing
@testable import GovReport

/// The CMS information box above a report: its rows are fields of the page, and its 名称
/// value (never the label) is the title.
@Suite struct MetadataBoxTests {
    @Test func rowsOfTheBoxAreReadAsFields() {
        let f = MetadataBox.fields("索引号：01234-5/2024-00017 主题分类：综合政务")
        #expect(f?.map(\.label) == ["索引号", "主题分类"])
        #expect(f?.map(\.value) == ["01234-5/2024-00017", "综合政务"])
        // Printed to PDF, label and value run together.
        #expect(MetadataBox.title("名称沭阳县发展和改革局2023年政府信息公开工作年度报告")
                == "沭阳县发展和改革局2023年政府信息公开工作年度报告")
        #expect(MetadataBox.fields("一、总体情况") == nil)
        #expect(MetadataBox.fields("沭阳县发展和改革局2023年政府信息公开工作年度报告") == nil)
    }

    @Test func theTitleComesFromTheNameFieldWithoutItsLabel() {
        let lines = ["索引号：01234-5/2024-00017　主题分类：综合政务", "发布机构：沭阳县发展和改革局　成文日期：2024-01-18",
                     "名称：沭阳县发展和改革局2023年政府信息公开工作年度报告", "文号：无　发布日期：2024-01-20", "一、总体情况"]
            .map { DocumentLine(text: $0) }
        let title = ReportInfoReader.title(in: lines)
        #expect(title == "沭阳县发展和改革局2023年政府信息公开工作年度报告")
        #expect(ReportInfoReader.organization(title: title) == "沭阳县发展和改革局")
    }

    @Test func aBoxAsATableHasTheValueOnTheNextLine() {
        let lines = ["索引号：", "01234-5/2024-00017", "发布机构：", "沭阳县财政局", "名称：",
                     "沭阳县财政局2023年政府信息公开工作年度报告", "一、总体情况"].map { DocumentLine(text: $0) }
        #expect(ReportInfoReader.title(in: lines) == "沭阳县财政局2023年政府信息公开工作年度报告")
    }
}
