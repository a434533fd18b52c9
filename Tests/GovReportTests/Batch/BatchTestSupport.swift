import Foundation
import GovReport
@testable import GovReportBatch

/// A fresh folder under the system's temporary folder, removed by `remove()`.
struct ScratchFolder {
    let url: URL

    init(_ name: String = #function) {
        let clean = name.filter { $0.isLetter || $0.isNumber }
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("govreport-batch-tests-\(clean)-\(UUID().uuidString.prefix(8))")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    var path: String { url.path }

    @discardableResult
    func file(_ relative: String, _ contents: String = "x") -> String {
        let p = url.appendingPathComponent(relative)
        try! FileManager.default.createDirectory(at: p.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(contents.utf8).write(to: p)
        return p.path
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

extension CanonicalReport {
    /// The report with another `source.path` (as a copy of the file elsewhere would give).
    func at(_ path: String, sha256: String? = nil) -> CanonicalReport {
        var r = self
        r.source.path = path
        if let sha256 { r.source.sha256 = sha256 }
        return r
    }
}
