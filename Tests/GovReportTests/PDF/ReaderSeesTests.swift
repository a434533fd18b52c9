import Foundation
import Testing
@testable import GovReport

/// What a reader sees (issue 10): hidden glyphs, sideways text, undecodable glyphs, ToUnicode
/// values poppler cuts short.
@Suite struct ReaderSeesTests {
    static let stress = Paths.packageRoot.appendingPathComponent("Tests/GovReportTests/Fixtures/stress")

    static func glyph(_ t: String, _ x: Double, _ y: Double, w: Double = 6, h: Double = 10, color: UInt32 = 0,
                      font: String = "F") -> Glyph {
        Glyph(text: t, box: Rect(x0: x, y0: y, x1: x + w, y1: y + h), fontSize: 10, fontName: font, color: color)
    }

    @Test func aSidewaysTableIsReadInItsOwnFrameAndSaysSo() throws {
        let report = try ReportExtractor.extract(path: Self.stress.appendingPathComponent("rl_quirk_sideways_apps.pdf").path)
        let notes = report.diagnostics.filter { $0.code == "layout.rotated_text" }
        #expect(notes.count == 1)
        #expect(notes.first?.message.contains("3") == true)
    }

    @Test func uprightPagesAreNotTurned() throws {
        let glyphs = (0..<30).map { Self.glyph("字", Double($0) * 10, 100, w: 10) }
        #expect(RotatedText.turn(of: PageText(number: 1, width: 595, height: 842, glyphs: glyphs)) == nil)
    }

    @Test func textRunningBottomToTopTurnsCounterClockwise() {
        // Characters stacked upwards, each 10 pt: reading order goes up the page.
        let glyphs = (0..<30).map { Self.glyph("字", 100, 700 - Double($0) * 10, w: 10) }
        let page = PageText(number: 1, width: 595, height: 842, glyphs: glyphs)
        #expect(RotatedText.turn(of: page) == .counterClockwise)
        let turned = RotatedText.upright(page, .counterClockwise)
        #expect(turned.width == 842 && turned.height == 595)
        // In the text's frame the characters run left to right on one line.
        let xs = turned.glyphs.map(\.box.x0)
        #expect(xs == xs.sorted())
        #expect(Set(turned.glyphs.map(\.box.y0)).count == 1)
        // Vertical writing (top to bottom, -Identity-V fonts) is not sideways text.
        let vertical = (0..<30).map { Self.glyph("字", 100, 100 + Double($0) * 10, w: 10, font: "SimSun-Identity-V") }
        #expect(RotatedText.turn(of: PageText(number: 1, width: 595, height: 842, glyphs: vertical)) == nil)
    }

    @Test func whiteGlyphsOnAWhiteGroundAreDroppedOnADarkGroundKept() {
        let white: UInt32 = 0xFFFFFF
        let page = PageText(number: 1, width: 200, height: 100, glyphs: [
            Self.glyph("5", 10, 10), Self.glyph("9", 10, 10, color: white),   // white under black
            Self.glyph("0", 50, 10, color: white),                              // white 0 in a blank cell
            Self.glyph("7", 100, 10, color: white),                             // white on a dark fill
        ])
        // The rendered page: black ink where the 5 is, a dark box under the 7.
        var pixels = [UInt8](repeating: 255, count: 200 * 100)
        for y in 12..<18 { for x in 11..<15 { pixels[y * 200 + x] = 0 } }
        for y in 5..<30 { for x in 95..<115 { pixels[y * 200 + x] = 30 } }
        let image = GrayImage(width: 200, height: 100, scale: 1, pixels: pixels)
        var rendered = 0
        let out = HiddenText.visible(page) { _ in rendered += 1; return image }
        #expect(out.glyphs.map(\.text) == ["5", "7"])
        #expect(rendered == 1)
        // A page with no light glyph costs no rendering.
        let plain = PageText(number: 1, width: 200, height: 100, glyphs: [Self.glyph("5", 10, 10)])
        _ = HiddenText.visible(plain) { _ in rendered += 1; return image }
        #expect(rendered == 1)
    }

    @Test func controlCodesMakeAPageUndecodableAFewBulletsDoNot() {
        var glyphs = (0..<40).map { Self.glyph("字", Double($0) * 10, 100) }
        #expect(PageTextJudgement.judge(PageText(number: 2, width: 595, height: 842, glyphs: glyphs)).verdict == .usable)
        glyphs += [Self.glyph("\u{F0B7}", 0, 200), Self.glyph("\u{F0B7}", 0, 220)]    // Symbol-font bullets
        #expect(PageTextJudgement.judge(PageText(number: 2, width: 595, height: 842, glyphs: glyphs)).verdict == .usable)
        glyphs += ["\u{1}", "\u{2}", "\u{3}"].enumerated().map { Self.glyph($1, Double($0) * 6, 300, font: "T3") }
        let j = PageTextJudgement.judge(PageText(number: 2, width: 595, height: 842, glyphs: glyphs))
        #expect(j.verdict == .undecodable)
        #expect(j.reason.contains("T3"))
        #expect(PageTextJudgement.judge(PageText(number: 3, width: 595, height: 842, glyphs: [])).verdict == .noText)
    }

    @Test func controlCodesNeverReachTheLayout() {
        let page = PageText(number: 1, width: 200, height: 100, glyphs: [Self.glyph("\u{2}", 0, 0), Self.glyph("1", 8, 0)])
        #expect(PageLayout(text: page).glyphs.map(\.text) == ["1"])
    }

    @Test func supplementaryValuesWrittenAsFiveHexDigitsAreRead() {
        let cmap = """
        /CIDInit /ProcSet findresource begin 12 dict begin begincmap
        2 beginbfchar
        <01> <2F8B2>
        <02> <6210>
        endbfchar
        1 beginbfrange
        <10> <11> <2F836>
        endbfrange
        endcmap
        """
        let values = ToUnicodeRepair.longValues(inCMap: cmap)
        #expect(values.map(\.0) == [0x2F8B, 0x2F83, 0x2F84])
        #expect(values.map(\.1) == [0x2F8B2, 0x2F836, 0x2F837])
        let pdf = Data("1 0 obj\n<< /Length \(cmap.utf8.count) >>\nstream\n\(cmap)\nendstream\nendobj\n".utf8)
        let repairs = ToUnicodeRepair.truncatedValues(in: pdf, inflate: { _ in nil })
        #expect(repairs[0x2F8B] == "\u{2F8B2}")
    }

    @Test func cjkCMapsBelongToTheirCollections() {
        #expect(CMapCollection.of(encoding: "UniGB-UCS2-H") == "Adobe-GB1")
        #expect(CMapCollection.of(encoding: "B5pc-H") == "Adobe-CNS1")
        #expect(CMapCollection.of(encoding: "Identity-H") == nil)
        #expect(CMapCollection.of(encoding: "WinAnsiEncoding") == nil)
    }

    @Test func invisibleTextIsFoundInContentStreams() {
        #expect(PDFStreams.setsInvisibleText("BT 3 Tr (0) Tj 0 Tr ET"))
        #expect(PDFStreams.setsInvisibleText("BT\n3\nTr\n(0) Tj ET"))
        #expect(!PDFStreams.setsInvisibleText("BT 2 Tr (0) Tj 13 Tr 0.3 Tr ET"))
        #expect(PDFStreams.ascii85(Data(#"87cURD]j7BEbo7~>"#.utf8)) == Data("Hello world".utf8))
    }

    @Test func glyphsWithNoInkAreDroppedOnlyWhenAskedTo() {
        let page = PageText(number: 1, width: 100, height: 50, glyphs: [Self.glyph("5", 10, 10), Self.glyph("0", 50, 10)])
        var pixels = [UInt8](repeating: 255, count: 100 * 50)
        for y in 12..<18 { for x in 11..<15 { pixels[y * 100 + x] = 0 } }
        let image = GrayImage(width: 100, height: 50, scale: 1, pixels: pixels)
        #expect(HiddenText.visible(page, checkInk: true) { _ in image }.glyphs.map(\.text) == ["5"])
        #expect(HiddenText.visible(page) { _ in image }.glyphs.map(\.text) == ["5", "0"])
    }

    /// Two different texts in one place are never glued: with no sample of either shape to
    /// tell which shows, one is kept and the place is marked uncertain; a page without
    /// overlapping glyphs is not rendered.
    @Test func overlappingTextsAreNeverGlued() {
        let page = PageText(number: 1, width: 200, height: 100, glyphs: [
            Self.glyph("3", 10, 10), Self.glyph("8", 10, 10), Self.glyph("5", 50, 10),
        ])
        let image = GrayImage(width: 200, height: 100, scale: 1, pixels: [UInt8](repeating: 255, count: 200 * 100))
        var rendered = 0
        let out = OverlappingText.resolve(page) { _ in rendered += 1; return image }
        #expect(out.text.glyphs.count == 2)
        #expect(out.text.glyphs.map(\.text).contains("5"))
        #expect(out.uncertain.count == 1)
        let plain = PageText(number: 1, width: 200, height: 100, glyphs: [Self.glyph("3", 10, 10), Self.glyph("5", 16, 10)])
        #expect(OverlappingText.resolve(plain) { _ in rendered += 1; return image }.text.glyphs.count == 2)
        #expect(rendered == 1)
    }

    /// A long label running over into the number beside it (情形）149 in a narrow borderless
    /// cell): the digit is drawn over the blank half of the full-width bracket, both show, and
    /// both are kept with no doubt; two digits over each other still are one text hiding another.
    @Test func aLabelRunningIntoItsNumberKeepsBoth() {
        let glyphs = [Self.glyph("）", 100, 10, w: 10), Self.glyph("1", 106.5, 10, w: 5), Self.glyph("4", 111.5, 10, w: 5),
                      Self.glyph("）", 20, 50, w: 10), Self.glyph("1", 40, 50, w: 5)]
        var pixels = [UInt8](repeating: 255, count: 200 * 100)
        // Ink: the bracket's stroke in the left half of its box, each digit's stem.
        for (x0, x1, y0) in [(101, 104, 10), (21, 24, 50), (107, 110, 10), (41, 44, 50), (112, 115, 10)] {
            for y in (y0 + 1)..<(y0 + 9) { for x in x0..<x1 { pixels[y * 200 + x] = 0 } }
        }
        let image = GrayImage(width: 200, height: 100, scale: 1, pixels: pixels)
        let out = OverlappingText.resolve(PageText(number: 1, width: 200, height: 100, glyphs: glyphs)) { _ in image }
        #expect(out.text.glyphs.count == 5)
        #expect(out.uncertain.isEmpty)
        let abutting = [Self.glyph("情", 86, 10, w: 10)] + glyphs.prefix(3)
        #expect(GluedValues.split(LineBuilder.word(Array(abutting)), gap: TableFinderSettings.standard.labels.gluedValueGap)
            .map(\.text) == ["情）", "14"])
    }
}
