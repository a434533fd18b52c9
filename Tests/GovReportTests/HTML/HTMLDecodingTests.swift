import Foundation
import Testing
@testable import GovReport

@Suite struct HTMLDecodingTests {
    /// 中文 in GBK (and GB2312, GB18030).
    static let gbkChinese: [UInt8] = [0xD6, 0xD0, 0xCE, 0xC4]

    static func page(head: String, body: [UInt8]) -> [UInt8] {
        Array("<html><head>\(head)</head><body><p>".utf8) + body + Array("</p></body></html>".utf8)
    }

    @Test func metaCharsetGB2312() {
        let bytes = Self.page(head: #"<meta charset="gb2312">"#, body: Self.gbkChinese)
        #expect(HTMLDecoding.declaredCharset(bytes) == .gb18030)
        #expect(HTMLDecoding.decode(bytes)?.contains("中文") == true)
    }

    @Test func httpEquivContentType() {
        let head = #"<META http-equiv=Content-Type content="text/html; charset=GBK">"#
        #expect(HTMLDecoding.declaredCharset(Self.page(head: head, body: [])) == .gb18030)
        let utf8 = #"<meta http-equiv="Content-Type" content='text/html;charset=UTF-8' />"#
        #expect(HTMLDecoding.declaredCharset(Self.page(head: utf8, body: [])) == .utf8)
        #expect(HTMLDecoding.declaredCharset(Self.page(head: #"<meta charset = 'big5'>"#, body: [])) == .other("big5"))
        #expect(HTMLDecoding.declaredCharset(Self.page(head: #"<meta name="keywords" content="年报">"#, body: [])) == nil)
    }

    @Test func byteOrderMarkWinsOverTheDeclaration() {
        let bytes = [0xEF, 0xBB, 0xBF] + Self.page(head: #"<meta charset="gbk">"#, body: Array("中文".utf8))
        #expect(HTMLDecoding.decode(bytes)?.contains("中文") == true)
        let units = Array("<p>中文</p>".utf16)
        let utf16: [UInt8] = [0xFF, 0xFE] + units.flatMap { u -> [UInt8] in [UInt8(u & 0xFF), UInt8(u >> 8)] }
        #expect(HTMLDecoding.decode(utf16) == "<p>中文</p>")
        let utf16be: [UInt8] = [0xFE, 0xFF] + units.flatMap { u -> [UInt8] in [UInt8(u >> 8), UInt8(u & 0xFF)] }
        #expect(HTMLDecoding.decode(utf16be) == "<p>中文</p>")
    }

    @Test func withoutDeclarationUTF8ThenGB18030() {
        #expect(HTMLDecoding.decode(Self.page(head: "", body: Array("中文".utf8)))?.contains("中文") == true)
        #expect(HTMLDecoding.decode(Self.page(head: "", body: Self.gbkChinese))?.contains("中文") == true)
    }

    @Test func aStaleGB2312DeclarationOnAUTF8Page() {
        // Re-saved as UTF-8, the gb2312 meta kept: the bytes are valid UTF-8, so UTF-8 it is.
        let bytes = Self.page(head: #"<meta charset="gb2312">"#, body: Array("政府信息公开".utf8))
        #expect(HTMLDecoding.decode(bytes)?.contains("政府信息公开") == true)
    }

    @Test func aWrongUTF8DeclarationFallsBackToGB18030() {
        let bytes = Self.page(head: #"<meta charset="utf-8">"#, body: Self.gbkChinese)
        #expect(HTMLDecoding.decode(bytes)?.contains("中文") == true)
    }

    @Test func labelsMapToDecoders() {
        for label in ["gb2312", "GBK", "gb18030", "x-gbk", "cp936"] { #expect(TextDecoding.charset(named: label) == .gb18030) }
        #expect(TextDecoding.charset(named: "UTF-8") == .utf8)
        #expect(TextDecoding.charset(named: "utf-16") == .utf8)
    }
}
