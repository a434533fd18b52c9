import Foundation

/// The information box government sites print above an article (索引号, 主题分类, 发布机构,
/// 成文日期, 名称, 文号, 发布日期): fields of the page, not the report's text. Read as lines —
/// as text, as a table's cells, or printed to PDF where a label may run into its value
/// (名称沭阳县…) — a line that starts with a field label is a row of the box.
enum MetadataBox {
    /// Field labels, in key form (TextNormalizer.key). 名称 and 标题 hold the article's title.
    static let labels = ["索引号", "主题分类", "主题词", "发布机构", "发文机关", "发文单位", "成文日期", "发文日期",
                         "名称", "标题", "文号", "发文字号", "发布日期", "公开日期", "生效日期", "有效性", "时效性",
                         "公开方式", "公开范围", "信息来源", "组配分类", "体裁分类", "信息分类"]
    static let titleLabels: Set<String> = ["名称", "标题"]

    /// The fields of a box row, label and value, when the line starts with a field label
    /// followed by a colon, a space or (label run into value) a value; nil for any other line.
    /// A row may hold several fields (索引号：… 主题分类：…): a later label starts a field
    /// when a colon follows it or a space comes before it.
    static func fields(_ text: String) -> [(label: String, value: String)]? {
        let chars = Array(TextNormalizer.display(text))
        guard let first = label(at: 0, in: chars), startsField(first, at: 0, in: chars, first: true) else { return nil }
        var out: [(label: String, value: String)] = []
        var i = 0
        var current = first
        var valueStart = afterLabel(first, at: 0, in: chars)
        i = valueStart
        while i <= chars.count {
            if i == chars.count {
                out.append((current, clean(chars[valueStart..<i])))
                break
            }
            if let next = label(at: i, in: chars), startsField(next, at: i, in: chars, first: false) {
                out.append((current, clean(chars[valueStart..<i])))
                current = next
                valueStart = afterLabel(next, at: i, in: chars)
                i = valueStart
                continue
            }
            i += 1
        }
        return out
    }

    /// The title a box row holds (its 名称/标题 value), or nil.
    static func title(_ text: String) -> String? {
        guard let f = fields(text) else { return nil }
        return f.first { titleLabels.contains($0.label) && !$0.value.isEmpty }?.value
    }

    private static func label(at i: Int, in chars: [Character]) -> String? {
        labels.filter { l in
            let lc = Array(l)
            return i + lc.count <= chars.count && Array(chars[i..<(i + lc.count)]) == lc
        }.max { $0.count < $1.count }
    }

    private static func isColon(_ c: Character) -> Bool { c == ":" || c == "：" }

    /// A label starts a field at the line's start (followed by anything but more label text),
    /// or later after a space or before a colon.
    private static func startsField(_ label: String, at i: Int, in chars: [Character], first: Bool) -> Bool {
        let end = i + label.count
        let colon = end < chars.count && (isColon(chars[end]) || chars[end] == " " && end + 1 < chars.count && isColon(chars[end + 1]))
        if first {
            // 名称 alone, or before a colon, a space or a value (printed run together).
            return colon || end == chars.count || chars[end] == " " || label.count >= 2
        }
        return colon || i > 0 && (chars[i - 1] == " " || chars[i - 1] == "\t")
    }

    private static func afterLabel(_ label: String, at i: Int, in chars: [Character]) -> Int {
        var j = i + label.count
        while j < chars.count, chars[j] == " " || isColon(chars[j]) { j += 1 }
        return j
    }

    private static func clean(_ s: ArraySlice<Character>) -> String {
        String(s).trimmingCharacters(in: .whitespaces)
    }
}
