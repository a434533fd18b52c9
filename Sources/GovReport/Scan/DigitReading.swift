import Foundation

/// How a one-line number cell was read by the digit recognizer.
enum DigitReading {
    /// Taken: the digits, a weak doubt (marks the cell only when a rule on it fails) and a
    /// strong one (always marks it).
    case sure(String, weak: String?, strong: String?)
    /// Not taken: the line reading, for the text recognizer's second opinion.
    case unsure([OCRWord])
}

extension ScanPageReader {
    /// Reads a number cell's digits: the marks re-spaced as one line; when that reading has
    /// more or fewer digits than the marks hold, or is not confident, each mark on its own.
    func readDigits(_ marks: DigitBlobs, ink: CellInk, dpi: Int) -> DigitReading {
        let line = marks.image(from: ink)
        let words = digits.recognize(pixels: line.pixels, width: line.width, height: line.height, dpi: dpi,
                                     segmentation: .line, alternatives: true)
        let symbols = words.flatMap(\.symbols)
        let text = symbols.map(\.text).joined()
        let low = symbols.map(\.confidence).min() ?? 0
        let counted = marks.expectedDigits.contains(symbols.count)
        // A lone digit is read again in company (`111`): the line reader takes a lone 1 for a 4
        // or for nothing. The two must agree unless the line reading is fully confident.
        if marks.digits.count == 1, marks.capacity(marks.digits[0]) == 1...1, !(counted && low >= Self.suspect),
           let each = readMarks(marks, ink: ink, dpi: dpi) {
            OCRTrace.line("ocr   lone \(text) (\(Int(low))) copies \(each.text) (\(Int(each.confidence)))")
            if text.isEmpty || text == each.text {
                let c = text.isEmpty ? each.confidence : max(low, each.confidence)
                return .sure(each.text, weak: c < Self.suspect ? "confidence \(Int(c)) reading \(each.text)" : nil, strong: nil)
            }
            return .sure(each.text, weak: nil, strong: "two readings: \(each.text) or \(text)")
        }
        if counted, low >= Self.sureDigits, symbols.allSatisfy({ $0.box.width < $0.box.height }) {
            let close = symbols.filter { s in s.alternatives.contains { $0.confidence >= s.confidence - 15 } }
            return .sure(text, weak: low < Self.suspect ? "confidence \(Int(low)) reading \(text)" : nil,
                         strong: close.isEmpty ? nil
                             : "two close readings of a digit: " + close.map { "\($0.text) or \($0.alternatives[0].text)" }.joined(separator: ", "))
        }
        guard let each = readMarks(marks, ink: ink, dpi: dpi) else { return readLoneAtHalfScale(marks, ink: ink, dpi: dpi) ?? .unsure(words) }
        OCRTrace.line("ocr   line \(text) (\(Int(low))) marks \(each.text) (\(Int(each.confidence)))")
        if each.confidence < Self.doubtful {
            return .sure(each.text, weak: nil, strong: "low confidence (\(Int(each.confidence))) reading of \(each.text)")
        }
        if text == each.text {
            return .sure(text, weak: "confidence \(Int(min(low, each.confidence))) reading \(text)", strong: nil)
        }
        if counted, !text.isEmpty {
            return .sure(each.text, weak: nil, strong: "two readings: \(each.text) or \(text)")
        }
        return .sure(each.text, weak: "\(marks.digits.count) marks of ink read as \(text.isEmpty ? "nothing" : text); read one by one as \(each.text)",
                     strong: nil)
    }

    /// A lone one-stroke digit neither reading could make out (a sans-serif 1 comes out as
    /// nothing, `4` or `41`), read again at half the scale: three copies in a row, which must
    /// be read alike, and the mark alone as a check. Nil when the copies are not read alike.
    func readLoneAtHalfScale(_ marks: DigitBlobs, ink: CellInk, dpi: Int) -> DigitReading? {
        guard marks.digits.count == 1, marks.capacity(marks.digits[0]) == 1...1 else { return nil }
        func read(_ image: (pixels: [UInt8], width: Int, height: Int)) -> String {
            let half = Self.halved(image)
            return digits.recognize(pixels: half.pixels, width: half.width, height: half.height, dpi: dpi / 2,
                                    segmentation: .line).flatMap(\.symbols).map(\.text).joined()
        }
        let copies = read(marks.image(from: ink, copies: 3))
        let alone = read(marks.image(from: ink))
        OCRTrace.line("ocr   half-scale copies \(copies) alone \(alone)")
        guard copies.count == 3, let digit = copies.first, copies.allSatisfy({ $0 == digit }) else { return nil }
        let text = String(digit)
        if alone == text { return .sure(text, weak: "read only at half scale: \(text)", strong: nil) }
        return .sure(text, weak: nil, strong: "two readings at half scale: \(text) or \(alone.isEmpty ? "nothing" : alone)")
    }

    /// An image at half the size, each pixel the mean of four.
    static func halved(_ image: (pixels: [UInt8], width: Int, height: Int)) -> (pixels: [UInt8], width: Int, height: Int) {
        let w = image.width / 2, h = image.height / 2
        var out = [UInt8](repeating: 255, count: w * h)
        for y in 0..<h {
            for x in 0..<w {
                let i = 2 * y * image.width + 2 * x
                let sum = Int(image.pixels[i]) + Int(image.pixels[i + 1]) + Int(image.pixels[i + image.width]) + Int(image.pixels[i + image.width + 1])
                out[y * w + x] = UInt8(sum / 4)
            }
        }
        return (out, w, h)
    }

    /// Each mark read on its own, three copies in a row (a lone digit is read far more
    /// reliably in company); nil when a mark's copies are not read alike.
    func readMarks(_ marks: DigitBlobs, ink: CellInk, dpi: Int) -> (text: String, confidence: Double)? {
        var text = ""
        var confidence = 100.0
        for mark in marks.digits {
            let image = marks.image(from: ink, marks: [mark], copies: 3)
            let symbols = digits.recognize(pixels: image.pixels, width: image.width, height: image.height, dpi: dpi,
                                           segmentation: .line).flatMap(\.symbols)
            let read = symbols.map(\.text).joined()
            guard read.count % 3 == 0, marks.capacity(mark).contains(read.count / 3) else { return nil }
            let one = String(read.prefix(read.count / 3))
            guard one + one + one == read else { return nil }
            text += one
            confidence = min(confidence, symbols.map(\.confidence).min() ?? 0)
        }
        return (text, confidence)
    }
}
