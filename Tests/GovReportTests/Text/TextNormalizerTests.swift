import Testing
@testable import GovReport

@Suite struct TextNormalizerTests {
    @Test func kangxiRadicalsFoldToIdeographs() {
        // ⼀ U+2F00, ⼆ U+2F06, ⼈ U+2F08 are what badly embedded fonts emit for 一 二 人.
        #expect(TextNormalizer.fold("⼀⼆⼈") == "一二人")
        #expect(TextNormalizer.display("第⼆⼗条") == "第二十条")
        #expect(TextNormalizer.key("⼀、本年新收") == "一、本年新收")
    }

    @Test func radicalSupplementFoldsToIdeographs() {
        // ⻓ U+2ED3 and ⻔ U+2ED5 have no Unicode decomposition; the table maps them.
        #expect(TextNormalizer.fold("\u{2ED3}\u{2ED5}") == "长门")
    }

    @Test func fullWidthDigitsAndLettersFoldToASCII() {
        #expect(TextNormalizer.fold("０１２３") == "0123")
        #expect(TextNormalizer.display("１０２件") == "102件")
        #expect(TextNormalizer.key("ＡＢｃ") == "ABc")
    }

    @Test func ideographicAndNoBreakSpacesBecomeSpaces() {
        #expect(TextNormalizer.fold("总\u{3000}计") == "总 计")
        #expect(TextNormalizer.fold("a\u{00A0}b") == "a b")
    }

    @Test func displayDropsSpacesBetweenCJKCharacters() {
        #expect(TextNormalizer.display("总 计") == "总计")
        #expect(TextNormalizer.display("总\u{3000}\u{3000}计") == "总计")
        #expect(TextNormalizer.display("（一） 予以公开") == "（一）予以公开")
        #expect(TextNormalizer.display("  行政 许可  ") == "行政许可")
    }

    @Test func displayKeepsOneSpaceAroundLatinAndDigits() {
        #expect(TextNormalizer.display("2024   年") == "2024 年")
        #expect(TextNormalizer.display("poppler  glib") == "poppler glib")
        #expect(TextNormalizer.display("第 3 页") == "第 3 页")
    }

    @Test func displayKeepsCJKPunctuationAsPrinted() {
        let s = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
        #expect(TextNormalizer.display(s) == s)
        #expect(TextNormalizer.display("危及“三安全一稳定”：") == "危及“三安全一稳定”：")
        #expect(TextNormalizer.display("国办公开办函〔2021〕30号") == "国办公开办函〔2021〕30号")
    }

    @Test func keyFoldsPunctuationAndSpacing() {
        #expect(TextNormalizer.key("（二）部分公开（区分处理的，只计这一情形，不计其他情形）")
                == "(二)部分公开(区分处理的,只计这一情形,不计其他情形)")
        #expect(TextNormalizer.key("3. 危及“三安全一稳定”") == "3.危及\"三安全一稳定\"")
        #expect(TextNormalizer.key("〔2021〕【附】") == "(2021)(附)")
        #expect(TextNormalizer.key("本年增／减：—") == "本年增/减:-")
        #expect(TextNormalizer.key("总 计\t\n") == "总计")
        // Different printings of one label have one key.
        #expect(TextNormalizer.key("（ 一 ） 予以公开") == TextNormalizer.key("(一)予以公开"))
    }

    @Test func cjkCompatibilityIdeographsFoldToUnifiedIdeographs() {
        // Some PDF fonts map ordinary characters to CJK Compatibility Ideographs (不 U+F967,
        // 行 U+FA08). Swift's == treats them as equal to 不 and 行 (canonical equivalence), so
        // compare scalars: the JSON must carry the unified ideographs, as NFKC gives them.
        func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }
        #expect(scalars(TextNormalizer.display("\u{F967}予公开")) == scalars("不予公开"))
        #expect(scalars(TextNormalizer.key("\u{FA08}政许可")) == scalars("行政许可"))
    }

    @Test func isCJK() {
        #expect(TextNormalizer.isCJK(Character("公")))
        #expect(TextNormalizer.isCJK(Character("㐀")))
        #expect(!TextNormalizer.isCJK(Character("A")))
        #expect(!TextNormalizer.isCJK(Character("，")))
    }
}
