import CPoppler
import Foundation

/// What Poppler (and GLib under it) said while a document was read: syntax errors in a damaged
/// file, fonts it could not load. Poppler-glib reports them through GLib logging; they are
/// collected here for the document being read instead of going to stderr, so that stderr
/// carries only govreport's own messages and the report can say what Poppler said.
///
/// Collection is per thread (Poppler calls back on the thread that reads), so documents read
/// at once on several threads keep their messages apart.
public struct PopplerMessage: Sendable, Equatable {
    /// The 1-based page being read when Poppler spoke, nil while the document was opened.
    public var page: Int?
    /// Poppler's words, e.g. `Syntax Error at position 1234: Illegal character`.
    public var text: String

    /// Whether the message tells of damage (a syntax, I/O or internal error), rather than a
    /// warning or a missing configuration such as a font.
    public var isDamage: Bool {
        let lower = text.lowercased()
        return ["syntax error", "i/o error", "internal error"].contains { lower.hasPrefix($0) }
    }

    /// Whether Poppler could not read a font's character map (ToUnicode CMap), the map from the
    /// codes a page draws to the text they are: only a warning to Poppler, but the text it gives
    /// for that font is garbled.
    public var isBrokenTextMap: Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("syntax warning") && lower.contains("tounicode cmap")
    }
}

final class PopplerMessageLog {
    /// Enough to say what went wrong; a content-stream bomb can log millions.
    static let keep = 100
    var page: Int?
    var messages: [PopplerMessage] = []
    var dropped = 0
    /// The first damage among the dropped messages: a hundred warnings (a garbled ToUnicode
    /// map says one per entry) must not hide that the file is damaged.
    var droppedDamage: PopplerMessage?

    private static let key = "govreport.PopplerMessageLog"

    /// The log of the calling thread, created on first use.
    static var current: PopplerMessageLog {
        let dict = Thread.current.threadDictionary
        if let log = dict[key] as? PopplerMessageLog { return log }
        let log = PopplerMessageLog()
        dict[key] = log
        return log
    }

    func append(_ text: String) {
        guard messages.count < Self.keep else {
            dropped += 1
            if droppedDamage == nil, case let m = PopplerMessage(page: page, text: text), m.isDamage { droppedDamage = m }
            return
        }
        messages.append(PopplerMessage(page: page, text: text))
    }

    /// Takes what was collected and starts afresh.
    func take() -> (messages: [PopplerMessage], dropped: Int, droppedDamage: PopplerMessage?) {
        defer { messages = []; dropped = 0; droppedDamage = nil; page = nil }
        return (messages, dropped, droppedDamage)
    }
}

/// Installs (once per process) the GLib log handlers that route Poppler's and GLib's messages
/// into the calling thread's `PopplerMessageLog`.
private let logHandlers: Void = {
    let handler: GLogFunc = { _, _, message, _ in
        guard let message else { return }
        let text = String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
        if !text.isEmpty { PopplerMessageLog.current.append(text) }
    }
    _ = g_log_set_handler("Poppler", GLogLevelFlags(rawValue: ~0), handler, nil)
    g_log_set_default_handler(handler, nil)
}()

func installPopplerLogHandlers() { _ = logHandlers }

extension PopplerDocument {
    /// Tags what Poppler says from now on with `page` (1-based; nil: not on a page).
    public static func messagePage(_ page: Int?) {
        installPopplerLogHandlers()
        PopplerMessageLog.current.page = page
    }

    /// What Poppler said on this thread since the last call (and how many messages beyond the
    /// first hundred were not kept, and the first damage among those).
    public static func takeMessages() -> (messages: [PopplerMessage], dropped: Int, droppedDamage: PopplerMessage?) {
        PopplerMessageLog.current.take()
    }
}
