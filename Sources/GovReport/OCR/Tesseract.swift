import CTesseract
import Foundation

/// Why OCR could not run.
public enum OCRError: Error, Sendable, Equatable {
    /// libtesseract is not installed (or lacks a function this wrapper needs).
    case libraryMissing(String)
    /// Tesseract could not load the language data (`chi_sim`, `eng`).
    case languageMissing(String)
}

/// A box in the pixels of the image given to the engine: left, top, right, bottom (exclusive).
public struct PixelBox: Sendable, Equatable {
    public var x0: Int, y0: Int, x1: Int, y1: Int
    public init(x0: Int, y0: Int, x1: Int, y1: Int) { self.x0 = x0; self.y0 = y0; self.x1 = x1; self.y1 = y1 }
    public var width: Int { x1 - x0 }
    public var height: Int { y1 - y0 }
}

/// One recognized character with Tesseract's confidence (0…100) and its runner-up readings.
public struct OCRSymbol: Sendable, Equatable {
    public var text: String
    public var box: PixelBox
    public var confidence: Double
    /// Other readings the recognizer weighed for this character, with their confidences.
    public var alternatives: [(text: String, confidence: Double)]

    public static func == (a: OCRSymbol, b: OCRSymbol) -> Bool {
        a.text == b.text && a.box == b.box && a.confidence == b.confidence
            && a.alternatives.map(\.text) == b.alternatives.map(\.text)
    }
}

/// One recognized word: its characters, box and confidence, and whether it starts a text line.
public struct OCRWord: Sendable, Equatable {
    public var text: String { symbols.map(\.text).joined() }
    public var box: PixelBox
    public var confidence: Double
    public var startsLine: Bool
    public var symbols: [OCRSymbol]
}

/// How Tesseract should segment the image it is given (its page segmentation modes).
public enum OCRSegmentation: Sendable {
    /// Find blocks, columns and lines (a page or a large region).
    case auto
    /// One uniform block of text (a table label that wraps over a few lines).
    case block
    /// One line of text (a number in a cell).
    case line
    /// One word.
    case word
    /// One character (a lone digit the line mode misses).
    case character

    var mode: TessPageSegMode {
        switch self {
        case .auto: PSM_AUTO
        case .block: PSM_SINGLE_BLOCK
        case .line: PSM_SINGLE_LINE
        case .word: PSM_SINGLE_WORD
        case .character: PSM_SINGLE_CHAR
        }
    }
}

/// The single owner of a `TessBaseAPI*`. Every Tesseract call in the project goes through this
/// file; no C pointer leaves it. Not thread-safe: one engine per thread (the extractor uses it
/// on one thread, and Tesseract itself is kept single-threaded, see `TesseractLibrary`).
public final class TesseractEngine {
    private let lib: TesseractLibrary
    private let handle: OpaquePointer
    public let languages: String

    /// Loads libtesseract (once per process) and the language data for `languages`
    /// (`chi_sim`, `eng`, `chi_sim+eng`). `whitelist` limits recognition to those characters.
    public init(languages: String, whitelist: String? = nil) throws(OCRError) {
        let lib = try TesseractLibrary.shared.get()
        guard let handle = lib.create() else { throw .libraryMissing("Tesseract could not create an engine") }
        // Tesseract prints its own notes (resolution guesses, empty pages) on stderr; the
        // extractor says what matters itself.
        _ = lib.setVariable(handle, "debug_file", "/dev/null")
        guard lib.initialize(handle, nil, languages, OEM_LSTM_ONLY) == 0 else {
            lib.delete(handle)
            throw .languageMissing(languages)
        }
        if let whitelist { _ = lib.setVariable(handle, "tessedit_char_whitelist", whitelist) }
        self.lib = lib
        self.handle = handle
        self.languages = languages
    }

    deinit {
        lib.end(handle)
        lib.delete(handle)
    }

    /// Tesseract's version, e.g. "5.3.0"; nil when libtesseract is not installed.
    public static var version: String? {
        guard let lib = try? TesseractLibrary.shared.get(), let v = lib.version() else { return nil }
        return String(cString: v)
    }

    /// Recognizes the 8-bit gray image `pixels` (`width` × `height`, rows packed) scanned at
    /// `dpi`, and returns its words in reading order with their boxes in those pixels.
    public func recognize(pixels: [UInt8], width: Int, height: Int, dpi: Int,
                          segmentation: OCRSegmentation, alternatives: Bool = false) -> [OCRWord] {
        guard width > 0, height > 0, pixels.count == width * height else { return [] }
        lib.setPageSegMode(handle, segmentation.mode)
        // Tesseract copies the image: the buffer need not outlive this call.
        pixels.withUnsafeBufferPointer { buf in
            lib.setImage(handle, buf.baseAddress, Int32(width), Int32(height), 1, Int32(width))
        }
        lib.setSourceResolution(handle, Int32(dpi))
        defer { lib.clear(handle) }
        guard lib.recognize(handle, nil) == 0, let it = lib.iterator(handle) else { return [] }
        defer { lib.iteratorDelete(it) }
        return words(it, alternatives: alternatives)
    }

    private func words(_ it: OpaquePointer, alternatives: Bool) -> [OCRWord] {
        guard let page = lib.pageIterator(it) else { return [] }
        var words: [OCRWord] = []
        repeat {
            guard let text = takeText(lib.text(it, RIL_SYMBOL)), !text.isEmpty else { continue }
            var l: Int32 = 0, t: Int32 = 0, r: Int32 = 0, b: Int32 = 0
            guard lib.boundingBox(page, RIL_SYMBOL, &l, &t, &r, &b) != 0 else { continue }
            let box = PixelBox(x0: Int(l), y0: Int(t), x1: Int(r), y1: Int(b))
            let symbol = OCRSymbol(text: text, box: box, confidence: Double(lib.confidence(it, RIL_SYMBOL)),
                                   alternatives: alternatives ? choices(it, besides: text) : [])
            if words.isEmpty || lib.isAtBeginningOf(page, RIL_WORD) != 0 {
                var wl: Int32 = 0, wt: Int32 = 0, wr: Int32 = 0, wb: Int32 = 0
                let wordBox = lib.boundingBox(page, RIL_WORD, &wl, &wt, &wr, &wb) != 0
                    ? PixelBox(x0: Int(wl), y0: Int(wt), x1: Int(wr), y1: Int(wb)) : box
                words.append(OCRWord(box: wordBox, confidence: Double(lib.confidence(it, RIL_WORD)),
                                     startsLine: words.isEmpty || lib.isAtBeginningOf(page, RIL_TEXTLINE) != 0,
                                     symbols: [symbol]))
            } else {
                words[words.count - 1].symbols.append(symbol)
            }
        } while lib.next(it, RIL_SYMBOL) != 0
        return words
    }

    /// The recognizer's other readings of the current symbol.
    private func choices(_ it: OpaquePointer, besides text: String) -> [(text: String, confidence: Double)] {
        guard let c = lib.choiceIterator(it) else { return [] }
        defer { lib.choiceDelete(c) }
        var out: [(String, Double)] = []
        repeat {
            // Owned by the iterator: copied, not freed.
            guard let p = lib.choiceText(c) else { continue }
            let s = String(cString: p)
            if s != text, !s.isEmpty { out.append((s, Double(lib.choiceConfidence(c)))) }
        } while lib.choiceNext(c) != 0
        return out
    }

    /// Takes ownership of a string Tesseract allocated.
    private func takeText(_ p: UnsafeMutablePointer<CChar>?) -> String? {
        guard let p else { return nil }
        defer { lib.deleteText(p) }
        return String(cString: p)
    }
}

/// libtesseract's functions, found with dlopen/dlsym the first time a page needs OCR. Reports
/// with a text layer never load it (linking it would double every run's start-up time).
///
/// Tesseract's LSTM recognizer runs OpenMP threads; Debian's build spends about 4× the CPU
/// with them for the same text, and the batch already runs one document per core. libgomp
/// reads `OMP_THREAD_LIMIT` once, when it is loaded, so it is set to 1 before the dlopen.
struct TesseractLibrary: @unchecked Sendable {
    let version: GovTessVersionFn
    let deleteText: GovTessDeleteTextFn
    let create: GovTessBaseAPICreateFn
    let delete: GovTessBaseAPIDeleteFn
    let end: GovTessBaseAPIEndFn
    let initialize: GovTessBaseAPIInit2Fn
    let setVariable: GovTessBaseAPISetVariableFn
    let setPageSegMode: GovTessBaseAPISetPageSegModeFn
    let setImage: GovTessBaseAPISetImageFn
    let setSourceResolution: GovTessBaseAPISetSourceResolutionFn
    let recognize: GovTessBaseAPIRecognizeFn
    let iterator: GovTessBaseAPIGetIteratorFn
    let clear: GovTessBaseAPIClearFn
    let iteratorDelete: GovTessResultIteratorDeleteFn
    let next: GovTessResultIteratorNextFn
    let text: GovTessResultIteratorGetUTF8TextFn
    let confidence: GovTessResultIteratorConfidenceFn
    let pageIterator: GovTessResultIteratorGetPageIteratorConstFn
    let choiceIterator: GovTessResultIteratorGetChoiceIteratorFn
    let boundingBox: GovTessPageIteratorBoundingBoxFn
    let isAtBeginningOf: GovTessPageIteratorIsAtBeginningOfFn
    let choiceDelete: GovTessChoiceIteratorDeleteFn
    let choiceNext: GovTessChoiceIteratorNextFn
    let choiceText: GovTessChoiceIteratorGetUTF8TextFn
    let choiceConfidence: GovTessChoiceIteratorConfidenceFn

    static let shared: Result<TesseractLibrary, OCRError> = load()

    static let libraryNames = ["libtesseract.so.5", "libtesseract.so", "libtesseract.5.dylib", "libtesseract.dylib"]

    private static func load() -> Result<TesseractLibrary, OCRError> {
        setenv("OMP_THREAD_LIMIT", "1", 1)
        guard let handle = libraryNames.lazy.compactMap({ dlopen($0, RTLD_NOW | RTLD_LOCAL) }).first else {
            return .failure(.libraryMissing("libtesseract is not installed (Debian: apt-get install libtesseract5 tesseract-ocr-chi-sim tesseract-ocr-eng)"))
        }
        // The library stays loaded for the life of the process.
        do throws(OCRError) {
            func f<T>(_ name: String, _: T.Type) throws(OCRError) -> T {
                guard let p = dlsym(handle, name) else { throw .libraryMissing("libtesseract has no \(name)") }
                return unsafeBitCast(p, to: T.self)
            }
            return .success(TesseractLibrary(
                version: try f("TessVersion", GovTessVersionFn.self),
                deleteText: try f("TessDeleteText", GovTessDeleteTextFn.self),
                create: try f("TessBaseAPICreate", GovTessBaseAPICreateFn.self),
                delete: try f("TessBaseAPIDelete", GovTessBaseAPIDeleteFn.self),
                end: try f("TessBaseAPIEnd", GovTessBaseAPIEndFn.self),
                initialize: try f("TessBaseAPIInit2", GovTessBaseAPIInit2Fn.self),
                setVariable: try f("TessBaseAPISetVariable", GovTessBaseAPISetVariableFn.self),
                setPageSegMode: try f("TessBaseAPISetPageSegMode", GovTessBaseAPISetPageSegModeFn.self),
                setImage: try f("TessBaseAPISetImage", GovTessBaseAPISetImageFn.self),
                setSourceResolution: try f("TessBaseAPISetSourceResolution", GovTessBaseAPISetSourceResolutionFn.self),
                recognize: try f("TessBaseAPIRecognize", GovTessBaseAPIRecognizeFn.self),
                iterator: try f("TessBaseAPIGetIterator", GovTessBaseAPIGetIteratorFn.self),
                clear: try f("TessBaseAPIClear", GovTessBaseAPIClearFn.self),
                iteratorDelete: try f("TessResultIteratorDelete", GovTessResultIteratorDeleteFn.self),
                next: try f("TessResultIteratorNext", GovTessResultIteratorNextFn.self),
                text: try f("TessResultIteratorGetUTF8Text", GovTessResultIteratorGetUTF8TextFn.self),
                confidence: try f("TessResultIteratorConfidence", GovTessResultIteratorConfidenceFn.self),
                pageIterator: try f("TessResultIteratorGetPageIteratorConst", GovTessResultIteratorGetPageIteratorConstFn.self),
                choiceIterator: try f("TessResultIteratorGetChoiceIterator", GovTessResultIteratorGetChoiceIteratorFn.self),
                boundingBox: try f("TessPageIteratorBoundingBox", GovTessPageIteratorBoundingBoxFn.self),
                isAtBeginningOf: try f("TessPageIteratorIsAtBeginningOf", GovTessPageIteratorIsAtBeginningOfFn.self),
                choiceDelete: try f("TessChoiceIteratorDelete", GovTessChoiceIteratorDeleteFn.self),
                choiceNext: try f("TessChoiceIteratorNext", GovTessChoiceIteratorNextFn.self),
                choiceText: try f("TessChoiceIteratorGetUTF8Text", GovTessChoiceIteratorGetUTF8TextFn.self),
                choiceConfidence: try f("TessChoiceIteratorConfidence", GovTessChoiceIteratorConfidenceFn.self)))
        } catch {
            return .failure(error)
        }
    }
}
