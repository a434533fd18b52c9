/// Adobe's character collections for CJK CID fonts, and where poppler looks for their CMaps
/// (Debian's poppler-data installs them under /usr/share/poppler/cMap).
enum CMapCollection {
    static let folders = ["/usr/share/poppler/cMap", "/usr/local/share/poppler/cMap"]

    /// The collection a predefined CMap name belongs to; nil for Identity and non-CJK encodings.
    static func of(encoding: String) -> String? {
        let e = encoding
        if e.hasPrefix("Identity") || e.isEmpty { return nil }
        if e.hasPrefix("UniGB") || e.hasPrefix("GB") { return "Adobe-GB1" }
        if e.hasPrefix("UniCNS") || e.hasPrefix("B5") || e.hasPrefix("ETen") || e.hasPrefix("HKscs")
            || e.hasPrefix("CNS") || e.hasPrefix("ETHK") || e.hasPrefix("HKdla") || e.hasPrefix("HKgccs")
            || e.hasPrefix("HKm") { return "Adobe-CNS1" }
        if e.hasPrefix("UniJIS") || e.hasPrefix("90") || e.hasPrefix("83pv") || e.hasPrefix("EUC-")
            || e.hasPrefix("RKSJ") || e.hasPrefix("Ext-") || e.hasPrefix("Add-") { return "Adobe-Japan1" }
        if e.hasPrefix("UniKS") || e.hasPrefix("KSC") { return "Adobe-Korea1" }
        return nil
    }

    static func installed(_ collection: String, encoding: String) -> Bool {
        folders.contains { (try? SystemCalls.status(Array("\($0)/\(collection)/\(encoding)".utf8))) != nil }
    }
}
