import Foundation
import GovReport

/// A number the report's prose states about something one of its tables (or another sentence)
/// also states: what it is about, the number, and the sentence that says it.
public struct ProseFact: Sendable, Equatable {
    /// What a stated number is about.
    public enum Kind: Sendable, CaseIterable {
        /// 收到/受理/新收…政府信息公开申请 N 件 (or 未收到…申请: 0).
        case newReceived
        /// 上年结转 N 件.
        case carriedOver
        /// 共办结 N 件.
        case totalProcessed
        /// 结转下年度继续办理 N 件.
        case carriedForward
        /// 予以公开 N 件.
        case granted
        /// 予以公开和部分公开 N 件.
        case grantedOrPartial
        /// 因政府信息公开…行政复议 N 件 (or 未发生…行政复议: 0).
        case review
        /// 因政府信息公开…行政诉讼 N 件 (or 未发生…行政诉讼: 0).
        case litigation
        /// 收取信息处理费 N 元 (or 未收取/未产生…处理费: 0), in 元.
        case processingFee

        /// The fact's name in `check`'s JSON: the applications or review row it is the
        /// 总计 of, else its own (`granted_and_partially_granted`, `litigation`, `processing_fee`).
        public var name: String {
            switch self {
            case .newReceived: ApplicationRow.newReceived.rawValue
            case .carriedOver: ApplicationRow.carriedOver.rawValue
            case .totalProcessed: ApplicationRow.totalProcessed.rawValue
            case .carriedForward: ApplicationRow.carriedForward.rawValue
            case .granted: ApplicationRow.granted.rawValue
            case .grantedOrPartial: "granted_and_partially_granted"
            case .review: ReviewGroup.review.rawValue
            case .litigation: "litigation"
            case .processingFee: "processing_fee"
            }
        }
    }

    /// What the number is about.
    public var kind: Kind
    /// The number (件, or 元 for the processing fee).
    public var value: Decimal
    /// The sentence (trimmed around the statement when long), as printed.
    public var quote: String
    /// The section key it was read from (`overview`, `problems_and_improvements`, `other_matters`).
    public var section: String

    public init(kind: Kind, value: Decimal, quote: String, section: String) {
        self.kind = kind; self.value = value; self.quote = quote; self.section = section
    }
}

/// Reads `ProseFact`s from the prose sections with narrow patterns: a statement counts only
/// when it names the fact in the words reports use for it, directly followed by the number
/// and its unit. Anything looser is left alone (a missed fact costs nothing; a misread one
/// costs a false warning).
enum ProseFacts {
    /// The facts the sections state about `year` (the year the report covers): a statement
    /// whose clause names another year, or compares (上年, 去年, 同比, 较…), is left out.
    static func facts(in sections: CanonicalReport.Sections, year: Int? = nil) -> [ProseFact] {
        var out: [ProseFact] = []
        for (key, text) in [("overview", sections.overview), ("problems_and_improvements", sections.problemsAndImprovements),
                            ("other_matters", sections.otherMatters)] {
            guard let text else { continue }
            for s in sentences(text) { out += facts(inSentence: s, section: key, year: year) }
        }
        return out
    }

    // MARK: sentences

    /// Splits prose into sentences at 。；！？. A paragraph break ends a sentence too, unless the
    /// paragraph is long and ends mid-sentence (a line wrap the reader took for a paragraph).
    static func sentences(_ text: String) -> [String] {
        var paragraphs: [String] = []
        for p in text.split(separator: "\n").map(compact) where !p.isEmpty {
            if let last = paragraphs.last, last.count > 30, let end = last.last, !"。；;！!？?：:".contains(end) {
                paragraphs[paragraphs.count - 1] += p
            } else {
                paragraphs.append(p)
            }
        }
        var out: [String] = []
        for p in paragraphs {
            var current = ""
            for c in p {
                current.append(c)
                if "。；;！!？?".contains(c) { out.append(current); current = "" }
            }
            if !current.isEmpty { out.append(current) }
        }
        return out
    }

    /// The text without any spacing (PDF exporters put spaces around numbers in CJK text).
    static func compact(_ s: Substring) -> String {
        String(TextNormalizer.display(String(s)).unicodeScalars.filter { !TextNormalizer.isSpace($0) }.map(Character.init))
    }

    // MARK: patterns

    static let number = "([0-9][0-9,，]*(?:\\.[0-9]+)?|[零〇一二两三四五六七八九十百千]+)"
    static let total = "(?:共计|共|合计|总计|累计)?"

    /// A pattern, the fact it states, and a check on the match (the sentence, the match's range).
    struct Pattern: @unchecked Sendable {
        var kind: ProseFact.Kind
        var regex: NSRegularExpression
        /// The capture group holding the number; nil for a statement of zero (未收到…).
        var numberGroup: Int?
        var accept: (NSString, NSTextCheckingResult) -> Bool = { _, _ in true }
    }

    static func re(_ pattern: String) -> NSRegularExpression {
        // The patterns are constants; a bad one is a programming error caught by the tests.
        try! NSRegularExpression(pattern: pattern)
    }

    /// Whether 信息公开 is said shortly before `location` in the sentence (review and litigation
    /// counts must be about information disclosure, not the body's other cases).
    static func disclosureContext(_ s: NSString, before location: Int) -> Bool {
        let start = max(0, location - 30)
        return s.substring(with: NSRange(location: start, length: location - start)).contains("信息公开")
    }

    static let patterns: [Pattern] = [
        Pattern(kind: .newReceived,
                regex: re("(?<!未)(?<!没有)(?<!上年)(收到|受理|新收|接收|接到|收悉)([^，,。；;：:（）()]{0,20}?)(申请|事项)(?:数量)?(?:为|是)?\(total)\(number)件"),
                numberGroup: 4,
                accept: { s, m in
                    let gap = s.substring(with: m.range(at: 2)) + s.substring(with: m.range(at: 3))
                    return gap.contains("申请") && !gap.contains("结转") && !gap.contains("办结")
                }),
        Pattern(kind: .newReceived, regex: re("(?:未|没有)(?:收到|受理|接到|接收)[^，,。；;]{0,15}?申请(?!人)"), numberGroup: nil),
        Pattern(kind: .carriedOver,
                regex: re("上年度?结转(?:的)?(?:政府信息公开)?(?:申请)?(?:数量)?(?:为)?\(total)\(number)件"), numberGroup: 1),
        Pattern(kind: .totalProcessed,
                regex: re("(?:^|(?<=[共已，,、]))办结(?:政府信息公开)?(?:申请)?\(total)\(number)件"), numberGroup: 1),
        Pattern(kind: .carriedForward,
                regex: re("结转(?:至|到)?下一?年度?(?:继续办理)?(?:的)?(?:申请)?\(total)\(number)件"), numberGroup: 1),
        Pattern(kind: .grantedOrPartial,
                regex: re("(?<!不)予以公开(?:和|及|与|、|或)部分公开(?:的)?(?:申请)?\(total)\(number)件"), numberGroup: 1),
        Pattern(kind: .granted, regex: re("(?<!不)予以公开(?:的)?(?:申请)?\(number)件"), numberGroup: 1),
        Pattern(kind: .review,
                regex: re("(?<![、和及与])行政复议(?:案件|申请)?\(total)\(number)(?:件|起)"), numberGroup: 1,
                accept: { s, m in disclosureContext(s, before: m.range.location) }),
        Pattern(kind: .litigation,
                regex: re("(?<!复议[、和及与])行政诉讼(?:案件)?\(total)\(number)(?:件|起)"), numberGroup: 1,
                accept: { s, m in disclosureContext(s, before: m.range.location) }),
        Pattern(kind: .processingFee,
                regex: re("(?:未|没有|无|不)(?:收取|产生|发生|收缴)[^，,。；;]{0,12}?处理费"), numberGroup: nil),
        Pattern(kind: .processingFee,
                regex: re("(?<!未)(?<!无)(?:收取|产生|收缴)(?:了)?[^，,。；;0-9]{0,12}?处理费(?:收入)?(?:金额)?(?:为)?\(total)\(number)(万元|元)"),
                numberGroup: 1),
    ]

    /// 未发生…行政复议、行政诉讼…: zero for each one the clause names, when the clause is about
    /// information disclosure and the term is followed by 案件/情况 or joined to the other term
    /// (not 行政复议纠错 and the like).
    static let zeroCases = re("(?:未|没有)(?:发生|收到|产生|出现|接到)([^，,。；;]{0,40})")

    static func facts(inSentence s: String, section: String, year: Int? = nil) -> [ProseFact] {
        let ns = s as NSString
        let whole = NSRange(location: 0, length: ns.length)
        var out: [ProseFact] = []
        for p in patterns {
            for m in p.regex.matches(in: s, range: whole) where p.accept(ns, m) {
                guard aboutThisYear(ns, before: m.range.location, year: year) else { continue }
                var value = Decimal(0)
                if let g = p.numberGroup {
                    guard let v = parseNumber(ns.substring(with: m.range(at: g))) else { continue }
                    value = v
                    if p.kind == .processingFee, ns.substring(with: m.range(at: g + 1)) == "万元" { value *= 10000 }
                }
                out.append(ProseFact(kind: p.kind, value: value, quote: quote(ns, around: m.range), section: section))
            }
        }
        for m in zeroCases.matches(in: s, range: whole) where aboutThisYear(ns, before: m.range.location, year: year) {
            let clause = ns.substring(with: m.range)
            guard clause.contains("信息公开") || disclosureContext(ns, before: m.range.location) else { continue }
            for (term, kind) in [("行政复议", ProseFact.Kind.review), ("行政诉讼", .litigation)] {
                guard let r = clause.range(of: term) else { continue }
                let after = clause[r.upperBound...]
                let joined = ["案件", "案", "情况", "的情况", "、", "和", "及", "与", "或"].contains { after.hasPrefix($0) }
                guard after.isEmpty || joined else { continue }
                out.append(ProseFact(kind: kind, value: 0, quote: quote(ns, around: m.range), section: section))
            }
        }
        return out
    }

    static let otherTimeWords = ["去年", "上年度", "上一年", "上年", "前年", "同比", "较", "比上年", "往年"]
    static let yearMention = re("((?:19|20)[0-9]{2})年")

    /// Whether the clause a statement starts in (from the last ，；： before it) is about the
    /// report's own year: it names no other year and compares with none.
    static func aboutThisYear(_ s: NSString, before location: Int, year: Int?) -> Bool {
        var start = location
        while start > 0, !"，,；;：:".contains(s.substring(with: NSRange(location: start - 1, length: 1))) { start -= 1 }
        let clause = s.substring(with: NSRange(location: start, length: location - start))
        if otherTimeWords.contains(where: clause.contains) { return false }
        guard let year else { return true }
        let c = clause as NSString
        return yearMention.matches(in: clause, range: NSRange(location: 0, length: c.length)).allSatisfy {
            Int(c.substring(with: $0.range(at: 1))) == year
        }
    }

    /// The sentence, or the part of it within 40 characters of the statement, marked with … where cut.
    static func quote(_ s: NSString, around r: NSRange) -> String {
        let margin = 40
        let start = max(0, r.location - margin), end = min(s.length, r.location + r.length + margin)
        var q = s.substring(with: NSRange(location: start, length: end - start))
        if start > 0 { q = "…" + q }
        if end < s.length { q += "…" }
        return q
    }

    // MARK: numbers

    /// A count or amount written in digits (`1,234`, `12.5`) or in Chinese numerals (`十二`, `两`).
    static func parseNumber(_ text: String) -> Decimal? {
        let digits = text.filter { $0 != "," && $0 != "，" }
        if let first = digits.first, first.isASCII, first.isNumber {
            return Decimal(string: digits, locale: Locale(identifier: "en_US_POSIX"))
        }
        return chineseNumeral(text).map { Decimal($0) }
    }

    static func chineseNumeral(_ text: String) -> Int? {
        let digit: [Character: Int] = ["零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                                       "六": 6, "七": 7, "八": 8, "九": 9]
        let unit: [Character: Int] = ["十": 10, "百": 100, "千": 1000]
        var total = 0, pending: Int?
        for c in text {
            if let d = digit[c] {
                pending = d
            } else if let u = unit[c] {
                total += (pending ?? 1) * u
                pending = nil
            } else {
                return nil
            }
        }
        return text.isEmpty ? nil : total + (pending ?? 0)
    }
}
