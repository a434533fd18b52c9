import Foundation

/// A reading OCR is not sure of: where it is on the page (points, y down) and why.
public struct OCRDoubt: Sendable, Equatable {
    public var page: Int
    public var box: Rect
    public var reason: String
    /// A weak doubt (a reading a little below full confidence) marks its cell only when an
    /// arithmetic rule on the cell fails; a strong one always does.
    public var weak = false
    /// A doubt about a decimal point (a faint mark that may be one): it marks its cell only in
    /// a column that holds decimals (an amount); elsewhere the number is a whole one anyway.
    public var decimalOnly = false
}

/// A page read by OCR: its words as a text layer (points, y down, in the deskewed page), the
/// ruling lines found on it and the readings in doubt.
struct OCRPage: Sendable {
    var text: PageText
    var rulings: [Ruling]
    var doubts: [OCRDoubt]
    var skew: Double
}

/// Reads a scanned page: renders it at OCR resolution (coloured ink dropped), corrects its
/// skew, finds the ruled cells, reads each cell on its own — a number with the digit
/// recognizer, a label with the Chinese one — and the rest of the page (title, headings,
/// prose, borderless tables) with page-level OCR.
final class ScanPageReader {
    /// OCR resolution: Tesseract reads best at about 300 dpi; lower-resolution scans are
    /// rendered up to it.
    static let dpi = 300.0
    /// Largest raster rendered for one page (an A4 page at 300 dpi is 8.7 million pixels).
    static let maxPixels = 40_000_000
    static let languages = "chi_sim+eng"

    /// Gray level below which a pixel is ink.
    static let inkLevel: UInt8 = 150
    /// Symbol confidence (0…100) from which a digit reading is taken without a second opinion.
    static let sureDigits = 80.0
    /// Confidence below which a reading is reported as doubtful.
    static let doubtful = 70.0
    /// Confidence below which a reading is a suspect when its row or column does not add up.
    static let suspect = 96.0

    private let chinese: TesseractEngine
    private let labels: TesseractEngine
    let digits: TesseractEngine

    init() throws(OCRError) {
        chinese = try TesseractEngine(languages: "chi_sim")
        labels = try TesseractEngine(languages: "chi_sim", whitelist: Self.tableCharacters)
        digits = try TesseractEngine(languages: "eng", whitelist: "0123456789")
    }

    /// Every character the three standard tables print (row labels, headers, units, digits,
    /// punctuation): a table cell is read with only these, so a blurred 属于 cannot turn into
    /// 属寺 — the fuzzy label matcher copes with a wording the template lacks.
    static var tableCharacters: String { TableVocabulary.tableCharacters }

    static var version: String? { TesseractEngine.version }

    func read(page index: Int, of doc: PopplerDocument) -> OCRPage? {
        guard let rendered = doc.renderForOCR(page: index, dpi: Self.dpi, maxPixels: Self.maxPixels) else { return nil }
        let skew = Deskew.angle(of: rendered)
        let image = Deskew.rotate(rendered, by: skew)
        let scale = image.scale
        let width = Double(image.width) / scale, height = Double(image.height) / scale
        let rulings = RulingDetector().rulings(in: image)
        let cells = GridCells.cells(rulings: rulings, width: width, height: height, maxArea: width * height * 0.15)
        var glyphs: [Glyph] = []
        var doubts: [OCRDoubt] = []
        var rest = image
        for cell in cells {
            let reading = readCell(cell, in: image, page: index + 1)
            OCRTrace.line("ocr p\(index + 1) cell \(Int(cell.x0)),\(Int(cell.y0)),\(Int(cell.x1)),\(Int(cell.y1)): \(reading.glyphs.map(\.text).joined()) \(reading.doubts.map(\.reason))")
            glyphs += reading.glyphs
            doubts += reading.doubts
            // The page-level reading leaves the table alone.
            Self.whiteOut(&rest, cell.insetBy(-3))
        }
        let dpi = Int((scale * 72).rounded())
        let words = chinese.recognize(pixels: rest.pixels, width: rest.width, height: rest.height, dpi: dpi,
                                      segmentation: .auto)
        let pageReading = Self.glyphs(of: words, offset: (0, 0), scale: scale)
        glyphs += pageReading
        return OCRPage(text: PageText(number: index + 1, width: width, height: height, glyphs: glyphs),
                       rulings: rulings, doubts: doubts, skew: skew)
    }

    // MARK: - One cell

    struct CellReading {
        var glyphs: [Glyph] = []
        var doubts: [OCRDoubt] = []
    }

    func readCell(_ cell: Rect, in image: GrayImage, page: Int) -> CellReading {
        guard let ink = CellInk(cell: cell, image: image) else { return CellReading() }
        OCRTrace.dump(ink.pixels, width: ink.width, height: ink.height, name: "p\(page)-\(Int(cell.x0))-\(Int(cell.y0))")
        let scale = image.scale
        let dpi = Int((scale * 72).rounded())
        let origin = (ink.origin.x, ink.origin.y)
        var out = CellReading()
        func doubt(_ why: String, weak: Bool = false, decimalOnly: Bool = false) {
            out.doubts.append(OCRDoubt(page: page, box: cell, reason: why, weak: weak, decimalOnly: decimalOnly))
        }

        var digitWords: [OCRWord] = []
        let marks = ink.lines == 1 ? DigitBlobs(ink) : nil
        // A 3 read as 8 (or 8 as 3) is put right from the shape of its mark, and marked weakly.
        func shaped(_ digits: String) -> String {
            guard let marks else { return digits }
            let checked = marks.threesAndEights(digits, ink: ink)
            if !checked.changed.isEmpty { doubt(checked.changed.joined(separator: ", "), weak: true) }
            return checked.text
        }
        // The digits with the point their marks show put back, marked weakly; a faint mark where
        // a point would stand (a point a low-resolution scan left grey, or a speck between two
        // 1s) is not read as one, but marks the cell if its column holds amounts.
        func pointed(_ digits: String) -> String {
            guard let marks else { return digits }
            let number = marks.number(digits)
            if number.contains(".") {
                doubt("a small mark read as a decimal point", weak: true)
            } else if !marks.faintPoints.isEmpty {
                doubt("a faint mark between digits may be a decimal point (\(marks.number(digits, faint: true)))",
                      decimalOnly: true)
            }
            return number
        }
        if let marks {
            if marks.isSlash {
                out.glyphs = Self.numberGlyphs("/", ink: ink, scale: scale)
                return out
            }
            switch readDigits(marks, ink: ink, dpi: dpi) {
            case .sure(let text, let weakDoubt, let strongDoubt):
                out.glyphs = Self.numberGlyphs(pointed(shaped(text)), ink: ink, scale: scale)
                if let weakDoubt { doubt(weakDoubt, weak: true) }
                if let strongDoubt { doubt(strongDoubt) }
                return out
            case .unsure(let words):
                digitWords = words
            }
        }
        let words = labels.recognize(pixels: ink.pixels, width: ink.width, height: ink.height, dpi: dpi,
                                     segmentation: .block)
        let read = TextNormalizer.fold(words.map(\.text).joined()).filter { !$0.isWhitespace }
        let digitText = digitWords.flatMap(\.symbols).map(\.text).joined()
        let digitConfidence = digitWords.flatMap(\.symbols).map(\.confidence).min() ?? 0
        if read.isEmpty {
            if !digitText.isEmpty {
                out.glyphs = Self.numberGlyphs(digitText, ink: ink, scale: scale)
                doubt("low confidence (\(Int(digitConfidence))) reading of \(digitText)")
            } else {
                doubt("ink in a cell read as blank")
            }
            return out
        }
        if case .number = ValueParser.parse(read), read.allSatisfy({ $0.isASCII }), ink.lines > 1 {
            // Numbers stacked in one cell: a ruling between rows was not found. Each line
            // keeps its place, so the table finder still sees two rows.
            out.glyphs = Self.glyphs(of: words, offset: origin, scale: scale)
            doubt("several lines of numbers in one ruled cell")
            return out
        }
        if case .number = ValueParser.parse(read), read.allSatisfy({ $0.isASCII }) {
            let asDigits = read.filter(\.isNumber)
            let number = shaped(digitText.isEmpty ? asDigits : digitText)
            let withPoint = pointed(number)
            out.glyphs = Self.numberGlyphs(withPoint, ink: ink, scale: scale)
            if read.contains("."), !withPoint.contains(".") { doubt("a decimal point read that the marks do not show: \(read)") }
            if digitText.isEmpty {
                // Only the table-character reading saw it: the digit reader did not agree.
                doubt("read only by the text recognizer: \(read)")
            } else if asDigits != digitText {
                doubt("two readings: \(digitText) or \(read)")
            } else if digitConfidence < Self.doubtful {
                doubt("low confidence (\(Int(digitConfidence))) reading of \(number)")
            }
            return out
        }
        out.glyphs = Self.glyphs(of: words, offset: origin, scale: scale)
        if case .number = ValueParser.parse(read) {
            // A number with its unit (0万元) is what it says; a number with stray marks (`，5`
            // from a seal's ring over the cell) is kept, and marked.
            let bare = ValueParser.units.reduce(read) { $1.isEmpty || !$0.hasSuffix($1) ? $0 : String($0.dropLast($1.count)) }
            let plain = bare.allSatisfy { ($0.isASCII && $0.isNumber) || ".-,，".contains($0) }
            if !plain || bare.last?.isNumber != true || !(bare.first.map { $0.isNumber || $0 == "-" } ?? false) {
                doubt("characters outside the expected set: \(read)")
            }
            return out
        }
        let cjk = read.filter { TextNormalizer.isCJK($0) }.count
        if read.contains(where: { $0.isNumber }), cjk <= 1, read.count <= 6, ink.lines == 1 {
            // Digits with stray marks (`0:`, `”0`, `4.`): the number is kept, and marked.
            let number = digitText.isEmpty ? String(read.filter { $0.isASCII && $0.isNumber }) : digitText
            out.glyphs = Self.numberGlyphs(number, ink: ink, scale: scale)
            doubt("characters outside the expected set: \(read)")
        } else if read.count <= 2, !ValueParser.looksLikeValue(read) {
            // A character or two where a value may stand (`和` for a blurred 0).
            doubt("unexpected reading \(read)")
        }
        return out
    }

    // MARK: - Glyphs

    /// A number's glyphs spread evenly over its ink: the reading joins digits a scan spaced
    /// apart (`1 3` is 13), and the table finder sees one word in the cell.
    static func numberGlyphs(_ digits: String, ink: CellInk, scale: Double) -> [Glyph] {
        guard !digits.isEmpty else { return [] }
        let box = ink.inkBox(scale: scale)
        let em = box.height / 0.72
        let mid = box.midY
        let n = Double(digits.count)
        return digits.enumerated().map { i, c in
            let x0 = box.x0 + box.width * Double(i) / n
            return Glyph(text: String(c), box: Rect(x0: x0, y0: mid - em / 2, x1: x0 + box.width / n, y1: mid + em / 2),
                         fontSize: em, fontName: "OCR")
        }
    }

    /// Words read at `offset` (pixels) in an image at `scale` as glyphs: each line's glyphs
    /// one em tall about the line's middle, and gaps narrower than half an em closed (OCR boxes
    /// hug the ink; a text layer's boxes are the advance).
    static func glyphs(of words: [OCRWord], offset: (x: Int, y: Int), scale: Double) -> [Glyph] {
        var lines: [[OCRSymbol]] = []
        for w in words {
            let symbols = w.symbols.filter { !$0.text.allSatisfy(\.isWhitespace) }
            if w.startsLine || lines.isEmpty { lines.append([]) }
            lines[lines.count - 1] += symbols
        }
        var out: [Glyph] = []
        for line in lines where !line.isEmpty {
            let top = line.map(\.box.y0).min()!, bottom = line.map(\.box.y1).max()!
            // A Chinese line's size from its tallest character (the line's extent also holds
            // marks above or below it, and differs from one line of a title to the next).
            let cjkHeights = line.filter { $0.text.unicodeScalars.contains(where: TextNormalizer.isCJK) }.map(\.box.height)
            let em = (cjkHeights.max().map { Double($0) / 0.9 } ?? Double(bottom - top) / 0.72) / scale
            let mid = (Double(top + bottom) / 2 + Double(offset.y)) / scale
            let sorted = line.sorted { $0.box.x0 < $1.box.x0 }
            for (i, s) in sorted.enumerated() {
                let x0 = Double(s.box.x0 + offset.x) / scale
                var x1 = Double(s.box.x1 + offset.x) / scale
                if i + 1 < sorted.count {
                    let next = Double(sorted[i + 1].box.x0 + offset.x) / scale
                    if next > x1, next - x1 < em / 2 { x1 = next }
                }
                out.append(Glyph(text: s.text, box: Rect(x0: x0, y0: mid - em / 2, x1: max(x1, x0 + 0.1), y1: mid + em / 2),
                                 fontSize: em, fontName: "OCR"))
            }
        }
        return out
    }

    static func whiteOut(_ image: inout GrayImage, _ r: Rect) {
        let s = image.scale
        let x0 = max(0, Int(r.x0 * s)), x1 = min(image.width, Int(r.x1 * s))
        let y0 = max(0, Int(r.y0 * s)), y1 = min(image.height, Int(r.y1 * s))
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 {
            let row = y * image.width
            for x in x0..<x1 { image.pixels[row + x] = 255 }
        }
    }
}

extension Rect {
    func insetBy(_ d: Double) -> Rect { Rect(x0: x0 + d, y0: y0 + d, x1: x1 - d, y1: y1 - d) }
}

/// The ink inside one ruled cell, cleaned for recognition: border remnants and isolated
/// specks removed, cropped to the ink with a white margin.
struct CellInk {
    var pixels: [UInt8]
    var width: Int
    var height: Int
    /// Page pixel position of the crop's top-left corner.
    var origin: (x: Int, y: Int)
    /// The ink's box within the crop.
    var ink: PixelBox
    /// Text lines the ink forms.
    var lines: Int
    /// Ink pixels.
    var amount: Int

    static let margin = 12

    /// Nil when the cell holds no ink (or only specks).
    init?(cell: Rect, image: GrayImage) {
        let s = image.scale
        let inset = 0.8 * s
        let cx0 = max(0, Int(cell.x0 * s + inset)), cx1 = min(image.width, Int(cell.x1 * s - inset))
        let cy0 = max(0, Int(cell.y0 * s + inset)), cy1 = min(image.height, Int(cell.y1 * s - inset))
        let w = cx1 - cx0, h = cy1 - cy0
        guard w > 4, h > 4 else { return nil }
        var crop = [UInt8](repeating: 255, count: w * h)
        for y in 0..<h {
            let src = (cy0 + y) * image.width + cx0
            for x in 0..<w { crop[y * w + x] = image.pixels[src + x] }
        }
        // Border remnants: rows or columns near the crop's edge dark along most of it. Only
        // near the edge: the stem of a 1 in a tight cell is as tall as most of the cell.
        let edge = Int(3 * s)
        for y in 0..<h where (y < edge || y >= h - edge)
            && (0..<w).filter({ crop[y * w + $0] < ScanPageReader.inkLevel }).count > w * 7 / 10 {
            for x in 0..<w { crop[y * w + x] = 255 }
        }
        for x in 0..<w where (x < edge || x >= w - edge)
            && (0..<h).filter({ crop[$0 * w + x] < ScanPageReader.inkLevel }).count > h * 7 / 10 {
            for y in 0..<h { crop[y * w + x] = 255 }
        }
        // Specks: an ink pixel with fewer than two ink neighbours.
        var solid = [Bool](repeating: false, count: w * h)
        var amount = 0
        var box = PixelBox(x0: w, y0: h, x1: 0, y1: 0)
        for y in 1..<(h - 1) {
            for x in 1..<(w - 1) where crop[y * w + x] < ScanPageReader.inkLevel {
                var n = 0
                for (dx, dy) in [(-1, 0), (1, 0), (0, -1), (0, 1), (-1, -1), (1, 1), (-1, 1), (1, -1)]
                where crop[(y + dy) * w + x + dx] < ScanPageReader.inkLevel { n += 1 }
                if n >= 2 {
                    solid[y * w + x] = true
                    amount += 1
                    box = PixelBox(x0: min(box.x0, x), y0: min(box.y0, y), x1: max(box.x1, x + 1), y1: max(box.y1, y + 1))
                }
            }
        }
        guard amount > 0 else { return nil }
        // Specks that touch each other survive the test above: keep only bands of rows at
        // least 2 pt tall (a digit is 5 pt or more) or heavy, and in them runs of columns with
        // the ink of a stroke; the rest is cleared.
        func runs(_ marks: [Int], gap: Int) -> [(lo: Int, hi: Int, ink: Int)] {
            var out: [(lo: Int, hi: Int, ink: Int)] = []
            for (i, n) in marks.enumerated() where n > 0 {
                if let last = out.last, i - last.hi <= gap { out[out.count - 1].hi = i; out[out.count - 1].ink += n } else {
                    out.append((i, i, n))
                }
            }
            return out
        }
        var rowInk = [Int](repeating: 0, count: h)
        for y in 0..<h { for x in 0..<w where solid[y * w + x] { rowInk[y] += 1 } }
        let bands = runs(rowInk, gap: Int(0.6 * s)).filter { $0.hi - $0.lo + 1 >= Int(2 * s) || $0.ink >= Int(3 * s * s) }
        var keepRow = [Bool](repeating: false, count: h)
        for b in bands { for y in b.lo...b.hi { keepRow[y] = true } }
        var colInk = [Int](repeating: 0, count: w)
        for y in 0..<h where keepRow[y] { for x in 0..<w where solid[y * w + x] { colInk[x] += 1 } }
        let columns = runs(colInk, gap: Int(0.5 * s)).filter { $0.ink >= Int(1.2 * s * s) || $0.hi - $0.lo + 1 >= Int(1.5 * s) }
        var keepColumn = [Bool](repeating: false, count: w)
        for c in columns { for x in c.lo...c.hi { keepColumn[x] = true } }
        amount = 0
        box = PixelBox(x0: w, y0: h, x1: 0, y1: 0)
        for y in 0..<h {
            for x in 0..<w where solid[y * w + x] {
                guard keepRow[y] && keepColumn[x] else { solid[y * w + x] = false; continue }
                amount += 1
                box = PixelBox(x0: min(box.x0, x), y0: min(box.y0, y), x1: max(box.x1, x + 1), y1: max(box.y1, y + 1))
            }
        }
        // Less ink than a short stroke of a small digit.
        let minInk = Int(4 * s * s)
        guard amount >= minInk, box.width >= 2, box.height >= Int(2 * s) else { return nil }
        // Text lines: the kept bands, joined across gaps under 2 pt.
        let lines = runs(bands.reduce(into: [Int](repeating: 0, count: h)) { m, b in for y in b.lo...b.hi { m[y] = 1 } },
                         gap: Int(2 * s)).count
        // The crop given to the recognizer: the ink, specks whitened, with a white margin, and
        // the paper made white too. A scan's paper is rarely white (JPEG, grey paper); against
        // a white margin Tesseract's own threshold then parts paper from margin instead of ink
        // from paper, and reads a lone thin digit (1, 7) as nothing, 3 as 8 or 222 as 22.
        let paper = Self.paperLevel(crop)
        let m = Self.margin
        let ow = box.width + 2 * m, oh = box.height + 2 * m
        var out = [UInt8](repeating: 255, count: ow * oh)
        for y in box.y0..<box.y1 {
            for x in box.x0..<box.x1 {
                let v = crop[y * w + x]
                out[(y - box.y0 + m) * ow + x - box.x0 + m] = v < ScanPageReader.inkLevel && !solid[y * w + x]
                    ? 255 : UInt8(min(255, Int(v) * 255 / paper))
            }
        }
        pixels = out
        width = ow
        height = oh
        origin = (cx0 + box.x0 - m, cy0 + box.y0 - m)
        ink = PixelBox(x0: m, y0: m, x1: m + box.width, y1: m + box.height)
        self.lines = max(1, lines)
        self.amount = amount
    }

    /// The paper's grey level: the median of the pixels lighter than ink.
    static func paperLevel(_ pixels: [UInt8]) -> Int {
        var counts = [Int](repeating: 0, count: 256)
        for v in pixels where v >= ScanPageReader.inkLevel { counts[Int(v)] += 1 }
        let half = counts.reduce(0, +) / 2
        var seen = 0
        for level in Int(ScanPageReader.inkLevel)...255 {
            seen += counts[level]
            if seen > half { return level }
        }
        return 255
    }

    /// The ink's box in page points.
    func inkBox(scale: Double) -> Rect {
        Rect(x0: Double(origin.x + ink.x0) / scale, y0: Double(origin.y + ink.y0) / scale,
             x1: Double(origin.x + ink.x1) / scale, y1: Double(origin.y + ink.y1) / scale)
    }
}
