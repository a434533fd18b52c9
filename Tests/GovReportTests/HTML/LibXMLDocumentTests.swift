import Testing
@testable import GovReport

@Suite struct LibXMLDocumentTests {
    @Test func entitiesAttributesAndCase() throws {
        let root = try #require(LibXMLDocument.parse(
            #"<HTML><BODY><TABLE border=1><TR><TD ROWSPAN="2" colspan=3>a&nbsp;b&amp;c&#x4E2D;</TD></TR></TABLE></BODY></HTML>"#))
        #expect(root.name == "html")
        let td = try #require(root.first("td"))
        #expect(td["rowspan"] == "2")
        #expect(td["colspan"] == "3")
        #expect(td.textContent == "a\u{00A0}b&c中")
    }

    @Test func scriptTextAndCommentsStayOutOfTheText() throws {
        let root = try #require(LibXMLDocument.parse(
            #"<html><head><title>标题</title><script>document.write("<p>一、总体情况</p>");</script></head><body><!-- 注释 --><p>正文</p></body></html>"#))
        #expect(root.first("title")?.textContent == "标题")
        #expect(HTMLBlocks.blocks(root).compactMap(\.line) == ["正文"])
    }

    @Test func brokenMarkupIsRecovered() throws {
        let root = try #require(LibXMLDocument.parse("<div><p>一<p>二<table><tr><td>3<td>4</table></div>"))
        let lines = HTMLBlocks.blocks(root)
        #expect(lines.compactMap(\.line) == ["一", "二"])
        let grid = try #require(lines.compactMap(\.table).first)
        #expect(grid.cells.map(\.text) == ["3", "4"])
    }

    @Test func html5ElementsAndOfficeTagsKeepTheirChildren() throws {
        let root = try #require(LibXMLDocument.parse(
            #"<html><body><nav><a href="/">首页</a></nav><article><section><p class=MsoNormal>正文<o:p></o:p></p></section></article></body></html>"#))
        #expect(HTMLBlocks.blocks(root).compactMap(\.line) == ["首页", "正文"])
    }
}
