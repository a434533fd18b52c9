import Foundation
import Testing
@testable import GovReport

@Suite struct TemplateMapperTests {
    // MARK: detectTemplate

    @Test func detectsThe2021FormatByItsHeaderWords() {
        let header = "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n信息内容\t本年处理决定数量"
        #expect(TemplateMapper.detectTemplate(activeHeaderText: header, year: nil) == .v2021)
        // Header words outweigh the year.
        #expect(TemplateMapper.detectTemplate(activeHeaderText: header, year: 2020) == .v2021)
    }

    @Test func detectsThe2019FormatByItsHeaderWords() {
        let header = "信息内容 本年新制作数量 本年新公开数量 对外公开总数量\n信息内容 上一年项目数量 本年增/减 处理决定数量\n政府集中采购"
        #expect(TemplateMapper.detectTemplate(activeHeaderText: header, year: nil) == .v2019)
        #expect(TemplateMapper.detectTemplate(activeHeaderText: header, year: 2024) == .v2019)
    }

    @Test func withoutHeaderWordsTheYearDecides() {
        #expect(TemplateMapper.detectTemplate(activeHeaderText: "", year: 2019) == .v2019)
        #expect(TemplateMapper.detectTemplate(activeHeaderText: "", year: 2020) == .v2019)
        #expect(TemplateMapper.detectTemplate(activeHeaderText: "", year: 2021) == .v2021)
        #expect(TemplateMapper.detectTemplate(activeHeaderText: "信息内容", year: nil) == .v2021)
    }

    @Test func activeHeaderLines() {
        #expect(TemplateMapper.isActiveHeader("信息内容 本年制发件数 本年废止件数 现行有效件数"))
        #expect(TemplateMapper.isActiveHeader("采购总金额（万元）"))
        #expect(!TemplateMapper.isActiveHeader("行政许可 12"))
    }

    // MARK: applications

    static func row(_ label: String, _ cells: [String?], page: Int? = 1, mayContinue: Bool = false) -> RawRow {
        RawRow(label: label, cells: cells, page: page, mayContinue: mayContinue)
    }

    static func cells(_ n: Int) -> [String?] { ["\(n)", nil, nil, nil, nil, nil, "\(n)"] }

    /// The 2021 rows with the （六） group printed either as three sub-rows or as one row.
    static func printedRows(oneRowOther: Bool) -> [RawRow] {
        var rows: [RawRow] = []
        for (i, t) in Template.applicationRows.enumerated() {
            let sub = t.key.hasPrefix("other_") && t.key != "other_processing"
            if oneRowOther ? sub : t.key == "other_processing" { continue }
            rows.append(row(t.label, cells(i + 1)))
        }
        return rows
    }

    @Test func threeOtherSubRowsMapToTheirKeys() {
        var mapper = TemplateMapper(template: .v2021)
        let table = mapper.applications(Self.printedRows(oneRowOther: false))
        #expect(table["other_processing"] == nil)
        let idx = { (key: String) in Template.applicationRows.firstIndex { $0.key == key }! + 1 }
        for key in ["other_overdue_correction", "other_overdue_fee", "other_misc"] {
            #expect(table[key]?["natural_person"] == Decimal(idx(key)), "\(key)")
        }
        #expect(table.rows.map(\.key) == Template.applicationRows.map(\.key).filter { $0 != "other_processing" })
        #expect(mapper.diagnostics.filter { $0.severity != .info }.isEmpty)
    }

    @Test func oneOtherRowMapsToOtherProcessing() {
        var mapper = TemplateMapper(template: .v2019)
        let table = mapper.applications(Self.printedRows(oneRowOther: true))
        let idx = Template.applicationRows.firstIndex { $0.key == "other_processing" }! + 1
        #expect(table["other_processing"]?["natural_person"] == Decimal(idx))
        #expect(table["other_processing"]?["total"] == Decimal(idx))
        for key in ["other_overdue_correction", "other_overdue_fee", "other_misc"] { #expect(table[key] == nil) }
        #expect(table["total_processed"] != nil)
    }

    /// （六）其他处理 printed with its own numbers beside the three sub-rows (before them, or
    /// after them just above （七）总计): the sub-rows win and that row's numbers are not used.
    @Test(arguments: [(false, "label.unmatched"), (true, "label.conflict")])
    func oneOtherRowBesideTheSubRowsIsDropped(afterSubRows: Bool, code: String) {
        var rows = Self.printedRows(oneRowOther: false)
        let at = afterSubRows ? rows.firstIndex { $0.label == "(七)总计" }!
            : rows.firstIndex { $0.label.contains("申请人无正当理由逾期不补正") }!
        rows.insert(Self.row("（六）其他处理", Self.cells(99)), at: at)
        var mapper = TemplateMapper(template: .v2021)
        let table = mapper.applications(rows)
        #expect(table["other_processing"] == nil)
        #expect(table["other_overdue_correction"] != nil && table["other_misc"] != nil)
        #expect(!table.rows.contains { $0["natural_person"] == 99 })
        #expect(mapper.diagnostics.contains { $0.code == code })
    }

    @Test func cellsBecomeValuesAndUnreadableTextIsReported() {
        var mapper = TemplateMapper(template: .v2021)
        let table = mapper.applications([
            Self.row("一、本年新收政府信息公开申请数量", ["１２", "1,234", "—", "/", "无", nil, "1,246"]),
            Self.row("二、上年结转政府信息公开申请数量", ["3", "abc", "0", "0", "0", "0", "3"]),
        ])
        #expect(table["new_received"]?.values == [12, 1234, nil, nil, nil, nil, 1246])
        #expect(table["carried_over"]?.values == [3, nil, 0, 0, 0, 0, 3])
        let unreadable = mapper.diagnostics.filter { $0.code == "value.unreadable" }
        #expect(unreadable.count == 1)
        #expect(unreadable.first?.row == "carried_over" && unreadable.first?.column == "commercial")
    }

    @Test func surplusEmptyCellsAreTrimmedAndShortRowsReported() {
        var mapper = TemplateMapper(template: .v2021)
        let table = mapper.applications([
            // A merged label column's empty cell in front, a trailing tab's empty cell behind.
            Self.row("一、本年新收政府信息公开申请数量", [nil, "1", "2", "0", "0", "0", "0", "3", ""]),
            Self.row("二、上年结转政府信息公开申请数量", ["1", "2"]),
        ])
        #expect(table["new_received"]?.values == [1, 2, 0, 0, 0, 0, 3])
        #expect(table["carried_over"]?.values == [1, 2, nil, nil, nil, nil, nil])
        #expect(mapper.diagnostics.contains { $0.code == "table.cell_count" && $0.row == "carried_over" })
        #expect(!mapper.diagnostics.contains { $0.code == "table.cell_count" && $0.row == "new_received" })
    }

    // MARK: rows cut by a page break

    static let appLabels = Template.applicationRows.map { LabelMatcher.core($0.label) }

    @Test func joinPageBreaksJoinsALabelCutByAPageBreak() {
        var mapper = TemplateMapper(template: .v2021)
        let rows = [
            Self.row("1.本机关不掌握相关政府信息", Self.cells(5), page: 2),
            Self.row("2.没有现成信", [nil, nil, nil, nil, nil, nil, nil], page: 2, mayContinue: true),
            Self.row("息需要另行制作", ["1", "0", "0", "0", "0", "0", "1"], page: 3),
            Self.row("3.补正后申请内容仍不明确", Self.cells(0), page: 3),
        ]
        let out = mapper.joinPageBreaks(rows, labels: Self.appLabels, table: "applications")
        #expect(out.map(\.label) == ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"])
        #expect(out[1].cells == ["1", "0", "0", "0", "0", "0", "1"])
        #expect(out[1].page == 3)
        #expect(mapper.diagnostics.map(\.code) == ["table.row_split_by_page"])
    }

    @Test func joinPageBreaksKeepsTwoWholeRows() {
        var mapper = TemplateMapper(template: .v2021)
        let rows = [
            Self.row("1.本机关不掌握相关政府信息", Self.cells(5), page: 2, mayContinue: true),
            Self.row("2.没有现成信息需要另行制作", Self.cells(1), page: 3),
        ]
        let out = mapper.joinPageBreaks(rows, labels: Self.appLabels, table: "applications")
        #expect(out == rows)
        #expect(mapper.diagnostics.isEmpty)
    }

    /// LibreOffice breaks a row between the lines of the numbers wrapped in its cells: the
    /// lower digits open the next page with no label (or with the label's tail).
    @Test func joinPageBreaksJoinsTheTailsOfWrappedNumbers() {
        var mapper = TemplateMapper(template: .v2021)
        let rows = [
            Self.row("（七）总计", ["527", "146", "2", "28", "51", "3", "80"], page: 5, mayContinue: true),
            Self.row("", [nil, nil, "5", nil, nil, "1", "8"], page: 6),
            Self.row("四、结转下年度继续办理", ["27", "7", "0", "0", "2", "0", "36"], page: 6),
        ]
        let out = mapper.joinPageBreaks(rows, labels: Self.appLabels, table: "applications")
        #expect(out.map(\.label) == ["（七）总计", "四、结转下年度继续办理"])
        #expect(out[0].cells == ["527", "146", "25", "28", "51", "31", "808"])
        #expect(mapper.diagnostics.map(\.code) == ["table.row_split_by_page"])

        // With the label's tail: 1.本机关不掌 / 握相关政府信息 and the tails 9, 4, 4.
        var labelled = TemplateMapper(template: .v2021)
        let cut = [
            Self.row("1.本机关不掌", ["348", "56", "1", "2", "19", "2", "490"], page: 4, mayContinue: true),
            Self.row("握相关政府信息", [nil, nil, "9", "4", nil, "4", nil], page: 5),
        ]
        let joined = labelled.joinPageBreaks(cut, labels: Self.appLabels, table: "applications")
        #expect(joined.map(\.label) == ["1.本机关不掌握相关政府信息"])
        #expect(joined[0].cells == ["348", "56", "19", "24", "19", "24", "490"])
    }

    @Test func aLabelLessRowIsNoTailWhenItWouldBreakTheRow() {
        // The row adds up as printed and would not with the digits: they are a row of their own.
        var mapper = TemplateMapper(template: .v2021)
        let rows = [
            Self.row("（七）总计", ["5", "1", "0", "0", "0", "0", "6"], page: 5, mayContinue: true),
            Self.row("", ["2", nil, nil, nil, nil, nil, "2"], page: 6),
        ]
        #expect(mapper.joinPageBreaks(rows, labels: Self.appLabels, table: "applications") == rows)
        // Digits under a blank cell are no tail.
        #expect(TemplateMapper.wrappedTails(Self.row("a", ["1", nil, "2"]), Self.row("", [nil, "3", nil])) == nil)
    }

    @Test func joinPageBreaksOnlyJoinsAtAPageBreak() {
        var mapper = TemplateMapper(template: .v2021)
        let rows = [Self.row("2.没有现成信", Self.cells(1)), Self.row("息需要另行制作", Self.cells(2))]
        #expect(mapper.joinPageBreaks(rows, labels: Self.appLabels, table: "applications") == rows)
    }

    @Test func applicationsJoinsACutRowBeforeMatching() {
        var mapper = TemplateMapper(template: .v2021)
        var rows = Self.printedRows(oneRowOther: false)
        let at = rows.firstIndex { $0.label == "2.没有现成信息需要另行制作" }!
        rows.replaceSubrange(at...at, with: [
            Self.row("2.没有现成信", [String?](repeating: nil, count: 7), page: 2, mayContinue: true),
            Self.row("息需要另行制作", Self.cells(77), page: 3),
        ])
        let table = mapper.applications(rows)
        #expect(table["unable_needs_creation"]?["natural_person"] == 77)
        #expect(!mapper.diagnostics.contains { $0.code == "label.unmatched" })
    }

    // MARK: active disclosure and review

    @Test func activeRowsOf2019KeepNegativeChangeAndProcurementUnit() {
        var mapper = TemplateMapper(template: .v2019)
        let table = mapper.active([
            RawRow(label: "行政许可", cells: ["189", "-2", "3780"]),
            RawRow(label: "政府集中采购", cells: ["27", "1856.42"], header: "采购项目数量 采购总金额（万元）"),
        ])
        #expect(table["licensing"]?.values == [189, -2, 3780])
        #expect(table["procurement"]?.values == [27, dec("1856.42")])
        #expect(table["procurement"]?.unit == "万元")
        #expect(table["licensing"]?.unit == nil)
    }

    @Test func reviewRowSplitsIntoThreeGroups() {
        var mapper = TemplateMapper(template: .v2021)
        let cells: [String?] = ["1", "0", "0", "1", "2", "0", "1", "0", "0", "1", nil, "0", "0", "1", "1"]
        let table = mapper.review([RawRow(label: "", cells: cells)])
        #expect(table.rows.map(\.key) == Template.reviewGroups)
        #expect(table["review"]?.values == [1, 0, 0, 1, 2])
        #expect(table["litigation_direct"]?.values == [0, 1, 0, 0, 1])
        #expect(table["litigation_after_review"]?.values == [nil, 0, 0, 1, 1])
        #expect(mapper.diagnostics.isEmpty)

        var short = TemplateMapper(template: .v2021)
        let partial = short.review([RawRow(label: "", cells: ["1", "0"])])
        #expect(partial["review"]?.values == [1, 0, nil, nil, nil])
        #expect(short.diagnostics.contains { $0.code == "table.cell_count" })
    }
}
