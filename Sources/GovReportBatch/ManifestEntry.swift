import Foundation
import GovReport

/// What the manifest records about one input: its content, whether it was extracted, how long
/// it took, and why it failed.
public struct ManifestEntry: Sendable, Equatable {
    public enum Status: String, Sendable { case ok, failed }

    public var path: String
    /// SHA-256 of the input's bytes (nil when it could not be read).
    public var sha256: String?
    public var size: Int64?
    /// Modification time (ns since 1970) when it was handed to a worker: with `size`, how a
    /// rerun sees that an input is unchanged without reading it again.
    public var mtimeNanoseconds: Int64?
    public var status: Status
    /// The failure's short code: an extractor error (`damaged_pdf`, `encrypted_pdf`, …) or
    /// `timeout`, `crash`, `memory`.
    public var error: String?
    public var message: String?
    /// Wall time from handing the input to a worker to its result.
    public var seconds: Double
    /// Validator findings of an extracted report.
    public var findings: Int
    /// When the result came (ISO 8601, UTC).
    public var finished: String?
    /// The govreport version that produced the result (nil in lines written before it was kept).
    public var version: String?

    public init(path: String, sha256: String? = nil, size: Int64? = nil, mtimeNanoseconds: Int64? = nil,
                status: Status, error: String? = nil, message: String? = nil, seconds: Double = 0,
                findings: Int = 0, finished: String? = nil, version: String? = GovReportVersion.current) {
        self.path = path; self.sha256 = sha256; self.size = size; self.mtimeNanoseconds = mtimeNanoseconds
        self.status = status; self.error = error; self.message = message; self.seconds = seconds
        self.findings = findings; self.finished = finished; self.version = version
    }

    /// One line of the manifest (compact JSON, no newline).
    public var line: String {
        var m = [JSONMember("path", .string(path))]
        if let sha256 { m.append(JSONMember("sha256", .string(sha256))) }
        if let size { m.append(JSONMember("size", .number(Decimal(size)))) }
        if let mtimeNanoseconds { m.append(JSONMember("mtime_ns", .number(Decimal(mtimeNanoseconds)))) }
        m.append(JSONMember("status", .string(status.rawValue)))
        if let error { m.append(JSONMember("error", .string(error))) }
        if let message { m.append(JSONMember("message", .string(message))) }
        let ms = Decimal((seconds * 1000).rounded()) / 1000
        m.append(JSONMember("seconds", .number(ms)))
        m.append(JSONMember("findings", .number(Decimal(findings))))
        if let finished { m.append(JSONMember("finished", .string(finished))) }
        if let version { m.append(JSONMember("version", .string(version))) }
        return JSONValue.object(m).serialized(pretty: false)
    }

    /// Reads a line written by `line`; nil for anything else (a line cut by a kill).
    public init?(line: String) {
        guard let v = try? ExactJSON.parse(line), let path = v["path"]?.string,
              let status = v["status"]?.string.flatMap(Status.init(rawValue:)) else { return nil }
        func int(_ key: String) -> Int64? { v[key]?.decimal.map { NSDecimalNumber(decimal: $0).int64Value } }
        self.init(path: path, sha256: v["sha256"]?.string, size: int("size"), mtimeNanoseconds: int("mtime_ns"),
                  status: status, error: v["error"]?.string, message: v["message"]?.string,
                  seconds: v["seconds"]?.decimal.map { NSDecimalNumber(decimal: $0).doubleValue } ?? 0,
                  findings: Int(int("findings") ?? 0), finished: v["finished"]?.string,
                  version: v["version"]?.string)
    }

    /// `2024-01-31T08:00:00Z`.
    public static func timestamp(_ date: Date = Date()) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }
}
