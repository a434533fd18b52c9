import Foundation
import GovReport
import GRDB

/// Builds a SQLite archive in a temporary file, in one transaction, and renames it into place
/// when finished: a reader never sees a half-built archive.
public final class ArchiveWriter {
    private let db: Database
    private var nextID: Int64 = 1

    private init(_ db: Database) { self.db = db }

    /// Creates the archive at `destination`: `body` adds the rows (reports in source order), then
    /// the indexes are made and the file is renamed into place. Nothing is left behind when
    /// `body` throws.
    public static func build(_ destination: URL, temporaryDirectory: URL,
                             _ body: (ArchiveWriter) throws -> Void) throws {
        let temporary = temporaryDirectory.appendingPathComponent("\(getpid())-\(destination.lastPathComponent)")
        try? FileManager.default.removeItem(at: temporary)
        do {
            let queue = try DatabaseQueue(path: temporary.path, configuration: buildConfiguration)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: ArchiveSchema.tables)
                try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('schema', ?), ('document_schema', ?)",
                               arguments: [ArchiveSchema.name, CanonicalReport.schema])
                try db.execute(sql: "PRAGMA user_version = \(ArchiveSchema.userVersion)")
                try db.inTransaction {
                    try body(ArchiveWriter(db))
                    try db.execute(sql: ArchiveSchema.indexes)
                    return .commit
                }
            }
            try queue.close()
            try syncAndRename(temporary, to: destination)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// A temporary file needs no journal: a failed build is thrown away, not rolled back.
    static var buildConfiguration: Configuration {
        var config = Configuration()
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
        }
        return config
    }

    /// Adds a report; `document` is its one-line canonical JSON.
    public func add(_ report: CanonicalReport, document: String) throws {
        let id = nextID
        nextID += 1
        do {
            try db.cachedStatement(sql: """
                INSERT INTO reports (id, source, sha256, kind, pages, title, organization, year, template,
                  overview, problems_and_improvements, other_matters, findings, diagnostics, document)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [
                    id, report.source.path, report.source.sha256, report.source.kind.rawValue, report.source.pages,
                    report.report.title, report.report.organization, report.report.year,
                    report.report.template.rawValue, report.sections.overview,
                    report.sections.problemsAndImprovements, report.sections.otherMatters,
                    report.findings.count, report.diagnostics.count, document,
                ])
            let cell = try db.cachedStatement(sql: """
                INSERT INTO cells (report_id, table_name, row_key, column_key, value) VALUES (?, ?, ?, ?, ?)
                """)
            for c in ReportCells.cells(of: report) {
                let value: DatabaseValue = switch c.value {
                case .number(let d): Self.databaseValue(d)
                case .text(let s): s.databaseValue
                case .blank: .null
                }
                try cell.execute(arguments: [id, c.table, c.row, c.column, value])
            }
            for (table, list) in [("findings", report.findings), ("diagnostics", report.diagnostics)] {
                let statement = try db.cachedStatement(sql: """
                    INSERT INTO \(table) (report_id, seq, code, severity, message, table_name, row_key, column_key,
                      page, expected, actual) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                for (seq, f) in list.enumerated() {
                    try statement.execute(arguments: [
                        id, seq + 1, f.code, f.severity.rawValue, f.message, f.table, f.row, f.column, f.page,
                        f.expected.map(Self.databaseValue), f.actual.map(Self.databaseValue),
                    ])
                }
            }
        }
    }

    /// Adds an input that could not be extracted.
    public func addFailure(_ entry: ManifestEntry) throws {
        do {
            try db.cachedStatement(sql: "INSERT INTO failures (source, sha256, error, message) VALUES (?, ?, ?, ?)")
                .execute(arguments: [entry.path, entry.sha256, entry.error ?? "unknown", entry.message ?? ""])
        }
    }

    static func syncAndRename(_ temporary: URL, to destination: URL) throws {
        let fd = open(temporary.path, O_RDONLY | O_CLOEXEC)
        if fd >= 0 { fsync(fd); close(fd) }
        if rename(temporary.path, destination.path) != 0 { throw BatchIOError("rename into", destination.path) }
    }

    /// An integer stays an INTEGER; any other number goes in as its decimal text, which the
    /// NUMERIC column keeps as REAL.
    static func databaseValue(_ d: Decimal) -> DatabaseValue {
        var rounded = Decimal()
        var copy = d
        NSDecimalRound(&rounded, &copy, 0, .plain)
        if rounded == d, let i = Int64(exactly: NSDecimalNumber(decimal: d).int64Value),
           Decimal(i) == d {
            return i.databaseValue
        }
        return JSONValue.number(d).serialized(pretty: false).databaseValue
    }
}
