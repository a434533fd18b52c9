import Foundation
import Testing
@testable import GovReport

/// Bytes to text for the text, Markdown and web-page readers, and the iconv call under them.
@Suite struct TextDecodingTests {
    /// 中文 in GBK (GB18030's two-byte range) and in Big5.
    static let gbk: [UInt8] = [0xD6, 0xD0, 0xCE, 0xC4]
    static let big5: [UInt8] = [0xA4, 0xA4, 0xA4, 0xE5]

    @Test func namedCharsetsGoThroughIconv() {
        #expect(CharsetConversion.string(Self.gbk, charset: "GB18030") == "中文")
        #expect(CharsetConversion.string(Self.big5, charset: "big5") == "中文")
        #expect(CharsetConversion.string([0xE9], charset: "iso-8859-1") == "é")
        #expect(CharsetConversion.string([], charset: "GB18030") == "")
    }

    @Test func unknownCharsetsCutAndIllegalBytesAreNoText() {
        #expect(CharsetConversion.string(Self.gbk, charset: "no-such-charset") == nil)
        // A two-byte character cut after its first byte.
        #expect(CharsetConversion.string(Self.gbk + [0xD6], charset: "GB18030") == nil)
        // 0xFF never starts a GB18030 character.
        #expect(CharsetConversion.string([0x41, 0xFF, 0x41], charset: "GB18030") == nil)
    }

    @Test func longTextIsConvertedWhole() {
        let bytes = Array([[UInt8]](repeating: Self.gbk + [0x0A], count: 50_000).joined())
        let text = CharsetConversion.string(bytes, charset: "GB18030")
        #expect(text?.count == 150_000)
        #expect(text?.hasPrefix("中文\n中文\n") == true)
    }

    @Test func textReports() {
        #expect(TextDecoding.decode(Data([0xEF, 0xBB, 0xBF] + Array("中文".utf8))) == "中文")
        #expect(TextDecoding.decode(Data([0xFF, 0xFE, 0x2D, 0x4E, 0x87, 0x65])) == "中文")
        #expect(TextDecoding.decode(Data("中文".utf8)) == "中文")
        #expect(TextDecoding.decode(Data(Self.gbk)) == "中文")
        #expect(TextDecoding.decode(Data([0x41, 0x00, 0x42])) == nil)
        #expect(TextDecoding.decode(Data([0x41, 0xFF, 0x41])) == nil)
    }

    @Test func webPagesTakeTheirDeclaredCharsetAfterAByteOrderMark() {
        #expect(TextDecoding.decode(Self.big5, declared: .other("big5")) == "中文")
        // Declared gb2312 but saved as UTF-8: the UTF-8 reading wins.
        #expect(TextDecoding.decode(Array("中文".utf8), declared: .gb18030) == "中文")
        #expect(TextDecoding.decode([0xFE, 0xFF, 0x4E, 0x2D, 0x65, 0x87], declared: .gb18030) == "中文")
        // Nothing declared: UTF-8, else GB18030.
        #expect(TextDecoding.decode(Self.gbk, declared: nil) == "中文")
        #expect(TextDecoding.decode([0xFF, 0x41], declared: nil) == nil)
    }
}
