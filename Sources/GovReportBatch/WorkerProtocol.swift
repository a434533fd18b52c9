import Foundation
import GovReport

/// What the batch sends a worker: one line per document.
public struct WorkRequest: Sendable, Equatable {
    public var id: Int
    /// The input to extract.
    public var path: String
    /// Where its canonical JSON goes.
    public var output: String
    /// What `source.path` records when it is not `path`: `-` for standard input, which the
    /// parent copied to a file for the worker.
    public var name: String?

    public init(id: Int, path: String, output: String, name: String? = nil) {
        self.id = id; self.path = path; self.output = output; self.name = name
    }

    public var line: String {
        var members = [JSONMember("id", .number(Decimal(id))), JSONMember("path", .string(path)),
                       JSONMember("output", .string(output))]
        if let name { members.append(JSONMember("name", .string(name))) }
        return JSONValue.object(members).serialized(pretty: false)
    }

    public init?(line: String) {
        guard let v = try? ExactJSON.parse(line), let id = v["id"]?.decimal, let path = v["path"]?.string,
              let output = v["output"]?.string else { return nil }
        self.init(id: NSDecimalNumber(decimal: id).intValue, path: path, output: output, name: v["name"]?.string)
    }
}

/// What a worker answers for one document: one line.
public struct WorkResult: Sendable, Equatable {
    public var id: Int
    public var status: ManifestEntry.Status
    public var sha256: String?
    public var size: Int64?
    public var error: String?
    public var message: String?
    public var findings: Int
    /// Pages read by OCR (nil: none), for the progress line's pages per second.
    public var ocrPages: Int?

    public init(id: Int, status: ManifestEntry.Status, sha256: String? = nil, size: Int64? = nil,
                error: String? = nil, message: String? = nil, findings: Int = 0, ocrPages: Int? = nil) {
        self.id = id; self.status = status; self.sha256 = sha256; self.size = size
        self.error = error; self.message = message; self.findings = findings; self.ocrPages = ocrPages
    }

    public var line: String {
        var m = [JSONMember("id", .number(Decimal(id))), JSONMember("status", .string(status.rawValue))]
        if let sha256 { m.append(JSONMember("sha256", .string(sha256))) }
        if let size { m.append(JSONMember("size", .number(Decimal(size)))) }
        if let error { m.append(JSONMember("error", .string(error))) }
        if let message { m.append(JSONMember("message", .string(message))) }
        m.append(JSONMember("findings", .number(Decimal(findings))))
        if let ocrPages { m.append(JSONMember("ocr_pages", .number(Decimal(ocrPages)))) }
        return JSONValue.object(m).serialized(pretty: false)
    }

    public init?(line: String) {
        guard let v = try? ExactJSON.parse(line), let id = v["id"]?.decimal,
              let status = v["status"]?.string.flatMap(ManifestEntry.Status.init(rawValue:)) else { return nil }
        self.init(id: NSDecimalNumber(decimal: id).intValue, status: status, sha256: v["sha256"]?.string,
                  size: v["size"]?.decimal.map { NSDecimalNumber(decimal: $0).int64Value },
                  error: v["error"]?.string, message: v["message"]?.string,
                  findings: v["findings"]?.decimal.map { NSDecimalNumber(decimal: $0).intValue } ?? 0,
                  ocrPages: v["ocr_pages"]?.decimal.map { NSDecimalNumber(decimal: $0).intValue })
    }
}

/// What a worker says while on a document: it is about to read `ocrPages` pages by OCR (seconds
/// each), so that its parent gives the document more time.
public struct WorkProgress: Sendable, Equatable {
    public var id: Int
    public var ocrPages: Int

    /// Seconds of time allowance each page to be read by OCR adds to a document's limit: about
    /// ten times the CPU time a table page takes, for a machine busy with other workers.
    public static let secondsPerOCRPage = 30.0

    public init(id: Int, ocrPages: Int) { self.id = id; self.ocrPages = ocrPages }

    public var line: String {
        JSONValue.object([JSONMember("id", .number(Decimal(id))), JSONMember("ocr_starting", .number(Decimal(ocrPages)))])
            .serialized(pretty: false)
    }

    public init?(line: String) {
        guard let v = try? ExactJSON.parse(line), let id = v["id"]?.decimal, let pages = v["ocr_starting"]?.decimal,
              v["status"] == nil else { return nil }
        self.init(id: NSDecimalNumber(decimal: id).intValue, ocrPages: NSDecimalNumber(decimal: pages).intValue)
    }

    /// The extra seconds this adds to the document's time limit.
    public var allowance: Double { Double(ocrPages) * Self.secondsPerOCRPage }
}

/// The work of a worker on one document: extract, write the canonical JSON atomically, answer.
public enum DocumentJob {
    public static func run(_ request: WorkRequest, tables: TableStrategy = .auto, ocr: OCRMode = .never,
                           provenance: Bool = false,
                           temporaryDirectory: URL) -> WorkResult {
        let output = URL(fileURLWithPath: request.output)
        let fail = { (error: InputError, sha: String?, size: Int64?) -> WorkResult in
            try? FileManager.default.removeItem(at: output)
            return WorkResult(id: request.id, status: .failed, sha256: sha, size: size, error: error.code,
                              message: error.explanation)
        }
        let data: Data
        do { data = try ReportExtractor.readFile(request.path) } catch { return fail(error, nil, nil) }
        let size = Int64(data.count)
        let report: CanonicalReport
        do {
            report = try ReportExtractor.extract(data: data, name: request.name ?? request.path, tables: tables, ocr: ocr)
        } catch {
            return fail(error, sha256Hex([UInt8](data)), size)
        }
        do {
            try AtomicFile.write(Array((report.json(provenance: provenance).serialized() + "\n").utf8), to: output,
                                 temporaryDirectory: temporaryDirectory, durable: false)
        } catch {
            return WorkResult(id: request.id, status: .failed, sha256: report.source.sha256, size: size,
                              error: ResumePlan.outputError, message: ErrorText.describe(error))
        }
        return WorkResult(id: request.id, status: .ok, sha256: report.source.sha256, size: size,
                          findings: report.findings.count, ocrPages: report.source.ocr?.pages.count)
    }
}

/// The first line a worker writes, once it has started and applied its limits: a worker that
/// ends before it means the workers cannot run at all (not that a document made one crash).
public enum WorkerReady {
    public static let line = #"{"ready":true}"#
}
