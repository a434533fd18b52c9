import Foundation

/// What `check` reads: report files, folders of them (walked recursively), and canonical JSON
/// written by `extract` or a batch (one document, an array, or JSON Lines).
public enum HarvestInputs {
    /// File name extensions a folder walk picks up.
    public static let reportExtensions: Set<String> = ["pdf", "txt", "html", "htm"]
    public static let jsonExtensions: Set<String> = ["json", "jsonl"]

    public struct File: Sendable, Equatable {
        public var path: String
        /// Found by walking a folder (not named on the command line).
        public var walked: Bool
        public var isJSON: Bool { HarvestInputs.jsonExtensions.contains((path as NSString).pathExtension.lowercased()) }
    }

    /// Each argument as given, except that a folder stands for the report and JSON files under
    /// it (hidden files and folders left out), in path order.
    public static func expand(_ arguments: [String]) -> [File] {
        var out: [File] = []
        for arg in arguments {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: arg, isDirectory: &isDir), isDir.boolValue else {
                out.append(File(path: arg, walked: false))
                continue
            }
            out += walk(arg).map { File(path: $0, walked: true) }
        }
        return out
    }

    static func walk(_ dir: String) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: dir) else { return [] }
        var found: [String] = []
        while let rel = e.nextObject() as? String {
            let name = (rel as NSString).lastPathComponent
            if name.hasPrefix(".") {
                if (e.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { e.skipDescendants() }
                continue
            }
            let ext = (name as NSString).pathExtension.lowercased()
            guard reportExtensions.contains(ext) || jsonExtensions.contains(ext) else { continue }
            let path = dir.hasSuffix("/") ? dir + rel : dir + "/" + rel
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue { found.append(path) }
        }
        return found.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
    }

    public enum JSONProblem: Error, Sendable, Equatable {
        /// Neither JSON nor JSON Lines.
        case notJSON
        /// JSON, but (some of) its documents are not govreport/1.
        case notCanonical
    }

    /// The canonical reports in a JSON file's bytes: one document, an array of them, or one
    /// per line. Every document must be govreport/1.
    public static func reports(inJSON data: Data) -> Result<[CanonicalReport], JSONProblem> {
        var docs: [JSONValue] = []
        if let value = try? JSONValue.parse(data) {
            docs = value.array ?? [value]
        } else {
            for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
                guard !line.allSatisfy(\.isWhitespace) else { continue }
                guard let value = try? JSONValue.parse(Data(line.utf8)) else { return .failure(.notJSON) }
                docs.append(value)
            }
        }
        let reports = docs.compactMap(CanonicalReport.init(json:))
        guard !reports.isEmpty, reports.count == docs.count else { return .failure(.notCanonical) }
        return .success(reports)
    }
}
