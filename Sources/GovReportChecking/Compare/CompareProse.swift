import Foundation
import GovReport

/// Prose copied from last year: which paragraphs of the later report's parts 一、五、六 repeat a
/// paragraph of the same part of the earlier report, exactly or nearly.
///
/// Similarity is measured on normalized text: the paragraph as `TextNormalizer.key` folds it,
/// with every run of digits (`2023`, `12`, `3.5`, `12%`) and every Chinese numeral followed by
/// a date or measure word (`二〇二三年`, `十二件`) replaced by one mask character, and spacing
/// and punctuation left out — so "2023年…收到申请12件" and "2024年…收到申请15件" are the same
/// text. Two paragraphs' similarity is the Dice coefficient of their sets of character
/// trigrams, 2·|A∩B| / (|A|+|B|): 1 for the same text, 0 for texts with no three characters
/// in common. A paragraph is also compared with each two adjacent earlier paragraphs joined,
/// and when the earlier stretch is at most `containedRatio` times as long, the share of the
/// paragraph's trigrams it holds counts if higher — so a paragraph split in two, two joined, or
/// wrapped lines the extraction kept apart (re-wrapped once the numbers changed) still match.
/// A paragraph is reused when its most similar earlier stretch reaches `threshold`; paragraphs
/// shorter than `minimumCharacters` (headings such as （一）主动公开情况, a bare 无) are not
/// compared.
public enum ProseReuse {
    /// A paragraph of the later report that repeats one of the earlier report.
    public struct Reuse: Sendable, Equatable {
        /// `overview`, `problems_and_improvements` or `other_matters`.
        public var part: String
        /// 1-based, counting the part's non-empty lines (paragraphs).
        public var toParagraph: Int
        /// The earlier report's paragraph it repeats (1-based, in the same part).
        public var fromParagraph: Int
        /// Dice similarity of the two paragraphs' character trigrams, 0…1 (digits and years left out).
        public var similarity: Double
        /// The two paragraphs as printed.
        public var toText: String
        /// The earlier report's paragraph.
        public var fromText: String
    }

    /// Everything repeated from the earlier report's prose.
    public struct Result: Sendable, Equatable {
        /// The later report's paragraphs that repeat one of the earlier report's, in reading order.
        public var reused: [Reuse]
        /// Per part of the later report that has text: the share of its normalized characters
        /// that are in reused paragraphs (0…1), in the parts' order.
        public var reusedShare: [(part: String, share: Double)]
        /// Normalized characters per part of the later report.
        public var partLength: [String: Int]

        public static func == (a: Result, b: Result) -> Bool {
            a.reused == b.reused && a.partLength == b.partLength
                && a.reusedShare.map(\.part) == b.reusedShare.map(\.part)
                && a.reusedShare.map(\.share) == b.reusedShare.map(\.share)
        }
    }

    /// Near-duplicates: at least this Dice similarity of character trigrams. An edit of one
    /// clause in ten (a changed phrase, an added example) stays above it; two different
    /// paragraphs on the same subject, which share the field's stock phrases (政府信息公开,
    /// 主动公开), stay well below (0.2–0.5 measured on the samples and the corpus).
    static let threshold = 0.8
    /// Paragraphs with fewer normalized characters are not compared.
    static let minimumCharacters = 16
    /// `cross.prose_reused` fires when more than this share of a part repeats last year's text…
    static let mostlyReused = 0.5
    /// …and the part has at least this many normalized characters (a one-line 六、其他需要报告的
    /// 事项 such as 本年度未收取信息处理费 is expected to stay the same).
    static let minimumPartCharacters = 60

    /// The parts compared, in the report's order, with the plain-Chinese heading.
    static let parts: [(key: String, heading: String)] = [
        ("overview", "一、总体情况"),
        ("problems_and_improvements", "五、存在的主要问题及改进情况"),
        ("other_matters", "六、其他需要报告的事项"),
    ]

    static func text(_ s: CanonicalReport.Sections, _ part: String) -> String? {
        switch part {
        case "overview": s.overview
        case "problems_and_improvements": s.problemsAndImprovements
        default: s.otherMatters
        }
    }

    /// The paragraphs of a part (its non-empty lines), as printed.
    static func paragraphs(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: \.isNewline).map(String.init)
            .filter { !$0.allSatisfy(\.isWhitespace) }
    }

    /// A stretch of the earlier part a later paragraph is compared with: one paragraph, or two
    /// adjacent ones joined (a paragraph split in two or two joined, or lines that the
    /// extraction kept apart wrapped at other places once the numbers changed).
    struct Window {
        var members: [(index: Int, grams: Set<String>)]
        var length: Int
        var grams: Set<String>
    }

    static func windows(_ paragraphs: [[Character]]) -> [Window] {
        var singles: [Window] = [], pairs: [Window] = []
        for (j, p) in paragraphs.enumerated() {
            let g = trigrams(p)
            if p.count >= minimumCharacters { singles.append(Window(members: [(j, g)], length: p.count, grams: g)) }
            if j + 1 < paragraphs.count {
                let q = paragraphs[j + 1], joined = p + q
                if joined.count >= minimumCharacters {
                    pairs.append(Window(members: [(j, g), (j + 1, trigrams(q))], length: joined.count, grams: trigrams(joined)))
                }
            }
        }
        // Single paragraphs first: on a tie the paragraph itself is the source.
        return singles + pairs
    }

    /// A window this many times as long as the later paragraph may contain it (a paragraph
    /// split in two, a wrapped line): then the share of the paragraph's trigrams the window
    /// holds counts as the similarity when it is higher than the Dice coefficient.
    static let containedRatio = 2.5

    static func similarity(_ grams: Set<String>, length: Int, _ w: Window) -> Double {
        var s = dice(grams, w.grams)
        if !grams.isEmpty, Double(w.length) <= containedRatio * Double(length) {
            s = max(s, Double(grams.intersection(w.grams).count) / Double(grams.count))
        }
        return s
    }

    static func compare(from old: CanonicalReport.Sections, to new: CanonicalReport.Sections) -> Result {
        var reused: [Reuse] = [], shares: [(String, Double)] = [], lengths: [String: Int] = [:]
        for (part, _) in parts {
            let newParas = paragraphs(text(new, part)), oldParas = paragraphs(text(old, part))
            let newNorm = newParas.map(normalized)
            let oldWindows = windows(oldParas.map(normalized))
            let total = newNorm.reduce(0) { $0 + $1.count }
            guard total > 0 else { continue }
            lengths[part] = total
            var reusedChars = 0
            for (i, n) in newNorm.enumerated() where n.count >= minimumCharacters {
                let grams = trigrams(n)
                var best: (window: Window, sim: Double)?
                for w in oldWindows {
                    let s = similarity(grams, length: n.count, w)
                    if s > (best?.sim ?? 0) { best = (w, s) }
                }
                guard let best, best.sim >= threshold else { continue }
                // The source: the window's paragraph that shares most with this one.
                let from = best.window.members.max { grams.intersection($0.grams).count < grams.intersection($1.grams).count }!.index
                reusedChars += n.count
                reused.append(Reuse(part: part, toParagraph: i + 1, fromParagraph: from + 1,
                                    similarity: rounded(best.sim), toText: newParas[i], fromText: oldParas[from]))
            }
            shares.append((part, rounded(Double(reusedChars) / Double(total))))
        }
        return Result(reused: reused, reusedShare: shares, partLength: lengths)
    }

    /// Parts of the later report that are mostly last year's text (see `mostlyReused`).
    static func mostlyReusedParts(_ r: Result) -> [(part: String, share: Double)] {
        r.reusedShare.filter { $0.share > mostlyReused && (r.partLength[$0.part] ?? 0) >= minimumPartCharacters }
    }

    static func rounded(_ x: Double) -> Double { (x * 100).rounded() / 100 }

    // MARK: normalization

    /// Chinese numerals, and the words after which a run of them is a number to mask.
    static let chineseDigits = Set("〇零一二三四五六七八九十百千万两")
    static let measureWords = Set("年月日件条次个篇项人家期批场份名类余多")

    /// The paragraph as compared: `TextNormalizer.key`, numbers masked as `#`, only letters,
    /// ideographs and the mask kept.
    static func normalized(_ paragraph: String) -> [Character] {
        let chars = Array(TextNormalizer.key(paragraph))
        var out: [Character] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isASCII, c.isNumber {
                // 12 / 3.5 / 1,234 / 12%: one mask.
                var j = i + 1
                while j < chars.count, (chars[j].isASCII && chars[j].isNumber)
                    || (".,%".contains(chars[j]) && j + 1 < chars.count && chars[j + 1].isASCII && chars[j + 1].isNumber) {
                    j += 1
                }
                if j < chars.count, chars[j] == "%" { j += 1 }
                out.append("#")
                i = j
                continue
            }
            if chineseDigits.contains(c) {
                var j = i
                while j < chars.count, chineseDigits.contains(chars[j]) { j += 1 }
                if j < chars.count, measureWords.contains(chars[j]) {
                    out.append("#")
                    i = j
                    continue
                }
            }
            if c.isLetter || TextNormalizer.isCJK(c) { out.append(c) }
            i += 1
        }
        // Runs of masks (2023年12月 → #年#月 stays; 12 345 → ##) fold to one.
        return out.reduce(into: []) { acc, c in if !(c == "#" && acc.last == "#") { acc.append(c) } }
    }

    static func trigrams(_ chars: [Character]) -> Set<String> {
        guard chars.count >= 3 else { return chars.isEmpty ? [] : [String(chars)] }
        return Set((0...(chars.count - 3)).map { String(chars[$0..<$0 + 3]) })
    }

    static func dice(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 0 }
        return 2 * Double(a.intersection(b).count) / Double(a.count + b.count)
    }
}
