/// Rows of 三、收到和处理政府信息公开申请情况 in printed order (both national formats print the
/// same rows). `otherProcessing` stands for the three （六） sub-rows when a report prints that
/// group as one row.
public enum ApplicationRow: String, TemplateKey {
    case newReceived = "new_received"
    case carriedOver = "carried_over"
    case granted
    case partiallyGranted = "partially_granted"
    case deniedStateSecret = "denied_state_secret"
    case deniedProhibitedByLaw = "denied_prohibited_by_law"
    case deniedSecurityStability = "denied_security_stability"
    case deniedThirdPartyRights = "denied_third_party_rights"
    case deniedInternalAffairs = "denied_internal_affairs"
    case deniedProcessInfo = "denied_process_info"
    case deniedEnforcementFiles = "denied_enforcement_files"
    case deniedQueryMatters = "denied_query_matters"
    case unableNotHeld = "unable_not_held"
    case unableNeedsCreation = "unable_needs_creation"
    case unableUnclear = "unable_unclear"
    case rejectedPetition = "rejected_petition"
    case rejectedDuplicate = "rejected_duplicate"
    case rejectedPublication = "rejected_publication"
    case rejectedExcessive = "rejected_excessive"
    case rejectedConfirmation = "rejected_confirmation"
    case otherOverdueCorrection = "other_overdue_correction"
    case otherOverdueFee = "other_overdue_fee"
    case otherMisc = "other_misc"
    case otherProcessing = "other_processing"
    case totalProcessed = "total_processed"
    case carriedForward = "carried_forward"

    /// The label the national format prints (numbering and punctuation folded as
    /// `TextNormalizer.key` folds them).
    public var label: String {
        switch self {
        case .newReceived: "一、本年新收政府信息公开申请数量"
        case .carriedOver: "二、上年结转政府信息公开申请数量"
        case .granted: "(一)予以公开"
        case .partiallyGranted: "(二)部分公开(区分处理的,只计这一情形,不计其他情形)"
        case .deniedStateSecret: "1.属于国家秘密"
        case .deniedProhibitedByLaw: "2.其他法律行政法规禁止公开"
        case .deniedSecurityStability: "3.危及\"三安全一稳定\""
        case .deniedThirdPartyRights: "4.保护第三方合法权益"
        case .deniedInternalAffairs: "5.属于三类内部事务信息"
        case .deniedProcessInfo: "6.属于四类过程性信息"
        case .deniedEnforcementFiles: "7.属于行政执法案卷"
        case .deniedQueryMatters: "8.属于行政查询事项"
        case .unableNotHeld: "1.本机关不掌握相关政府信息"
        case .unableNeedsCreation: "2.没有现成信息需要另行制作"
        case .unableUnclear: "3.补正后申请内容仍不明确"
        case .rejectedPetition: "1.信访举报投诉类申请"
        case .rejectedDuplicate: "2.重复申请"
        case .rejectedPublication: "3.要求提供公开出版物"
        case .rejectedExcessive: "4.无正当理由大量反复申请"
        case .rejectedConfirmation: "5.要求行政机关确认或重新出具已获取信息"
        case .otherOverdueCorrection: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
        case .otherOverdueFee: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
        case .otherMisc: "3.其他"
        case .otherProcessing: Self.otherGroup
        case .totalProcessed: "(七)总计"
        case .carriedForward: "四、结转下年度继续办理"
        }
    }

    static let otherGroup = "(六)其他处理"

    /// The group headings (`group`), in `TextNormalizer.key` form.
    static let groupKeys = Set(allCases.compactMap(\.group).map(TextNormalizer.key))

    /// The group heading printed in a merged cell to the left (（三）不予公开, …), if any.
    public var group: String? {
        switch self {
        case .deniedStateSecret, .deniedProhibitedByLaw, .deniedSecurityStability, .deniedThirdPartyRights,
             .deniedInternalAffairs, .deniedProcessInfo, .deniedEnforcementFiles, .deniedQueryMatters:
            "(三)不予公开"
        case .unableNotHeld, .unableNeedsCreation, .unableUnclear: "(四)无法提供"
        case .rejectedPetition, .rejectedDuplicate, .rejectedPublication, .rejectedExcessive, .rejectedConfirmation:
            "(五)不予处理"
        case .otherOverdueCorrection, .otherOverdueFee, .otherMisc: Self.otherGroup
        default: nil
        }
    }

    /// Other wordings of the label seen in real reports (none yet).
    public var aliases: [String] { [] }

    /// The three sub-rows of （六）其他处理; a report prints them or `otherProcessing`, never both.
    public static let otherSubRows: [ApplicationRow] = [.otherOverdueCorrection, .otherOverdueFee, .otherMisc]

    /// The result rows （一）…（六） whose sum is `totalProcessed`: the （六） sub-rows and the
    /// one-row form both (count whichever `layout` keeps).
    public static let processed: [ApplicationRow] = Array(allCases[2...23])

    /// The rows of the table in printed order with （六） in one of its two forms: its three
    /// sub-rows (`splitOther`) or the one row.
    public static func layout(splitOther: Bool) -> [ApplicationRow] {
        allCases.filter { splitOther ? $0 != .otherProcessing : !otherSubRows.contains($0) }
    }

    /// Whether a table prints （六） as its sub-rows: any of them is printed.
    public static func printsOtherSubRows(_ isPrinted: (ApplicationRow) -> Bool) -> Bool {
        otherSubRows.contains(where: isPrinted)
    }
}

/// The applicant columns of the applications table, left to right.
public enum ApplicationColumn: String, TemplateKey {
    case naturalPerson = "natural_person"
    case commercial
    case research
    case socialWelfare = "social_welfare"
    case legalServices = "legal_services"
    case otherOrg = "other_org"
    case total

    /// The printed header name.
    public var label: String {
        switch self {
        case .naturalPerson: "自然人"
        case .commercial: "商业企业"
        case .research: "科研机构"
        case .socialWelfare: "社会公益组织"
        case .legalServices: "法律服务机构"
        case .otherOrg: "其他"
        case .total: "总计"
        }
    }

    /// The six applicant columns whose sum is `total`.
    public static let applicants: [ApplicationColumn] = Array(allCases.dropLast())
}
