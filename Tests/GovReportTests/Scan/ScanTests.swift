import Foundation
import Testing
@testable import GovReport

/// Scanned pages read by OCR. The fixture `Fixtures/scan/scan-table.pdf` is pages 2–3 of
/// Samples/sample-bordered-2021.pdf made into a colour scan at 150 dpi, turned 0.6°, with
/// speckle, JPEG artefacts and a red seal over the applications table
/// (`python3 Scripts/make-scan.py Samples/sample-bordered-2021.pdf
/// Tests/GovReportTests/Fixtures/scan/scan-table.pdf --pages 2-3 --dpi 150 --skew 0.6 --seal
/// --colour --quality 55 --seed 11`); its numbers are the sample's.
@Suite struct ScanTests {
    static let fixture: URL = {
        let base = Bundle.module.url(forResource: "Fixtures", withExtension: nil)
            ?? Paths.packageRoot.appendingPathComponent("Tests/GovReportTests/Fixtures")
        return base.appendingPathComponent("scan")
    }()

    static var ocrInstalled: Bool { TesseractEngine.version != nil }

    @Test func neverKeepsTheNoTextLayerError() throws {
        let data = try Data(contentsOf: Self.fixture.appendingPathComponent("scan-table.pdf"))
        #expect(throws: InputError.noTextLayer(pages: 2)) {
            try ReportExtractor.extract(data: data, name: "scan-table.pdf", ocr: .never)
        }
    }

    /// Every number read is right, or marked doubtful: no wrong number without a mark.
    @Test(.enabled(if: ScanTests.ocrInstalled)) func scannedTablesAreReadAndEveryWrongCellIsMarked() throws {
        let data = try Data(contentsOf: Self.fixture.appendingPathComponent("scan-table.pdf"))
        let report = try ReportExtractor.extract(data: data, name: "scan-table.pdf", ocr: .auto)
        #expect(report.source.ocr?.pages == [1, 2])
        #expect(report.source.ocr?.engine == "tesseract")
        let truth = try ExactJSON.parse(String(decoding: try Data(contentsOf:
            Self.fixture.appendingPathComponent("scan-table.numbers.json")), as: UTF8.self))
        let flagged = Set(report.diagnostics.filter { $0.code == "cell.uncertain" }
            .map { "\($0.table ?? "").\($0.row ?? "").\($0.column ?? "")" })
        var right = 0, wrong: [String] = []
        for row in report.applications.rows {
            for (field, value) in zip(row.fields, row.values) {
                let want = truth["applications"]?[row.key]?[field]
                let key = "applications.\(row.key).\(field)"
                if want?.decimal == value || (want == .null && value == nil) { right += 1 } else if !flagged.contains(key) {
                    wrong.append("\(key): \(value.map { "\($0)" } ?? "null") (want \(want.map { "\($0)" } ?? "-"))")
                }
            }
        }
        #expect(wrong.isEmpty, "wrong and not marked: \(wrong)")
        #expect(right >= 150, "applications cells read right: \(right)")
        // The fixture is a hard scan (150 dpi, a seal over the table): the corpus aim is ≤ 5%.
        #expect(flagged.count * 2 <= right, "too many cells marked doubtful: \(flagged.count)")
    }

    /// Number cells as a 150 dpi scan prints them on grey paper (`Fixtures/scan/cells`, made by
    /// `python3 Scripts/make-cell-fixtures.py Tests/GovReportTests/Fixtures/scan/cells`; the
    /// number is in the file name): lone one-stroke digits, a 3, numbers of two and three digits.
    @Test(.enabled(if: ScanTests.ocrInstalled)) func numberCellsOnGreyPaperAreRead() throws {
        let cells = try Self.readCells("cells", prefix: "cell-")
        #expect(cells.count >= 7)
        for c in cells {
            #expect(c.got == c.printed, "\(c.file): \(c.doubts.map(\.reason))")
            #expect(c.doubts.filter { !$0.weak }.isEmpty, "\(c.file): \(c.doubts.map(\.reason))")
        }
    }

    /// Amounts with a decimal point scanned at 150 and 200 dpi (`Fixtures/scan/cells/points`,
    /// same script): the point is read, or the cell is marked — a lost point makes the amount
    /// ten or a hundred times too large, and no sum shows it.
    @Test(.enabled(if: ScanTests.ocrInstalled)) func aDecimalPointIsReadOrTheCellMarked() throws {
        let cells = try Self.readCells("cells/points", prefix: "point-")
        #expect(cells.count >= 8)
        for c in cells {
            #expect(c.got == c.printed || c.doubts.contains { !$0.weak }, "\(c.file): \(c.got) \(c.doubts.map(\.reason))")
        }
    }

    /// A seal's ring over cells of a greyscale scan (`Fixtures/scan/cells/sealed`, same script:
    /// 0, 5 or nothing printed, the ring's grey arc through the cell): the printed number is
    /// read, or the cell is marked — the arc must not become a number no one doubts.
    @Test(.enabled(if: ScanTests.ocrInstalled)) func aSealsRingIsNotReadAsANumberUnmarked() throws {
        let cells = try Self.readCells("cells/sealed", prefix: "sealed-")
        #expect(cells.count >= 10)
        for c in cells {
            let want = c.printed == "blank" ? "" : c.printed
            #expect(c.got == want || c.doubts.contains { !$0.weak }, "\(c.file): \(c.got) \(c.doubts.map(\.reason))")
        }
    }

    /// Each cell image of a fixture folder read as one ruled cell: the number printed (the file
    /// name after `prefix`, up to `-` or `.pgm`), the reading and its doubts.
    static func readCells(_ folder: String, prefix: String) throws -> [(file: String, printed: String, got: String, doubts: [OCRDoubt])] {
        let reader = try ScanPageReader()
        let url = fixture.appendingPathComponent(folder)
        let files = try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".pgm") }.sorted()
        return try files.map { file in
            let printed = String(file.dropFirst(prefix.count).dropLast(".pgm".count).split(separator: "-")[0])
            let image = try #require(pgm(try Data(contentsOf: url.appendingPathComponent(file))))
            let reading = reader.readCell(Rect(x0: 0, y0: 0, x1: Double(image.width) / image.scale, y1: Double(image.height) / image.scale),
                                          in: image, page: 1)
            return (file, printed, reading.glyphs.map(\.text).joined(), reading.doubts)
        }
    }

    /// A binary PGM (P5, 8 bits) at 300 dpi.
    static func pgm(_ data: Data) -> GrayImage? {
        let bytes = [UInt8](data)
        var fields: [Int] = [], i = 2, current = ""
        while fields.count < 3, i < bytes.count {
            let c = Character(UnicodeScalar(bytes[i]))
            if c.isNumber { current.append(c) } else if !current.isEmpty { fields.append(Int(current)!); current = "" }
            i += 1
        }
        guard bytes.starts(with: Array("P5".utf8)), fields.count == 3, bytes.count - i == fields[0] * fields[1] else { return nil }
        return GrayImage(width: fields[0], height: fields[1], scale: 300.0 / 72, pixels: Array(bytes[i...]))
    }

    @Test func skewIsMeasuredFromLevelLines() {
        // Horizontal lines drawn at 0.8° (falling to the right).
        let w = 1200, h = 800
        var px = [UInt8](repeating: 255, count: w * h)
        let t = tan(0.8 * Double.pi / 180)
        for base in stride(from: 100, to: 700, by: 60) {
            for x in 50..<1150 {
                let y = base + Int((Double(x - w / 2) * t).rounded())
                px[y * w + x] = 0
                px[(y + 1) * w + x] = 0
            }
        }
        let image = GrayImage(width: w, height: h, scale: 300.0 / 72, pixels: px)
        let angle = Deskew.angle(of: image)
        #expect(abs(angle - 0.8) < 0.06, "measured \(angle)")
        let level = Deskew.rotate(image, by: angle)
        #expect(abs(Deskew.angle(of: level)) < 0.06)
    }

    @Test func cellsAreTheRegionsTheRulingsEnclose() {
        // A 2×3 grid whose top-right two cells are merged, inside a 200×100 pt page.
        var rulings: [Ruling] = []
        for y in [10.0, 40, 70] { rulings.append(Ruling(axis: .horizontal, position: y, start: 10, end: 190)) }
        rulings.append(Ruling(axis: .vertical, position: 10, start: 10, end: 70))
        rulings.append(Ruling(axis: .vertical, position: 70, start: 10, end: 70))
        rulings.append(Ruling(axis: .vertical, position: 130, start: 40, end: 70))  // not in the top row
        rulings.append(Ruling(axis: .vertical, position: 190, start: 10, end: 70))
        // A line broken by the scan is still one line.
        rulings.append(Ruling(axis: .horizontal, position: 70.5, start: 100, end: 104))
        let cells = GridCells.cells(rulings: rulings, width: 200, height: 100, maxArea: 10_000)
        #expect(cells.count == 5)
        #expect(cells.contains { abs($0.x0 - 70) <= 1.5 && abs($0.x1 - 190) <= 1.5 && abs($0.y1 - 40) <= 1.5 })
    }

    @Test func theWhitelistHoldsTheTemplatesCharacters() {
        let chars = Set(ScanPageReader.tableCharacters)
        for label in Template.applicationRows.map(\.label) + Template.applicationColumnLabels {
            for c in TextNormalizer.fold(label) where !c.isWhitespace {
                #expect(chars.contains(c), "\(c) of \(label)")
            }
        }
    }
}
