import Foundation

/// Tells whoever runs an extraction that OCR is about to read pages (seconds of work each, where
/// a text page takes milliseconds): the batch worker passes it on, and its parent extends the
/// document's time allowance by the pages to read.
public enum OCRProgress {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var handler: (@Sendable (Int) -> Void)?

    /// Calls `handler` with the number of pages each time a document's OCR starts (nil: nobody).
    public static func onStart(_ handler: (@Sendable (Int) -> Void)?) {
        lock.withLock { Self.handler = handler }
    }

    static func starting(pages: Int) {
        guard pages > 0, let h = lock.withLock({ handler }) else { return }
        h(pages)
    }
}
