import Foundation
import Testing
@testable import GovReport

/// Markdown that Ink (the Markdown parser) cannot take: runs of `[` that never close are
/// exponential in time and overflow the stack, runs of `<` or `&` are quadratic, `<p` with no
/// `>` loops for ever, a table row of thousands of cells makes every row as wide, trailing
/// blanks after front matter or a list item trap. Each kind is put into the Markdown sample
/// (Samples/sample-markdown-2021.md, made by Scripts/make-samples.py) at 50 and 100,000
/// repeats: the report must read as without it, within seconds.
@Suite struct HostileMarkdownTests {
    static func sample() throws -> String {
        try String(contentsOf: Samples.url("sample-markdown-2021.md"), encoding: .utf8)
    }

    static func read(_ text: String) throws(InputError) -> CanonicalReport {
        try ReportExtractor.extract(data: Data(text.utf8), name: "report.md")
    }

    /// The hostile paragraphs, by kind.
    static let kinds: [String: @Sendable (Int) -> String] = [
        "unclosed [": { "附注 " + String(repeating: "[", count: $0) },
        "matched [ ]": { String(repeating: "[", count: $0) + "x" + String(repeating: "]", count: $0) },
        "[ closed by one link": { String(repeating: "[", count: $0) + " x ](u)" },
        "![": { "附注 " + String(repeating: "![", count: $0) },
        "[a][ labels": { "附注 " + String(repeating: "[a][", count: $0) },
        "links whose target holds ]": { "附注 " + String(repeating: "[x [a](b]()c) ", count: $0 / 10) },
        "links in links": { "附注 " + String(repeating: "[[[[a](u)](u)](u)](u) ", count: $0 / 10) },
        "code spans and [": { "附注 " + String(repeating: "`[` [", count: $0) },
        "( after a link": { "附注 [a](" + String(repeating: "(", count: $0) },
        "(": { "附注 " + String(repeating: "(", count: $0) },
        "<": { "附注 " + String(repeating: "<", count: $0) },
        "<a ": { "附注 " + String(repeating: "<a ", count: $0) },
        "lines of <a": { "附注\n" + String(repeating: "<a\n", count: $0) },
        "<p": { "附注 " + String(repeating: "<p", count: $0) },
        "&": { "附注 " + String(repeating: "&", count: $0) },
        "*": { "附注 " + String(repeating: "*", count: $0) },
        "*a ": { "附注 " + String(repeating: "*a ", count: $0) },
        "_": { "附注 " + String(repeating: "_", count: $0) },
        "~": { "附注 " + String(repeating: "~", count: $0) },
        "`a": { "附注 " + String(repeating: "`a", count: $0) },
        ">": { String(repeating: ">", count: $0) + " 附注" },
        "> ": { String(repeating: "> ", count: $0) + "附注" },
        "#": { String(repeating: "#", count: $0) + " 附注" },
        "a long line": { String(repeating: "附", count: $0) },
        "a wide table row": { String(repeating: "|", count: $0) + "\n" + String(repeating: "|x|\n", count: min($0, 2000)) },
    ]

    @Test(arguments: kinds.keys.sorted(), [50, 100_000])
    func aHostileParagraphLeavesTheReportAsItIs(kind: String, count: Int) throws {
        let text = try Self.sample()
        let clean = try Self.read(text)
        // After the title block, before the first table's heading.
        let at = try #require(text.range(of: "\n## "))
        let hostile = text.replacingCharacters(in: at.lowerBound..<at.lowerBound, with: "\n\n" + Self.kinds[kind]!(count) + "\n\n")
        let start = Date()
        let report = try Self.read(hostile)
        #expect(Date().timeIntervalSince(start) < 60, "\(kind) × \(count)")
        #expect(report.applications == clean.applications, "\(kind) × \(count)")
        #expect(report.activeDisclosure == clean.activeDisclosure, "\(kind) × \(count)")
        #expect(report.reviewLitigation == clean.reviewLitigation, "\(kind) × \(count)")
    }

    @Test func frontMatterOrAListItemFollowedByBlanksDoesNotTrap() throws {
        for text in ["---\n\n", "---\nkey: v\n \n\t\n", "- a\n   ", "1. a\n  \t"] {
            #expect(throws: InputError.self) { try Self.read(text) }
        }
    }

    @Test func whatInkCanReadIsLeftAsItIs() {
        let kept = [
            "[a](u) and ![b](c) and [c][d] and <b>x</b> and &amp; `[` and [x]",
            "[a [b](u) c](v)",
            "[a]: http://example.org",
            "[a\nb](u)",
        ]
        for text in kept {
            let lines = text.components(separatedBy: "\n")
            let bounded = MarkdownInline.bounded(lines)
            #expect(bounded.joined(separator: "\n").replacingOccurrences(of: "&#91;x]", with: "[x]") == text, "\(text)")
        }
    }

    @Test func whatInkWouldTryInVainIsText() {
        #expect(MarkdownInline.bounded(["x [[y"]) == ["x &#91;&#91;y"])
        #expect(MarkdownInline.bounded(["a & b &c d"]) == ["a &amp; b &amp;c d"])
        #expect(MarkdownInline.bounded(["a < b <c"]) == ["a &lt; b &lt;c"])
        #expect(MarkdownInline.bounded(["x", "<y"]) == ["x", "", "&lt;y"])
        // Four links in each other: the innermost is text.
        #expect(MarkdownInline.bounded(["[[[[x](u)](u)](u)](u)"]) == ["[[[&#91;x](u)](u)](u)](u)"])
        // Inside a code span nothing changes.
        #expect(MarkdownInline.bounded(["`[[<&` x"]) == ["`[[<&` x"])
    }

    /// A list nested 10,000 levels deep (100 MB of indentation) kept govreport busy for 40 s and
    /// was then refused as nested too deep: it is refused before it is read, within seconds
    /// (3000 levels here, 9 MB; the 10,000 levels of Scripts/make-hostile-inputs.py --big: 5 s).
    static func nestedList(levels: Int) -> String {
        (0..<levels).map { String(repeating: "  ", count: $0) + "- 附注\n" }.joined()
    }

    @Test func aListNestedTenThousandLevelsIsRefusedAtOnce() throws {
        let text = try Self.sample()
        let at = try #require(text.range(of: "\n## "))
        let hostile = text.replacingCharacters(in: at.lowerBound..<at.lowerBound,
                                               with: "\n\n" + Self.nestedList(levels: 3000) + "\n\n")
        let start = Date()
        #expect(throws: InputError.tooDeeplyNested(limit: MarkdownNesting.maxListDepth)) { try Self.read(hostile) }
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test func aListNestedAFewLevelsLeavesTheReportAsItIs() throws {
        let text = try Self.sample()
        let clean = try Self.read(text)
        let at = try #require(text.range(of: "\n## "))
        let listed = try Self.read(text.replacingCharacters(in: at.lowerBound..<at.lowerBound,
                                                             with: "\n\n" + Self.nestedList(levels: 20) + "\n\n"))
        #expect(listed.applications == clean.applications)
        #expect(listed.reviewLitigation == clean.reviewLitigation)
    }

    @Test func listDepthFollowsTheItemsTextColumns() {
        #expect(MarkdownNesting.listDepth(Self.nestedList(levels: 7)) == 7)
        #expect(MarkdownNesting.listDepth("- a\n- b\n  - c\n    1. d\n       - e\n- f\n") == 4)
        #expect(MarkdownNesting.listDepth("1. a\n 2. b\n\tx\n---\n-x\n") == 1)
        #expect(MarkdownNesting.listDepth("正文\n| a | b |\n") == 0)
        #expect(MarkdownNesting.listDepth(Self.nestedList(levels: 10_000), stoppingAbove: 3) == 4)
    }
}
