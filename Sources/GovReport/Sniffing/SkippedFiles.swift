import Foundation

/// Files a folder walk left out because their extension is none govreport reads (hidden files
/// are not counted): so that `check` and `batch` can say how many they skipped and why.
public struct SkippedFiles: Sendable, Equatable {
    /// Count by extension (lower case, no dot; "" for none).
    public private(set) var byExtension: [String: Int] = [:]

    public init() {}

    public var count: Int { byExtension.values.reduce(0, +) }

    public mutating func add(_ name: String) {
        byExtension[(name as NSString).pathExtension.lowercased(), default: 0] += 1
    }

    public mutating func merge(_ other: SkippedFiles) {
        for (ext, n) in other.byExtension { byExtension[ext, default: 0] += n }
    }

    public static let notReports = "that are no report kind govreport reads (PDF, Word, web page, text)"

    /// `skipped 3 file(s) in folders that are no report kind govreport reads (…): .xlsx 2,
    /// (no extension) 1`, most frequent first; nil when nothing was skipped.
    public func summary(_ why: String = SkippedFiles.notReports) -> String? {
        guard count > 0 else { return nil }
        let parts = byExtension.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { "\($0.key.isEmpty ? "(no extension)" : "." + $0.key) \($0.value)" }
        return "skipped \(count) file(s) in folders \(why): \(parts.joined(separator: ", "))"
    }
}
