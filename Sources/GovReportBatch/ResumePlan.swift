import Foundation
import GovReport

/// What a rerun does with inputs the manifest already has.
public enum RerunPolicy: String, Sendable, CaseIterable {
    /// Skip every input that was done, extracted or failed, and is unchanged.
    case resume
    /// As `resume`, but inputs that failed are tried again (say, with a longer `--timeout`).
    case retryFailed
    /// Redo every input.
    case force
}

/// Size and modification time: what tells a rerun, without reading the file, that an input is
/// the one the manifest recorded.
public struct FileStat: Sendable, Equatable {
    public var size: Int64
    public var mtimeNanoseconds: Int64

    public init(size: Int64, mtimeNanoseconds: Int64) {
        self.size = size; self.mtimeNanoseconds = mtimeNanoseconds
    }

    /// The stat of a regular file (following symbolic links); nil when there is none.
    public static func of(_ path: String) -> FileStat? {
        guard let status = RawPath.status(path), status.isRegularFile else { return nil }
        return FileStat(size: status.size, mtimeNanoseconds: status.modifiedNanoseconds)
    }
}

public enum ResumePlan {
    /// The error code of a document that was extracted but whose output could not be written.
    public static let outputError = "output_error"

    public enum Decision: Sendable, Equatable {
        case run
        case skip
        /// Skip: the file was touched or copied (new time) but its bytes hash to the recorded
        /// SHA-256; the manifest should take the new stat so the next run need not hash it.
        case skipWithNewStat
    }

    /// Whether an input must be (re)done. `outputExists` and `contentHash` are asked only when
    /// the answer depends on them: the document file of an extracted input must still be there,
    /// and a changed stat is settled by hashing the file.
    public static func decide(entry: ManifestEntry?, stat: FileStat?, policy: RerunPolicy,
                              outputExists: () -> Bool, contentHash: () -> String?) -> Decision {
        guard policy != .force, let entry else { return .run }
        var decision = Decision.skip
        if let stat {
            if entry.size == stat.size, entry.mtimeNanoseconds == stat.mtimeNanoseconds {
                decision = .skip
            } else if let sha = entry.sha256, entry.size == stat.size, contentHash() == sha {
                decision = .skipWithNewStat
            } else {
                return .run
            }
        } else if entry.status == .ok || entry.sha256 != nil {
            // It was read before and is gone (or no longer a file) now.
            return .run
        }
        switch entry.status {
        case .ok: return outputExists() ? decision : .run
        // A failure to write the output (a full disk) is not the input's fault: tried again.
        case .failed: return policy == .retryFailed || entry.error == ResumePlan.outputError ? .run : decision
        }
    }
}
