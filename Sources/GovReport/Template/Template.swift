/// The two national formats of the annual report.
public enum TemplateVersion: String, Sendable, Codable, CaseIterable {
    /// 国办公开办函〔2021〕30号, reports on 2021 and later.
    case v2021 = "2021"
    /// 国办公开办函〔2019〕60号, reports on 2019 and 2020.
    case v2019 = "2019"
}

/// A row of a template table: its JSON key, the label the national format prints, and any
/// other wordings seen in real reports.
public struct TemplateRow: Sendable, Equatable {
    public var key: String
    public var label: String
    public var aliases: [String]
    /// Group heading printed in a merged cell to the left (（三）不予公开, …), if any.
    public var group: String?

    init(_ key: String, _ label: String, group: String? = nil, aliases: [String] = []) {
        self.key = key; self.label = label; self.group = group; self.aliases = aliases
    }
}

/// A row of the active-disclosure table and the fields (columns) it carries.
public struct ActiveRow: Sendable, Equatable {
    public var key: String
    public var label: String
    public var aliases: [String]
    public var fields: [String]
}

public enum Template {
    public static let applicationColumns = [
        "natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total",
    ]

    /// Printed header names of the application columns, left to right.
    public static let applicationColumnLabels = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    /// Printed header names of the 15 review/litigation columns, left to right.
    public static let reviewColumnLabels = Array(repeating: ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"], count: 3)
        .flatMap { $0 }

    /// Rows of 三、收到和处理政府信息公开申请情况 in printed order. `other_processing` stands in
    /// for the three （六） sub-rows when a report prints that group as one row.
    public static let applicationRows: [TemplateRow] = [
        TemplateRow("new_received", "一、本年新收政府信息公开申请数量"),
        TemplateRow("carried_over", "二、上年结转政府信息公开申请数量"),
        TemplateRow("granted", "(一)予以公开"),
        TemplateRow("partially_granted", "(二)部分公开(区分处理的,只计这一情形,不计其他情形)"),
        TemplateRow("denied_state_secret", "1.属于国家秘密", group: "(三)不予公开"),
        TemplateRow("denied_prohibited_by_law", "2.其他法律行政法规禁止公开", group: "(三)不予公开"),
        TemplateRow("denied_security_stability", "3.危及\"三安全一稳定\"", group: "(三)不予公开"),
        TemplateRow("denied_third_party_rights", "4.保护第三方合法权益", group: "(三)不予公开"),
        TemplateRow("denied_internal_affairs", "5.属于三类内部事务信息", group: "(三)不予公开"),
        TemplateRow("denied_process_info", "6.属于四类过程性信息", group: "(三)不予公开"),
        TemplateRow("denied_enforcement_files", "7.属于行政执法案卷", group: "(三)不予公开"),
        TemplateRow("denied_query_matters", "8.属于行政查询事项", group: "(三)不予公开"),
        TemplateRow("unable_not_held", "1.本机关不掌握相关政府信息", group: "(四)无法提供"),
        TemplateRow("unable_needs_creation", "2.没有现成信息需要另行制作", group: "(四)无法提供"),
        TemplateRow("unable_unclear", "3.补正后申请内容仍不明确", group: "(四)无法提供"),
        TemplateRow("rejected_petition", "1.信访举报投诉类申请", group: "(五)不予处理"),
        TemplateRow("rejected_duplicate", "2.重复申请", group: "(五)不予处理"),
        TemplateRow("rejected_publication", "3.要求提供公开出版物", group: "(五)不予处理"),
        TemplateRow("rejected_excessive", "4.无正当理由大量反复申请", group: "(五)不予处理"),
        TemplateRow("rejected_confirmation", "5.要求行政机关确认或重新出具已获取信息", group: "(五)不予处理"),
        TemplateRow("other_overdue_correction",
                    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", group: "(六)其他处理"),
        TemplateRow("other_overdue_fee",
                    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", group: "(六)其他处理"),
        TemplateRow("other_misc", "3.其他", group: "(六)其他处理"),
        TemplateRow("other_processing", "(六)其他处理"),
        TemplateRow("total_processed", "(七)总计"),
        TemplateRow("carried_forward", "四、结转下年度继续办理"),
    ]

    /// Row keys whose sum is `total_processed` (the （六） sub-rows or `other_processing`).
    public static let processedRowKeys: [String] = Array(applicationRows.map(\.key)[2...23])

    public static let reviewGroups = ["review", "litigation_direct", "litigation_after_review"]
    public static let reviewFields = ["upheld", "corrected", "other", "pending", "total"]

    public static func activeRows(_ version: TemplateVersion) -> [ActiveRow] {
        switch version {
        case .v2021:
            let three = ["issued", "repealed", "in_force"]
            return [
                ActiveRow(key: "regulations", label: "规章", aliases: [], fields: three),
                ActiveRow(key: "normative_documents", label: "行政规范性文件", aliases: ["规范性文件"], fields: three),
                ActiveRow(key: "licensing", label: "行政许可", aliases: [], fields: ["decisions"]),
                ActiveRow(key: "penalty", label: "行政处罚", aliases: [], fields: ["decisions"]),
                ActiveRow(key: "coercion", label: "行政强制", aliases: [], fields: ["decisions"]),
                ActiveRow(key: "fees", label: "行政事业性收费", aliases: [], fields: ["amount"]),
            ]
        case .v2019:
            let made = ["new_made", "new_published", "total_published"]
            let items = ["previous_items", "change", "decisions"]
            return [
                ActiveRow(key: "regulations", label: "规章", aliases: [], fields: made),
                ActiveRow(key: "normative_documents", label: "规范性文件", aliases: ["行政规范性文件"], fields: made),
                ActiveRow(key: "licensing", label: "行政许可", aliases: [], fields: items),
                ActiveRow(key: "other_services", label: "其他对外管理服务事项", aliases: [], fields: items),
                ActiveRow(key: "penalty", label: "行政处罚", aliases: [], fields: items),
                ActiveRow(key: "coercion", label: "行政强制", aliases: [], fields: items),
                ActiveRow(key: "fees", label: "行政事业性收费", aliases: [], fields: ["previous_items", "change"]),
                ActiveRow(key: "procurement", label: "政府集中采购", aliases: [], fields: ["items", "amount"]),
            ]
        }
    }

    /// Fields that may hold a decimal (money).
    public static let decimalFields: Set<String> = ["amount"]
    /// Fields that may be negative (the 2019 format's 本年增/减).
    public static let signedFields: Set<String> = ["change"]
}
