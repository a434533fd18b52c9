import Foundation
import ZIPFoundation

/// A Word `.docx` package: a ZIP file of XML parts. Reads the main document part only (page
/// headers and footers, comments and notes are parts of their own and are left out), with
/// limits against ZIP bombs: the part may unpack to at most `maxPartBytes`, whatever its
/// entry claims, and a package of more than `maxEntries` entries is refused.
enum DocxPackage {
    static let maxPartBytes = 64 << 20
    static let maxEntries = 10_000
    static let contentTypes = "[Content_Types].xml"
    static let defaultDocument = "word/document.xml"

    /// What a ZIP file holds, by the names of its entries: enough to tell a Word document from
    /// an OpenDocument text, an OFD document or another archive without unpacking anything.
    static func entryNames(_ data: Data) -> [String]? {
        guard let archive = open(data) else { return nil }
        var names: [String] = []
        for entry in archive {
            names.append(entry.path)
            if names.count > maxEntries { break }
        }
        return names
    }

    /// The bytes of one entry, or nil when it is missing. Throws when it unpacks past the cap.
    static func entry(_ path: String, in data: Data) throws(InputError) -> [UInt8]? {
        guard let archive = open(data) else {
            throw .damagedDocument("its ZIP structure is damaged")
        }
        return try entry(path, in: archive)
    }

    /// The main document part's XML, the numbering part's and the core properties' (title,
    /// author), when there are such parts.
    static func parts(_ data: Data) throws(InputError) -> (document: [UInt8], numbering: [UInt8]?, core: [UInt8]?) {
        guard let archive = open(data) else { throw .damagedDocument("its ZIP structure is damaged") }
        let document = try documentXML(archive)
        // The numbering part lies beside the document part (its relationship names it so).
        let dir = (document.path as NSString).deletingLastPathComponent
        let rels = try entry("_rels/.rels", in: archive)
        let core = rels.flatMap { relationshipTarget($0, type: "/core-properties") } ?? "docProps/core.xml"
        return (document.xml, try entry(dir.isEmpty ? "numbering.xml" : dir + "/numbering.xml", in: archive),
                try entry(core, in: archive))
    }

    /// The title the core properties give (`dc:title`), when they give one.
    static func coreTitle(_ core: [UInt8]) -> String? {
        guard let root = LibXMLDocument.parseXML(core), let title = root.first("title")?.textContent else { return nil }
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The main document part's XML: the part `_rels/.rels` names as the office document
    /// (`word/document.xml` in every package Word, WPS and LibreOffice write).
    private static func documentXML(_ archive: Archive) throws(InputError) -> (path: String, xml: [UInt8]) {
        var path = defaultDocument
        if let rels = try entry("_rels/.rels", in: archive), let target = officeDocumentTarget(rels) {
            path = target
        }
        if let xml = try entry(path, in: archive) { return (path, xml) }
        if let xml = try entry(defaultDocument, in: archive) { return (defaultDocument, xml) }
        throw .damagedDocument("it has no document part (\(path))")
    }

    private static func open(_ data: Data) -> Archive? {
        // ZIPFoundation's in-memory reader traps on offsets past the end: bound them first.
        guard ZipStructure.isSound(data) else { return nil }
        do { return try Archive(data: data, accessMode: .read, pathEncoding: nil) } catch { return nil }
    }

    private static func entry(_ path: String, in archive: Archive) throws(InputError) -> [UInt8]? {
        guard let entry = archive[path] else { return nil }
        guard entry.uncompressedSize <= UInt64(maxPartBytes) else { throw tooLarge(path) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(entry.uncompressedSize))
        struct TooLarge: Error {}
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                bytes.append(contentsOf: chunk)
                if bytes.count > maxPartBytes { throw TooLarge() }
            }
        } catch is TooLarge {
            throw tooLarge(path)
        } catch {
            throw .damagedDocument("its \(path) cannot be unpacked")
        }
        return bytes
    }

    private static func tooLarge(_ path: String) -> InputError {
        .damagedDocument("its \(path) unpacks to more than \(maxPartBytes >> 20) MiB (a ZIP bomb?)")
    }

    /// The target of the officeDocument relationship in the package's `_rels/.rels`.
    static func officeDocumentTarget(_ rels: [UInt8]) -> String? {
        relationshipTarget(rels, type: "/officeDocument")
    }

    /// The target of the first relationship whose type ends in `type`.
    static func relationshipTarget(_ rels: [UInt8], type wanted: String) -> String? {
        guard let root = LibXMLDocument.parseXML(rels) else { return nil }
        for rel in root.elements where rel.name == "relationship" {
            guard let type = rel["type"], type.hasSuffix(wanted), var target = rel["target"] else { continue }
            while target.hasPrefix("/") { target.removeFirst() }
            return target.isEmpty ? nil : target
        }
        return nil
    }

    /// Pictures in a document part: DrawingML `blip`s and VML `imagedata`, whatever their
    /// namespace prefix.
    static func pictureCount(_ xml: [UInt8]) -> Int {
        let marks = [Array(":blip ".utf8), Array("<blip ".utf8), Array(":imagedata ".utf8), Array("<imagedata ".utf8)]
        var count = 0
        var i = 0
        while i < xml.count {
            if xml[i] == UInt8(ascii: ":") || xml[i] == UInt8(ascii: "<"),
               marks.contains(where: { m in i + m.count <= xml.count && xml[i..<(i + m.count)].elementsEqual(m) }) {
                count += 1
            }
            i += 1
        }
        return count
    }
}
