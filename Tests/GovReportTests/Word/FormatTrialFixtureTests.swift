import Foundation
import Testing
@testable import GovReport

/// Reports in the layouts other writers and converters use (Fixtures/format-trials, made by
/// Scripts/make-format-trials.py --fixtures from its trial sets): every number and the report
/// info must match `NAME.numbers.json`, with no error finding.
@Suite struct FormatTrialFixtureTests {
    static let folder = WordFixtures.root.appendingPathComponent("format-trials")

    static let files: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasSuffix(".json") }.sorted()
    }()

    @Test func theFixturesAreThere() {
        #expect(Self.files.count >= 10, "\(Self.files)")
    }

    @Test(arguments: files)
    func readsEveryNumber(file: String) throws {
        let url = Self.folder.appendingPathComponent(file)
        let report = try ReportExtractor.extract(path: url.path)
        let stem = (file as NSString).deletingPathExtension
        let diffs = try WordFixtures.differences(report, numbers: Self.folder.appendingPathComponent(stem + ".numbers.json"))
        #expect(diffs.isEmpty, "\(file): \(diffs.prefix(8))")
        #expect(report.findings.filter { $0.severity == .error }.isEmpty, "\(file): \(report.findings.map(\.code))")
    }

    /// A text box's content is read once: Word writes it twice (DrawingML, and a VML fallback).
    @Test func aTextBoxIsReadOnce() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
             xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
             xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
             xmlns:v="urn:schemas-microsoft-com:vml"><w:body>
            <w:p><w:r><w:t>前</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>
            <w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>
            <mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent>
            </v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
            <w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>旧框</w:t></w:r></w:p></w:txbxContent>
            </v:textbox></v:shape></w:pict></w:r></w:p>
            <w:p><w:del><w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>删除</w:t></w:r></w:p>
            </w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:del></w:p>
            </w:body></w:document>
            """
        let doc = try #require(LibXMLDocument.parseXML(Array(xml.utf8)))
        #expect(WordBody.blocks(doc).compactMap(\.line) == ["前", "框内", "旧框"])
    }

    /// Numbers a converter wrote as inline math lose their dollars; other dollars stay.
    @Test func mathNumbersArePlain() {
        #expect(MarkdownText.prepared("| 规章 | $0$ | $ 12 $ | $/$ | $-3$ | $１２$ |")
                == "| 规章 | 0 | 12 | / | -3 | １２ |")
        #expect(MarkdownText.prepared("价格 $x$ 与 $5 元") == "价格 $x$ 与 $5 元")
    }

    /// A file named .html with no markup in it is text; one with tags stays a web page.
    @Test func anHTMLNameWithoutMarkupIsText() throws {
        let markdown = Data("# 报告\n\n| 规章 | 0 |\n|---|---|\n".utf8)
        #expect(InputKind.sniff(markdown, name: "report.html") == .text)
        #expect(InputKind.sniff(Data("<p>一、总体情况</p>".utf8), name: "part.html") == .html)
        let utf16 = Data([0xFF, 0xFE]) + "<p>一</p>".data(using: .utf16LittleEndian)!
        #expect(InputKind.sniff(utf16, name: "part.htm") == .html)
    }

    /// Word's and Excel's single-file XML, and web archives, are told by their content.
    @Test func officeXMLAndWebArchivesAreToldByContent() {
        let word2003 = Data("<?xml version=\"1.0\"?>\n<?mso-application progid=\"Word.Document\"?>\n<w:wordDocument/>".utf8)
        #expect(InputKind.sniff(word2003, name: "report.doc") == .office(.doc))
        #expect(InputKind.sniff(word2003, name: "report.txt") == .office(.doc))
        let excel = Data("<?xml version=\"1.0\"?>\n<?mso-application progid=\"Excel.Sheet\"?>\n<Workbook/>".utf8)
        guard case .unsupported(let format, _) = InputKind.sniff(excel, name: "report.doc") else {
            Issue.record("an Excel XML file is not unsupported")
            return
        }
        #expect(format.contains("Excel"))
        let mht = Data("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n".utf8)
        #expect(InputKind.sniff(mht, name: "report.doc") == .html)
        #expect(WebArchive.quotedPrintable("a=3D=E4=B8=80=\nb") == Array("a=一b".utf8))
    }

    /// A paragraph that is all links to other documents is a link line; a table of contents'
    /// links to bookmarks, and a HYPERLINK field to a bookmark, are text.
    @Test func linkParagraphsAreMarked() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
             xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>
            <w:p><w:hyperlink r:id="rId9"><w:r><w:t>某局2022年政府信息公开工作年度报告</w:t></w:r></w:hyperlink></w:p>
            <w:p><w:r><w:t>见</w:t></w:r><w:hyperlink r:id="rId9"><w:r><w:t>附件</w:t></w:r></w:hyperlink></w:p>
            <w:p><w:hyperlink w:anchor="_Toc1"><w:r><w:t>一、总体情况</w:t></w:r></w:hyperlink></w:p>
            <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "http://x.gov.cn/a" </w:instrText></w:r>
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>链接</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
            </w:body></w:document>
            """
        let doc = try #require(LibXMLDocument.parseXML(Array(xml.utf8)))
        let blocks = WordBody.blocks(doc)
        #expect(blocks.map(\.isLink) == [true, false, false, true])
    }

    /// An unfilled content control's placeholder text is no cell text; a filled one's is.
    @Test func placeholderTextIsLeftOut() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
            <w:p><w:r><w:t>收到</w:t></w:r><w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r>
            <w:t>单击或点击此处输入文字。</w:t></w:r></w:sdtContent></w:sdt><w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>12</w:t>
            </w:r></w:sdtContent></w:sdt></w:p>
            <w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>单击此处</w:t></w:r></w:p></w:sdtContent></w:sdt>
            </w:body></w:document>
            """
        let doc = try #require(LibXMLDocument.parseXML(Array(xml.utf8)))
        #expect(WordBody.blocks(doc).compactMap(\.line) == ["收到12"])
    }
}
