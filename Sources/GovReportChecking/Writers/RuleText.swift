import GovReport

/// Plain-Chinese names of the rules, tables, rows and columns, for readers of the reports
/// (the HTML report, the terminal's cell lists).
enum RuleText {
    struct Rule: Sendable {
        var name: String
        var explanation: String
    }

    static let rules: [String: Rule] = [
        "applications.balance": Rule(name: "勾稽关系",
            explanation: "本年新收与上年结转之和应等于办理结果总计与结转下年度之和（表三注明的勾稽关系，逐列核对）。"),
        "applications.total_processed": Rule(name: "办理结果总计",
            explanation: "“（七）总计”应等于（一）至（六）各项办理结果之和（逐列核对）。"),
        "applications.row_total": Rule(name: "申请人合计",
            explanation: "每一行的“总计”应等于自然人与商业企业、科研机构、社会公益组织、法律服务机构、其他之和。"),
        "review_litigation.group_total": Rule(name: "复议诉讼合计",
            explanation: "行政复议、行政诉讼各组的“总计”应等于结果维持、结果纠正、其他结果、尚未审结四项之和。"),
        "value.negative": Rule(name: "负数",
            explanation: "件数不能为负数（只有2019年版格式的“本年增/减”可以为负）。"),
        "value.not_integer": Rule(name: "非整数",
            explanation: "件数应为整数（只有收费金额、采购金额可以有小数）。"),
        "structure.missing_row": Rule(name: "缺少行",
            explanation: "国家格式规定的这一行在报告中没有找到。"),
        "structure.missing_table": Rule(name: "缺少表格",
            explanation: "国家格式规定的这张表在报告中没有找到。"),
        "cross.carry_over": Rule(name: "跨年度结转",
            explanation: "同一机关上一年度报告的“四、结转下年度继续办理”应等于本年度报告的“二、上年结转政府信息公开申请数量”（逐列核对）。"),
        "cross.duplicate": Rule(name: "重复报告",
            explanation: "同一份报告以不同文件名出现了不止一次（内容或全部数字完全相同）。"),
        "cross.missing_year": Rule(name: "缺少年度",
            explanation: "同一机关的年度报告按年份排列，中间缺了一年或几年。"),
        "cross.prose_reused": Rule(name: "照搬上年文字",
            explanation: "本年度报告的某一部分（一、五、六）大部分段落与同一机关上一年度报告的段落相同或几乎相同（数字、年份不计）。"),
        "compare.organizations": Rule(name: "机关不同",
            explanation: "比较的两份报告不是同一机关的报告（机关名称规范化后不同）。"),
        "compare.years": Rule(name: "年度顺序",
            explanation: "比较的两份报告不是前后相接的两个年度（旧报告应早于新报告一年）。"),
        "prose.table_mismatch": Rule(name: "正文与表格不符",
            explanation: "正文写明的数字与表格中同一事项的数字不一致（请对照两处原文）。"),
        "prose.fee_mismatch": Rule(name: "信息处理费表述不一",
            explanation: "正文几处对信息处理费的表述互相矛盾。"),
    ]

    static func name(_ code: String) -> String { rules[code]?.name ?? code }
    static func explanation(_ code: String) -> String { rules[code]?.explanation ?? "" }

    /// Each table's heading (`二、主动公开政府信息情况`, …) by its JSON key.
    static let tableNames = Dictionary(uniqueKeysWithValues: TemplateTable.allCases.map { ($0.rawValue, $0.heading) })

    /// Each review/litigation group's name (`行政复议`, …) by its JSON key.
    static let groupNames = Dictionary(uniqueKeysWithValues: ReviewGroup.allCases.map { ($0.rawValue, $0.label) })

    /// The printed label of a row, with full-width brackets as the template prints them.
    static func rowLabel(table: String, row: String, template: TemplateVersion = .v2021) -> String {
        Template.rowLabel(table: table, row: row, template: template)
    }

    /// Each applications column's printed name by its JSON key.
    static let applicationColumns = Dictionary(
        uniqueKeysWithValues: ApplicationColumn.allCases.map { ($0.rawValue, $0.label) })

    /// Each review/litigation column's printed name by its JSON key.
    static let reviewFields = Dictionary(uniqueKeysWithValues: ReviewColumn.allCases.map { ($0.rawValue, $0.label) })

    /// A column's printed name in its table.
    static func columnLabel(table: String, row: String, column: String,
                                   template: TemplateVersion = .v2021) -> String {
        Template.columnLabel(table: table, row: row, column: column, template: template)
    }

    /// `label · column`, e.g. `四、结转下年度继续办理 · 商业企业`.
    static func cellLabel(_ c: CellRef, template: TemplateVersion = .v2021) -> String {
        "\(rowLabel(table: c.table, row: c.row, template: template)) · \(columnLabel(table: c.table, row: c.row, column: c.column, template: template))"
    }
}
