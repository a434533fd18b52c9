import Foundation

/// Tuning aids, off unless asked for. `GOVREPORT_OCR_TRACE` prints each cell's readings: `1`
/// to stderr, any other value is a file the lines are appended to (a document read in the
/// extractor's own process runs with stderr pointed at /dev/null). `GOVREPORT_OCR_DUMP=DIR`
/// writes each number cell's cleaned ink there as a PGM named after its page and place.
enum OCRTrace {
    private static let target = ProcessInfo.processInfo.environment["GOVREPORT_OCR_TRACE"]
    static let dumpFolder = ProcessInfo.processInfo.environment["GOVREPORT_OCR_DUMP"]
    static var on: Bool { target != nil }

    static func line(_ s: @autoclosure () -> String) {
        guard let target else { return }
        let data = Data((s() + "\n").utf8)
        if target == "1" { FileHandle.standardError.write(data); return }
        if !FileManager.default.fileExists(atPath: target) { _ = FileManager.default.createFile(atPath: target, contents: nil) }
        guard let h = FileHandle(forWritingAtPath: target) else { return }
        h.seekToEndOfFile()
        h.write(data)
        h.closeFile()
    }

    static func dump(_ pixels: [UInt8], width: Int, height: Int, name: String) {
        guard let dumpFolder else { return }
        var data = Data("P5\n\(width) \(height)\n255\n".utf8)
        data.append(contentsOf: pixels)
        _ = FileManager.default.createFile(atPath: "\(dumpFolder)/\(name).pgm", contents: data)
    }
}
