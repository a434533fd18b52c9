import Foundation
import Testing
@testable import GovReport

/// Word fixtures (Scripts/make-docx-samples.py) and the other formats' fixtures
/// (Scripts/make-format-fixtures.py).
enum WordFixtures {
    static let root: URL = {
        if let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) { return url }
        return Paths.packageRoot.appendingPathComponent("Tests/GovReportTests/Fixtures")
    }()

    static func word(_ name: String) -> URL { root.appendingPathComponent("word").appendingPathComponent(name) }
    static func format(_ name: String) -> URL { root.appendingPathComponent("formats").appendingPathComponent(name) }

    static var hasLibreOffice: Bool { OfficeConverter.program() != nil }

    /// The differences between a report and a numbers file (as the golden tests compare them).
    static func differences(_ report: CanonicalReport, numbers: URL) throws -> [String] {
        let truth = try JSONDecoder().decode(TruthJSON.self, from: Data(contentsOf: numbers))
        let json = report.json
        return ["report", "active_disclosure", "applications", "review_litigation"].flatMap { part in
            truth[part]?.differences(from: json[part], at: part) ?? ["\(part): not in the numbers file"]
        }
    }
}

/// WordprocessingML as the reader sees it: element values from libxml2's XML parser.
private func body(_ inner: String) throws -> [HTMLBlock] {
    let xml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(inner)</w:body></w:document>
        """
    let doc = try #require(LibXMLDocument.parseXML(Array(xml.utf8)))
    return WordBody.blocks(doc)
}

private func cell(_ text: String, _ props: String = "") -> String {
    "<w:tc><w:tcPr>\(props)</w:tcPr><w:p><w:r><w:t>\(text)</w:t></w:r></w:p></w:tc>"
}

@Suite struct WordBodyTests {
    @Test func paragraphsInOrderWithLineBreaks() throws {
        let blocks = try body("""
            <w:p><w:r><w:t>澄江县市场监督管理局</w:t><w:br/><w:t xml:space="preserve">2024年  报告</w:t></w:r></w:p>
            <w:p/><w:p><w:r><w:t>一、</w:t></w:r><w:r><w:tab/><w:t>总体情况</w:t></w:r></w:p>
            """)
        #expect(blocks.compactMap(\.line) == ["澄江县市场监督管理局", "2024年报告", "一、总体情况"])
    }

    @Test func fieldsDeletionsAndHiddenTextAreLeftOut() throws {
        let blocks = try body("""
            <w:p><w:r><w:t>第</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>
            <w:r><w:instrText> PAGE \\* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>
            <w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页</w:t></w:r></w:p>
            <w:p><w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>9</w:t></w:r></w:fldSimple><w:r><w:t>共</w:t></w:r></w:p>
            <w:p><w:fldSimple w:instr=" DOCPROPERTY Title "><w:r><w:t>标题</w:t></w:r></w:fldSimple></w:p>
            <w:p><w:r><w:t>收到申请</w:t></w:r><w:del><w:r><w:delText>12</w:delText></w:r></w:del>
            <w:ins><w:r><w:t>13</w:t></w:r></w:ins><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:t>件</w:t></w:r></w:p>
            """)
        #expect(blocks.compactMap(\.line) == ["第页", "共", "标题", "收到申请13件"])
    }

    @Test func gridSpanAndVMergeCoverTheirSlots() throws {
        // Row 0: a label spanning 2 grid columns, a header merged down 2 rows.
        // Row 1: two labels, the continuation. Row 2: a vertical group cell started, a value.
        let blocks = try body("""
            <w:tbl><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/><w:gridCol w:w="1000"/></w:tblGrid>
            <w:tr>\(cell("申请人情况", "<w:gridSpan w:val=\"2\"/>"))\(cell("总计", "<w:vMerge w:val=\"restart\"/>"))</w:tr>
            <w:tr>\(cell("自然人"))\(cell("商业企业"))\(cell("", "<w:vMerge/>"))</w:tr>
            <w:tr>\(cell("三、本年度办理结果", "<w:vMerge w:val=\"restart\"/><w:textDirection w:val=\"tbRlV\"/>"))\(cell("（一）予以公开"))\(cell("5"))</w:tr>
            <w:tr>\(cell("", "<w:vMerge w:val=\"continue\"/>"))\(cell("（二）部分公开"))\(cell("0"))</w:tr>
            </w:tbl>
            """)
        let grid = try #require(blocks.compactMap(\.table).first)
        #expect(grid.rowCount == 4 && grid.columnCount == 3)
        #expect(grid.cell(0, 1)?.text == "申请人情况")
        #expect(grid.cell(1, 2)?.text == "总计" && grid.cell(1, 2)?.rowSpan == 2)
        #expect(grid.cell(3, 0)?.text == "三、本年度办理结果")
        #expect(grid.cell(3, 2)?.text == "0")
        #expect(grid.cells.count == 9)
    }

    @Test func aSliverGridColumnIsNoColumn() throws {
        // Grid column 1 is 1 twip wide: row 0's border sits on its left edge, row 1's on its right.
        let blocks = try body("""
            <w:tbl><w:tblGrid><w:gridCol w:w="1500"/><w:gridCol w:w="1"/><w:gridCol w:w="1500"/></w:tblGrid>
            <w:tr>\(cell("行政复议"))\(cell("行政诉讼", "<w:gridSpan w:val=\"2\"/>"))</w:tr>
            <w:tr>\(cell("1", "<w:gridSpan w:val=\"2\"/>"))\(cell("2"))</w:tr>
            </w:tbl>
            """)
        let grid = try #require(blocks.compactMap(\.table).first)
        #expect(grid.columnCount == 2)
        #expect(grid.cell(1, 0)?.text == "1" && grid.cell(1, 1)?.text == "2")
        #expect(grid.cell(0, 1)?.text == "行政诉讼")
    }

    @Test func automaticNumbersArePrinted() throws {
        let numbering = """
            <w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
            <w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
            <w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
            <w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>
            <w:abstractNum w:abstractNumId="4"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
            <w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num><w:num w:numId="8"><w:abstractNumId w:val="4"/></w:num>
            </w:numbering>
            """
        let counter = WordNumbering(try #require(LibXMLDocument.parseXML(Array(numbering.utf8))))
        func p(_ id: Int, _ level: Int, _ text: String) -> String {
            "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"\(level)\"/><w:numId w:val=\"\(id)\"/></w:numPr></w:pPr><w:r><w:t>\(text)</w:t></w:r></w:p>"
        }
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
            \(p(7, 0, "总体情况"))\(p(7, 1, "主动公开情况"))\(p(7, 1, "依申请公开情况"))\(p(8, 0, "要点"))
            \(p(7, 0, "主动公开政府信息情况"))\(p(7, 1, "规章"))\(p(0, 0, "无编号"))
            </w:body></w:document>
            """
        let blocks = WordBody.blocks(try #require(LibXMLDocument.parseXML(Array(xml.utf8))), numbering: counter)
        #expect(blocks.compactMap(\.line) == ["一、总体情况", "（一）主动公开情况", "（二）依申请公开情况", "要点",
                                            "二、主动公开政府信息情况", "（一）规章", "无编号"])
        #expect(WordNumbering.chinese(21) == "二十一" && WordNumbering.chinese(10) == "十")
        #expect(WordNumbering.format(3, "decimalEnclosedCircle") == "③" && WordNumbering.format(4, "upperRoman") == "IV")
    }

    @Test func aLayoutTableIsReadAsLines() throws {
        let blocks = try body("<w:tbl><w:tr>\(cell("某某局2024年政府信息公开工作年度报告"))</w:tr></w:tbl>")
        #expect(blocks.compactMap(\.line) == ["某某局2024年政府信息公开工作年度报告"])
        #expect(blocks.compactMap(\.table).isEmpty)
    }
}

@Suite struct DocxReaderTests {
    @Test func theWordFixtureHasItsNumbers() throws {
        let report = try ReportExtractor.extract(path: WordFixtures.word("word-2019.docx").path)
        #expect(report.source.kind == .docx && report.source.convertedBy == nil)
        let diffs = try WordFixtures.differences(report, numbers: WordFixtures.word("word-2019.numbers.json"))
        #expect(diffs.isEmpty, "\(diffs.joined(separator: "\n"))")
        #expect(report.findings.filter { $0.severity == .error }.isEmpty)
    }

    @Test func automaticallyNumberedHeadingsAreRead() throws {
        // 一、…六、 and （一）… come from numbering.xml, not from the paragraphs' text.
        let report = try ReportExtractor.extract(path: WordFixtures.word("word-numbered-2021.docx").path)
        let diffs = try WordFixtures.differences(report, numbers: WordFixtures.word("word-numbered-2021.numbers.json"))
        #expect(diffs.isEmpty, "\(diffs.joined(separator: "\n"))")
        #expect(report.sections.overview?.contains("\n（一）主动公开情况。") == true, "\(report.sections.overview ?? "nil")")
        #expect(report.sections.otherMatters?.hasPrefix("本年度未收取信息处理费") == true)
    }

    @Test func aDocIsConvertedByLibreOfficeAndReadTheSame() throws {
        guard WordFixtures.hasLibreOffice else {
            print("skipped: LibreOffice (soffice) is not installed; apt-get install \(OfficeConverter.package)")
            return
        }
        let report = try ReportExtractor.extract(path: WordFixtures.word("word-2019.doc").path)
        #expect(report.source.kind == .doc)
        #expect(report.source.convertedBy?.hasPrefix("LibreOffice ") == true, "\(report.source.convertedBy ?? "nil")")
        let diffs = try WordFixtures.differences(report, numbers: WordFixtures.word("word-2019.numbers.json"))
        #expect(diffs.isEmpty, "\(diffs.joined(separator: "\n"))")
        let json = report.json.serialized()
        #expect(json.contains("\"converted_by\": \"LibreOffice "))
    }

    @Test func aZipBombAndDeepXMLAreRefused() {
        for name in ["bomb.docx", "deep.docx"] {
            do {
                _ = try ReportExtractor.extract(path: WordFixtures.format(name).path)
                Issue.record("\(name) was read")
            } catch {
                #expect(error.code == "damaged_document", "\(name): \(error)")
            }
        }
    }
}

@Suite struct ZipStructureTests {
    /// The sample's bytes with a little-endian UInt32 written at `offset` from the end record.
    private func patched(_ data: Data, endRecordField offset: Int, _ value: UInt32) -> Data {
        var bytes = [UInt8](data)
        var e = bytes.count - 22
        while e > 0, !(bytes[e] == 0x50 && bytes[e + 1] == 0x4b && bytes[e + 2] == 5 && bytes[e + 3] == 6) { e -= 1 }
        for k in 0..<4 { bytes[e + offset + k] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(k))) }
        return Data(bytes)
    }

    /// Offsets past the end of a package (found by the fuzzer: ZIPFoundation's in-memory reader
    /// trapped with SIGILL) make it a damaged archive, never a crash.
    @Test func offsetsPastTheEndAreRefusedBeforeUnpacking() throws {
        let docx = try Data(contentsOf: Samples.url("sample-word-2021.docx"))
        #expect(ZipStructure.isSound(docx))
        let count = UInt32(docx.count)
        for (field, value) in [(16, count + 1000), (16, count - 30), (12, count), (16, UInt32.max - 1)] {
            let bad = patched(docx, endRecordField: field, value)
            #expect(!ZipStructure.isSound(bad), "field +\(field) = \(value)")
            #expect(throws: InputError.self) { try ReportExtractor.extract(data: bad, name: "bad.docx") }
        }
        #expect(!ZipStructure.isSound(Data(docx.prefix(docx.count / 2))))
    }
}

@Suite struct InputKindTests {
    /// Each fixture and the words its error must name.
    static let unsupported: [(String, String)] = [
        ("report.ofd", "an OFD document (GB/T 33190); export it to PDF"), ("reports.zip", "a ZIP archive"),
        ("table.xlsx", "Excel"), ("sheet.xls", "Excel"), ("other.ole", "OLE2"), ("archive.gz", "gzip"),
        ("scan.png", "PNG"), ("scan.jpg", "JPEG"), ("scan.gif", "GIF"), ("scan.tif", "TIFF"), ("scan.bmp", "BMP"),
    ]

    @Test func everyOtherFormatHasItsOwnError() {
        var messages = Set<String>()
        for (name, words) in Self.unsupported {
            do {
                _ = try ReportExtractor.extract(path: WordFixtures.format(name).path)
                Issue.record("\(name) was read")
            } catch {
                #expect(error.code == "unsupported_format", "\(name): \(error)")
                #expect(error.explanation.contains(words), "\(name): \(error.explanation)")
                messages.insert(error.explanation)
            }
        }
        #expect(messages.count == Self.unsupported.count, "two formats print the same message")
    }

    @Test func contentDecidesNotTheName() throws {
        let web = try Data(contentsOf: Samples.url("sample-web-2021.html"))
        #expect(InputKind.sniff(web, name: "report.pdf") == .html)
        #expect(try ReportExtractor.extract(data: web, name: "report.pdf").source.kind == .html)
        let text = try Data(contentsOf: Samples.url("smx-kjj-2024.txt"))
        #expect(InputKind.sniff(text, name: "report.pdf") == .text)
        #expect(try ReportExtractor.extract(data: text, name: "report.pdf").source.kind == .text)
        let docx = try Data(contentsOf: WordFixtures.word("word-2019.docx"))
        #expect(InputKind.sniff(docx, name: "report.pdf") == .docx)
        let pdf = try Data(contentsOf: Samples.url("sample-2019.pdf"))
        #expect(InputKind.sniff(pdf, name: "report.docx") == .pdf)
        let doc = try Data(contentsOf: WordFixtures.word("word-2019.doc"))
        #expect(InputKind.sniff(doc, name: "x.bin") == .office(.doc))
        #expect(InputKind.sniff(doc, name: "x.wps") == .office(.wps))
        #expect(InputKind.sniff(Data("{\\rtf1\\ansi 报告}".utf8), name: "a.txt") == .office(.rtf))
    }

    @Test func textIsNotBinary() {
        #expect(!InputKind.isBinary(Array("一、总体情况\t12\n".utf8)))
        #expect(!InputKind.isBinary(Array("a\0b\0c\0d\0".utf8)))  // UTF-16LE without a byte-order mark
        #expect(InputKind.isBinary([0, 1, 2, 3, 0xFF, 0x10, 0, 7, 0x41, 0, 0, 9]))
    }
}

/// A Word document whose tables were pasted as pictures (Scripts/stress/format_heldout.py):
/// it has the report's headings but no number to read, and says so — never numbers.
@Suite struct TablesAsPicturesTests {
    @Test func aDocumentWithItsTablesAsPicturesSaysSo() {
        do {
            _ = try ReportExtractor.extract(path: WordFixtures.word("word-tables-as-pictures.docx").path)
            Issue.record("a document with its tables as pictures was read")
        } catch {
            #expect(error.code == "not_a_report")
            #expect(error.explanation.contains("3 picture(s)"), "\(error.explanation)")
        }
    }

    @Test func picturesAreCountedWhateverTheirPrefix() {
        let xml = #"<w:p><pic:blipFill><a:blip r:embed="rId5"/></pic:blipFill><v:imagedata r:id="rId6"/><blip r:embed="x"/><a:blipFill/></w:p>"#
        #expect(DocxPackage.pictureCount(Array(xml.utf8)) == 3)
    }
}
