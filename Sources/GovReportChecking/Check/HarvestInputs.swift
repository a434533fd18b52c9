import Foundation
import GovReport

/// What `check` reads: report files, folders of them (walked recursively), and canonical JSON
/// written by `extract` or a batch (one document, an array, or JSON Lines).
public enum HarvestInputs {
    /// File name extensions a folder walk picks up: the same reports `extract` and `batch` take.
    public static let reportExtensions: Set<String> = InputKind.readableExtensions
    /// File name extensions read as canonical JSON (one document, an array, or JSON Lines).
    public static let jsonExtensions: Set<String> = ["json", "jsonl"]

    /// An input file as `check` will read it.
    public struct File: Sendable, Equatable {
        /// The path as given, or as found under a folder argument.
        public var path: String
        /// Found by walking a folder (not named on the command line).
        public var walked: Bool
        /// Whether the file is read as canonical JSON (by its extension).
        public var isJSON: Bool { HarvestInputs.jsonExtensions.contains((path as NSString).pathExtension.lowercased()) }
    }

    /// Each argument as given, except that a folder stands for the report and JSON files under
    /// it (hidden files and folders left out), in path order.
    public static func expand(_ arguments: [String]) -> [File] {
        var skipped = SkippedFiles()
        return expand(arguments, skipped: &skipped)
    }

    /// `expand`, counting the files the folder walks left out.
    public static func expand(_ arguments: [String], skipped: inout SkippedFiles) -> [File] {
        var out: [File] = []
        for arg in arguments {
            guard let status = RawPath.status(arg), status.isDirectory else {
                out.append(File(path: arg, walked: false))
                continue
            }
            out += walk(arg, skipped: &skipped).map { File(path: $0, walked: true) }
        }
        return out
    }

    static func walk(_ dir: String, skipped: inout SkippedFiles) -> [String] {
        let found = RawPath.walk(dir, enter: { _, name in !name.hasPrefix(".") }, take: { _, name in
            guard !name.hasPrefix(".") else { return false }
            let ext = (name as NSString).pathExtension.lowercased()
            if reportExtensions.contains(ext) || jsonExtensions.contains(ext) { return true }
            skipped.add(name)
            return false
        }) ?? []
        return found.map { dir.hasSuffix("/") ? dir + $0 : dir + "/" + $0 }
            .sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
    }

    /// Why a JSON input gave no canonical reports.
    public enum JSONProblem: Error, Sendable, Equatable {
        /// Neither JSON nor JSON Lines.
        case notJSON
        /// JSON, but (some of) its documents are not govreport/1.
        case notCanonical
        /// JSON nested deeper than `ExactJSON.maxDepth`: no canonical document is.
        case tooDeep
    }

    /// The canonical reports in a JSON file's bytes: one document, an array of them, or one
    /// per line. Every document must be govreport/1.
    public static func reports(inJSON data: Data) -> Result<[CanonicalReport], JSONProblem> {
        var docs: [JSONValue] = []
        do throws(ExactJSON.SyntaxError) {
            let value = try ExactJSON.parse(data)
            docs = value.array ?? [value]
        } catch where error.tooDeep {
            return .failure(.tooDeep)
        } catch {
            // JSON Lines, a line at a time from the bytes (no copy of the whole file as text).
            for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
                guard line.contains(where: { ![0x20, 0x09, 0x0D].contains($0) }) else { continue }
                guard let value = try? ExactJSON.parse(Array(line)) else { return .failure(.notJSON) }
                docs.append(value)
            }
        }
        let reports = docs.compactMap(CanonicalReport.init(json:))
        guard !reports.isEmpty, reports.count == docs.count else { return .failure(.notCanonical) }
        return .success(reports)
    }
}
