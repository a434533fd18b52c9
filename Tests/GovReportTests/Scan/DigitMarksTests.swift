import Foundation
import Testing
@testable import GovReport
@testable import GovReportBatch

/// The pieces of a scanned number cell's reading that need no OCR engine: its marks of ink,
/// rows placed by position, the cells a failing rule can be blamed on, and the worker's word
/// that it is reading pages by OCR.
@Suite struct DigitMarksTests {
    /// A 300 dpi cell 60 × 20 pt with dark boxes drawn at pixel positions (x0, y0, x1, y1).
    static func cell(_ boxes: [(Int, Int, Int, Int)]) -> CellInk? {
        let s = 300.0 / 72, w = Int(60 * s), h = Int(20 * s)
        var px = [UInt8](repeating: 255, count: w * h)
        for (x0, y0, x1, y1) in boxes { for y in y0..<y1 { for x in x0..<x1 { px[y * w + x] = 0 } } }
        return CellInk(cell: Rect(x0: 0, y0: 0, x1: 60, y1: 20), image: GrayImage(width: w, height: h, scale: s, pixels: px))
    }

    /// Digits 28 px tall printed far apart (`2 3`): two marks, re-spaced at a normal pitch.
    @Test func letterSpacedDigitsAreTwoMarksSetCloser() throws {
        let ink = try #require(Self.cell([(60, 30, 76, 58), (140, 30, 156, 58)]))
        let marks = try #require(DigitBlobs(ink))
        #expect(marks.digits.count == 2)
        #expect(marks.expectedDigits == 2...2)
        let image = marks.image(from: ink)
        #expect(image.width * 5 < ink.width * 3, "re-spaced \(image.width) px of \(ink.width)")
        #expect(!marks.negative && marks.separators.isEmpty && !marks.isSlash)
    }

    /// A small square on the baseline between digits is a decimal point; a dash before them a minus.
    @Test func pointAndMinusAreRead() throws {
        let pointInk = try #require(Self.cell([(60, 30, 76, 58), (84, 53, 89, 58), (96, 30, 112, 58)]))
        let point = try #require(DigitBlobs(pointInk))
        #expect(point.number("12") == "1.2")
        let minusInk = try #require(Self.cell([(40, 42, 52, 46), (60, 30, 76, 58)]))
        let minus = try #require(DigitBlobs(minusInk))
        #expect(minus.negative)
        #expect(minus.number("4") == "-4")
    }

    /// A lone diagonal stroke is the placeholder `/`, not a 7.
    @Test func aSlashIsAPlaceholder() throws {
        let strokes = (0..<28).map { i in (80 - i / 2, 30 + i, 84 - i / 2, 31 + i) }
        let slashInk = try #require(Self.cell(strokes))
        #expect(DigitBlobs(slashInk)?.isSlash == true)
        let sevenInk = try #require(Self.cell(strokes + [(67, 30, 84, 33)]))
        #expect(DigitBlobs(sevenInk)?.isSlash == false)
    }

    /// A scan's grey paper is made white like the margin around it: against a white margin
    /// Tesseract reads a lone 1 or 7 on grey paper as nothing and a 3 as an 8.
    @Test func greyPaperIsMadeWhite() throws {
        let s = 300.0 / 72, w = Int(60 * s), h = Int(20 * s)
        var px = [UInt8](repeating: 240, count: w * h)
        for (x0, x1) in [(60, 76), (96, 112)] { for y in 30..<58 { for x in x0..<x1 { px[y * w + x] = 40 } } }
        let ink = try #require(CellInk(cell: Rect(x0: 0, y0: 0, x1: 60, y1: 20), image: GrayImage(width: w, height: h, scale: s, pixels: px)))
        let gap = (ink.ink.y0 + 5) * ink.width + ink.ink.x0 + 24  // between the two strokes
        #expect(ink.pixels[gap] == 255)
        #expect(ink.pixels[(ink.ink.y0 + 5) * ink.width + ink.ink.x0 + 2] < 60)
    }

    /// An 8 is closed on the left, a 3 open: a reading of one as the other is put right.
    @Test func threeAndEightAreToldApartByTheirLeftSide() throws {
        // Drawn in a 16 × 28 px box from x 60, y 30: bars at top, middle and bottom, a right
        // side, and for the 8 a left side too.
        let bars = [(60, 30, 76, 33), (60, 43, 76, 46), (60, 55, 76, 58), (73, 30, 76, 58)]
        let eightInk = try #require(Self.cell(bars + [(60, 30, 63, 58)]))
        let eight = try #require(DigitBlobs(eightInk))
        #expect(eight.threesAndEights("3", ink: eightInk).text == "8")
        #expect(eight.threesAndEights("8", ink: eightInk).changed.isEmpty)
        let threeInk = try #require(Self.cell(bars))
        let three = try #require(DigitBlobs(threeInk))
        #expect(three.threesAndEights("8", ink: threeInk).text == "3")
        #expect(three.threesAndEights("3", ink: threeInk).changed.isEmpty)
        #expect(three.threesAndEights("38", ink: threeInk).text == "38", "digits not one per mark: left alone")
    }

    /// A 1 in a tight cell is as tall as most of the cell: it is ink, not a remnant of the border.
    @Test func aTallOneInATightCellIsKept() throws {
        let s = 300.0 / 72, w = Int(40 * s), h = Int(14 * s)
        var px = [UInt8](repeating: 255, count: w * h)
        for y in 0..<h { for x in 0..<3 { px[y * w + x] = 0 } }  // the cell's left border
        for y in 7..<(h - 7) { for x in (w / 2 - 4)..<(w / 2 + 4) { px[y * w + x] = 0 } }
        let ink = try #require(CellInk(cell: Rect(x0: 0, y0: 0, x1: 40, y1: 14), image: GrayImage(width: w, height: h, scale: s, pixels: px)))
        #expect(ink.ink.height >= h - 16)
        #expect(DigitBlobs(ink)?.digits.count == 1)
    }

    /// An unmatched run between matched rows takes the template rows between them, when the
    /// counts agree; never on a page with a text layer.
    @Test func unmatchedRowsArePlacedByPosition() {
        let keys = ["a", "b", "c", "d", "e"]
        let printed: [Int?] = [0, nil, nil, 3, 4]
        let filled = PositionalRows.fill(printed, pages: [1, 1, 1, 1, 1], ocrPages: [1], keys: keys)
        #expect(filled.assignment == [0, 1, 2, 3, 4])
        #expect(filled.filled == [1, 2])
        // One row where the template has two: left alone.
        #expect(PositionalRows.fill([0, nil, 3], pages: [1, 1, 1], ocrPages: [1], keys: keys).assignment == [0, nil, 3])
        #expect(PositionalRows.fill(printed, pages: [1, 1, 1, 1, 1], ocrPages: [], keys: keys).assignment == printed)
    }

    /// （六）其他处理 as one row or as its three sub-rows: a run fits one of the two orders.
    @Test func theOtherProcessingRowsFitEitherOrder() {
        let keys = ["granted", "other_overdue_correction", "other_overdue_fee", "other_misc", "other_processing", "total_processed"]
        let one = PositionalRows.fill([0, nil, 5], pages: [2, 2, 2], ocrPages: [2], keys: keys)
        #expect(one.assignment == [0, 4, 5])
        let three = PositionalRows.fill([0, nil, nil, nil, 5], pages: [2, 2, 2, 2, 2], ocrPages: [2], keys: keys)
        #expect(three.assignment == [0, 1, 2, 3, 5])
    }

    /// A digit dropped, added or changed, or a number lost, is one slip; two changes are not.
    @Test func oneSlipExplainsASum() {
        #expect(RuleSuspects.oneSlip(read: 595, needed: 1595))
        #expect(RuleSuspects.oneSlip(read: 253, needed: 23))
        #expect(RuleSuspects.oneSlip(read: 8, needed: 3))
        #expect(RuleSuspects.oneSlip(read: nil, needed: 1))
        #expect(RuleSuspects.oneSlip(read: 52, needed: 0))
        #expect(!RuleSuspects.oneSlip(read: 12, needed: 47))
        #expect(!RuleSuspects.oneSlip(read: nil, needed: 350))
    }

    @Test func theWorkerSaysItReadsPagesByOCR() throws {
        let line = WorkProgress(id: 7, ocrPages: 3).line
        #expect(WorkProgress(line: line) == WorkProgress(id: 7, ocrPages: 3))
        #expect(WorkResult(line: line) == nil)
        #expect(WorkProgress(line: WorkResult(id: 7, status: .ok, ocrPages: 3).line) == nil)
        #expect(WorkProgress(id: 7, ocrPages: 3).allowance == 3 * WorkProgress.secondsPerOCRPage)
    }
}

/// A scanned document takes seconds per page: its time limit grows by the pages it reads by OCR.
@Suite(.tags(.cli)) struct OCRTimeLimitTests {
    @Test(.enabled(if: ScanTests.ocrInstalled)) func aScanIsGivenTimeForItsPages() throws {
        let scan = ScanTests.fixture.appendingPathComponent("scan-table.pdf").path
        // Two pages of OCR take longer than 3 s; the worker's word extends the limit.
        let r = try CLI.run(["extract", "--timeout", "3", "--ocr", "auto", scan])
        // On a machine so busy that even the extended limit passes, the message shows it grew.
        let pages = 2.0, limit = Int(3 + pages * WorkProgress.secondsPerOCRPage)
        #expect(r.status == 0 || r.stderr.contains("took longer than \(limit) s"), "\(r.stderr)")
    }
}
