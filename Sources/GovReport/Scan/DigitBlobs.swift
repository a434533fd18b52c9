/// The marks of ink in a one-line number cell, left to right: each digit of a printed number is
/// one mark (a column of ink with blank columns either side), a decimal point or thousands
/// separator a small mark on the baseline. The recognizer is given the digits re-spaced at a
/// normal pitch — letter-spaced numbers (`2 3`, `1 5 9 5`, common in scans of Word tables) make
/// Tesseract's line reader insert or drop digits — and its reading is checked against the marks:
/// a reading with more or fewer digits than the marks hold is not taken as it is.
struct DigitBlobs {
    struct Blob: Equatable {
        var x0: Int, x1: Int, y0: Int, y1: Int
        var width: Int { x1 - x0 }
        var height: Int { y1 - y0 }
    }

    /// Digit marks, left to right (crop pixels).
    var digits: [Blob]
    /// Small marks on the baseline and where they stand: after how many digit marks, and
    /// whether they reach below the digits' baseline (a comma) or not (a point).
    var separators: [(after: Int, descends: Bool)]
    /// Tallest mark: the digits' height.
    var lineHeight: Int
    /// A minus sign before the digits: a short dash at half their height.
    var negative = false

    /// Digits one mark can hold: one, or for a wide mark (digits printed touching) about one
    /// per 0.55 of the height.
    func capacity(_ b: Blob) -> ClosedRange<Int> {
        let ratio = Double(b.width) / Double(max(1, lineHeight))
        if ratio <= 0.85 { return 1...1 }
        let n = ratio / 0.6
        return max(2, Int(n.rounded(.down))) ... max(2, Int(n.rounded(.up)) + 1)
    }

    /// Digits the marks can hold in all.
    var expectedDigits: ClosedRange<Int> {
        let ranges = digits.map(capacity)
        return ranges.map(\.lowerBound).reduce(0, +) ... ranges.map(\.upperBound).reduce(0, +)
    }

    /// Nil when the ink forms no digit-like mark.
    init?(_ ink: CellInk) {
        let w = ink.width
        let px = ink.pixels
        let level = ScanPageReader.inkLevel
        var columns: [(lo: Int, hi: Int)] = []
        var start: Int?
        for x in 0...w {
            let inked = x < w && (ink.ink.y0..<ink.ink.y1).contains { px[$0 * w + x] < level }
            if inked, start == nil { start = x }
            if !inked, let s = start { columns.append((s, x)); start = nil }
        }
        var blobs: [Blob] = columns.compactMap { c in
            var y0 = Int.max, y1 = -1
            for y in ink.ink.y0..<ink.ink.y1 {
                for x in c.lo..<c.hi where px[y * w + x] < level {
                    y0 = min(y0, y); y1 = max(y1, y + 1)
                    break
                }
            }
            return y1 > y0 ? Blob(x0: c.lo, x1: c.hi, y0: y0, y1: y1) : nil
        }
        guard let tallest = blobs.map(\.height).max(), tallest > 0 else { return nil }
        lineHeight = tallest
        let baseline = blobs.filter { $0.height * 10 >= tallest * 7 }.map(\.y1).max() ?? tallest
        var digits: [Blob] = []
        var separators: [(after: Int, descends: Bool)] = []
        var centres: [Int] = []
        blobs.removeAll { $0.width * $0.height < 4 }
        for b in blobs {
            if b.height * 10 >= tallest * 45 / 10 {
                digits.append(b)
            } else if digits.isEmpty, b.height * 10 <= tallest * 3, b.width * 2 >= b.height * 3,
                      abs((b.y0 + b.y1) / 2 - (baseline - tallest / 2)) <= tallest / 5 {
                negative = true
            } else if b.y1 >= baseline - tallest / 4, !digits.isEmpty, b.height >= max(2, tallest / 12),
                      b.width >= max(2, tallest / 12), b.width * 10 <= tallest * 4, Self.square(b.width, b.height) {
                separators.append((digits.count, b.y1 > baseline + tallest / 10))
                centres.append(b.x0 + b.x1)
            }
            // Anything else (a small mark high in the cell) is a speck and left out.
        }
        guard !digits.isEmpty else { return nil }
        self.digits = digits
        // A point stands in the middle of the gap between two digits; a mark close to one of
        // them is a piece of it (a serif the cleaning cut off) or a speck, and one after the
        // last digit is not a separator either.
        func centred(_ after: Int, _ doubleCentre: Int) -> Bool {
            guard after > 0, after < digits.count else { return false }
            let l = 2 * digits[after - 1].x1, r = 2 * digits[after].x0
            return (doubleCentre - l) * 4 >= r - l && (r - doubleCentre) * 4 >= r - l
        }
        self.separators = zip(separators, centres).filter { centred($0.0.after, $0.1) }.map(\.0)
        findSlash(ink)
        faintPoints = (1..<max(1, digits.count)).filter { i in
            !self.separators.contains { $0.after == i } && Self.faintPoint(in: ink, between: digits[i - 1], digits[i],
                                                                          baseline: baseline, height: tallest)
        }
    }

    /// Gaps (after how many digit marks) holding a faint round mark on the baseline in their
    /// middle: a decimal point a low-resolution scan left grey, which the cleaning took for a
    /// speck (or a speck between two 1s). Not read as a point; it marks an amount's cell, where
    /// 1856.42 read as 185642 is a hundred times too large and no sum shows it.
    var faintPoints: [Int] = []

    /// Whether the middle half of the gap between two digit marks holds, on the baseline and
    /// nowhere above it, a compact mark of grey or dark pixels about as wide as tall (the run
    /// of such columns nearest the gap's middle: a cut-off piece of a digit lies at its side).
    static func faintPoint(in ink: CellInk, between a: Blob, _ b: Blob, baseline: Int, height: Int) -> Bool {
        let gap = b.x0 - a.x1
        guard gap >= max(4, height / 5) else { return false }
        let x0 = a.x1 + gap / 4, x1 = b.x0 - gap / 4
        let level: UInt8 = 230
        let low = baseline - height / 4, high = min(ink.height, baseline + height / 5)
        func grey(_ x: Int, _ y: Int) -> Bool { ink.pixels[y * ink.width + x] < level }
        let inked = (x0..<x1).map { x in (max(0, low)..<high).contains { grey(x, $0) } }
        var runs: [Range<Int>] = []
        var start: Int?
        for (i, on) in (inked + [false]).enumerated() {
            if on, start == nil { start = i }
            if !on, let s = start {
                // A ring (a point whose core the cleaning took) is two runs a column or two apart.
                if let last = runs.last, x0 + s - last.upperBound <= max(1, height / 12) {
                    runs[runs.count - 1] = last.lowerBound..<(x0 + i)
                } else {
                    runs.append((x0 + s)..<(x0 + i))
                }
                start = nil
            }
        }
        let middle = (a.x1 + b.x0) / 2
        guard let run = runs.min(by: { abs($0.lowerBound + $0.upperBound - 2 * middle) < abs($1.lowerBound + $1.upperBound - 2 * middle) }),
              run.contains(middle) || abs(run.lowerBound + run.upperBound - 2 * middle) <= gap / 2 else { return false }
        // Nothing dark above it in those columns (a mark at mid-height is a dash or a stroke).
        for y in max(0, baseline - height)..<max(0, low) { for x in run where ink.pixels[y * ink.width + x] < 200 { return false } }
        let rows = (max(0, low)..<high).filter { y in run.contains { grey($0, y) } }
        guard let top = rows.first, let bottom = rows.last else { return false }
        let w = run.count, h = bottom - top + 1
        let side = max(2, height / 12)
        return w >= side && h >= side && w * 5 <= height * 2 && h * 5 <= height * 2 && square(w, h)
            && bottom + 1 >= baseline - height / 10
    }

    /// A lone mark drawn as a slash (a placeholder `/`): its top to the right of its bottom,
    /// and no bar along its top (a 7).
    var isSlash = false

    private mutating func findSlash(_ ink: CellInk) {
        guard digits.count == 1, let b = digits.first, b.width * 10 >= b.height * 3 else { return }
        let w = ink.width
        func span(_ rows: Range<Int>) -> (lo: Int, hi: Int, mid: Double)? {
            var lo = Int.max, hi = -1, sum = 0.0, n = 0.0
            for y in rows { for x in b.x0..<b.x1 where ink.pixels[y * w + x] < ScanPageReader.inkLevel {
                lo = min(lo, x); hi = max(hi, x + 1); sum += Double(x); n += 1
            } }
            return n > 0 ? (lo, hi, sum / n) : nil
        }
        let band = max(1, b.height / 6)
        guard let top = span(b.y0..<(b.y0 + band)), let bottom = span((b.y1 - band)..<b.y1) else { return }
        isSlash = (top.hi - top.lo) * 100 < b.width * 45 && top.mid - bottom.mid > Double(b.width) * 0.4
    }

    /// How a one-digit mark's left side looks a third and two thirds of the way down: open
    /// (no ink in its left 40%) on most rows of both bands for a 3, closed on both for an 8 —
    /// the one thing that tells them apart, and what a blurred scan makes Tesseract miss.
    enum LeftSide { case open, closed, unclear }

    func leftSide(_ b: Blob, ink: CellInk) -> LeftSide {
        guard b.height >= 8, b.width >= 4 else { return .unclear }
        func openShare(_ f0: Double, _ f1: Double) -> Double {
            let rows = (b.y0 + Int(Double(b.height) * f0))...(b.y0 + Int(Double(b.height) * f1))
            let open = rows.filter { y in
                let first = (b.x0..<b.x1).first { ink.pixels[y * ink.width + $0] < ScanPageReader.inkLevel }
                return first.map { Double($0 - b.x0) > Double(b.width) * 0.4 } ?? true
            }
            return Double(open.count) / Double(rows.count)
        }
        let upper = openShare(0.30, 0.42), lower = openShare(0.58, 0.70)
        if upper >= 0.75 && lower >= 0.75 { return .open }
        if upper <= 0.25 && lower <= 0.25 { return .closed }
        return .unclear
    }

    /// `digitText` with each 8 whose mark is open on the left read as 3, and each 3 closed on
    /// the left as 8, and what was changed; unchanged when the digits do not match the marks
    /// one to one.
    func threesAndEights(_ digitText: String, ink: CellInk) -> (text: String, changed: [String]) {
        let chars = Array(digitText)
        guard chars.count == digits.count, digits.allSatisfy({ capacity($0) == 1...1 }) else { return (digitText, []) }
        var out = chars
        var changed: [String] = []
        for (i, c) in chars.enumerated() where c == "3" || c == "8" {
            switch (c, leftSide(digits[i], ink: ink)) {
            case ("8", .open): out[i] = "3"; changed.append("8 open on the left read as 3")
            case ("3", .closed): out[i] = "8"; changed.append("3 closed on the left read as 8")
            default: break
            }
        }
        return (String(out), changed)
    }

    /// Whether a mark is about as wide as tall, as a printed point is (a piece of a serif is flat).
    static func square(_ w: Int, _ h: Int) -> Bool { min(w, h) * 10 >= max(w, h) * 6 }

    /// An image of the digit marks re-spaced at a normal pitch (gap a quarter of their height),
    /// `copies` times over (a lone narrow mark, a 1, is read far more reliably in company: `111`).
    func image(from ink: CellInk, marks: [Blob]? = nil, copies: Int = 1) -> (pixels: [UInt8], width: Int, height: Int) {
        let marks = marks ?? digits
        let gap = max(3, lineHeight / 4)
        let margin = CellInk.margin
        let top = marks.map(\.y0).min()!, bottom = marks.map(\.y1).max()!
        let h = bottom - top + 2 * margin
        let one = marks.map(\.width).reduce(0, +) + gap * (marks.count - 1)
        let w = one * copies + gap * 2 * (copies - 1) + 2 * margin
        var out = [UInt8](repeating: 255, count: w * h)
        var x = margin
        for c in 0..<copies {
            if c > 0 { x += gap * 2 }
            for (i, b) in marks.enumerated() {
                if i > 0 { x += gap }
                for y in top..<bottom {
                    for dx in 0..<b.width {
                        out[(y - top + margin) * w + x + dx] = ink.pixels[y * ink.width + b.x0 + dx]
                    }
                }
                x += b.width
            }
        }
        return (out, w, h)
    }

    /// The number's text from its digits, with a decimal point put back where a point was
    /// printed (a comma between thousands is left out: it does not change the number).
    /// With `faint`, a faint point (`faintPoints`) stands for a point when no other is printed.
    func number(_ digitText: String, faint: Bool = false) -> String {
        let sign = negative ? "-" : ""
        let faintPoint = faint ? faintPoints.last.map { (after: $0, descends: false) } : nil
        guard let point = separators.last(where: { !$0.descends }) ?? faintPoint, digits.count == digitText.count else { return sign + digitText }
        let chars = Array(digitText)
        return sign + String(chars[..<point.after]) + "." + String(chars[point.after...])
    }
}
