import Foundation
import Testing
@testable import GovReport

/// A PDF whose `%PDF` header is damaged is still a PDF (issue 17, found by the fuzzer, seed
/// 20261202): a mutant that kept `%DF-1.3` and a doubled `PDF-1.3` of its header and lost the
/// rest was taken for GBK text and called not a report. Poppler reads what is left, or says why
/// it cannot: a damaged file is called damaged. Made here from the bordered sample.
@Suite struct DamagedHeaderTests {
    static func sample() throws -> [UInt8] {
        [UInt8](try Data(contentsOf: Samples.url("sample-bordered-2021.pdf")))
    }

    static func tables(_ r: CanonicalReport) -> [String] {
        ["\(r.applications)", "\(r.activeDisclosure)", "\(r.reviewLitigation)"]
    }

    @Test(arguments: [
        ("%PDF", "%DF"),   // a byte lost
        ("%PDF", "%PDX"),  // a byte changed
        ("%PDF", "PDF"),   // the % lost
    ])
    func aWholePDFWithADamagedHeaderIsRead(from: String, to: String) throws {
        let bytes = try Self.sample()
        let original = try ReportExtractor.extract(data: Data(bytes), name: "x.pdf")
        let damaged = Data(to.utf8) + Data(bytes.dropFirst(from.utf8.count))
        #expect(InputKind.sniff(damaged, name: "x.pdf") == .pdf)
        let read = try ReportExtractor.extract(data: damaged, name: "x.pdf")
        #expect(Self.tables(read) == Self.tables(original))
        // Poppler's warning is kept with the report, not lost and not on stderr.
        #expect(read.diagnostics.contains { $0.code == "pdf.library_message" && $0.message.contains("May not be a PDF file") })
    }

    @Test func whatIsLeftOfAHeaderIsADamagedPDF() throws {
        // The fuzzer's mutant: `%DF-1.3\n%` + two bytes, then the same ten header bytes again.
        let bytes = try Self.sample()
        let head = Array(bytes.prefix(12))
        let left = [head[0]] + head[2...] + head[1...]
        #expect(left.count == 22)
        let why = HostileInputTests.damage(left)
        #expect(why?.contains("Couldn't find trailer dictionary") ?? false, "\(why ?? "")")
    }

    @Test func aPDFWhoseHeadWasLostIsADamagedPDF() throws {
        // The first 2000 bytes lost: no header, but the objects after it are a PDF's.
        let bytes = try Self.sample()
        let tail = Data(bytes.dropFirst(2000))
        #expect(InputKind.sniff(tail, name: "x.pdf") == .pdf)
        #expect(HostileInputTests.damage([UInt8](tail)) != nil)
    }

    @Test func textIsNotTakenForADamagedPDF() throws {
        let text = try Data(contentsOf: Samples.url("smx-kjj-2024.txt"))
        #expect(InputKind.sniff(text, name: "x.txt") == .text)
        #expect(!InputKind.hasDamagedPDFHeader(Array("同比增长10%，共1.5万件".utf8)))
        #expect(!InputKind.hasDamagedPDFHeader(Array("附件：报告.PDF 2021".utf8)))
        #expect(InputKind.hasDamagedPDFHeader(Array("%PDF-1.7".utf8.dropFirst(1))))
        #expect(!InputKind.hasPDFObjects(Data("the object ends here: endobj".utf8)))
    }
}
