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
    /// `findingsScope`: the findings table gets a `scope` column (`check --sqlite`: its findings
    /// come from rules on one report, its prose, or across reports).
    public static func build(_ destination: URL, temporaryDirectory: URL, findingsScope: Bool = false,
                             _ body: (ArchiveWriter) throws -> Void) throws {
        let temporary = temporaryDirectory.appendingPathComponent("\(Posix.processID)-\(destination.lastPathComponent)")
        try? FileManager.default.removeItem(at: temporary)
        do {
            let queue = try DatabaseQueue(path: temporary.path, configuration: buildConfiguration)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: ArchiveSchema.tables)
                if findingsScope { try db.execute(sql: ArchiveSchema.findingsScope) }
                try db.execute(sql: ArchiveSchema.insertMeta,
                               arguments: [ArchiveSchema.name, CanonicalReport.schema, GovReportVersion.current])
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

    /// Adds a report; `document` is its one-line canonical JSON. `findings`, when given, are
    /// written instead of the document's own, each with its scope (see `build`).
    public func add(_ report: CanonicalReport, document: String,
                    findings scoped: [(finding: Finding, scope: String)]? = nil) throws {
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
            let findings = scoped ?? report.findings.map { ($0, "") }
            for (table, list) in [("findings", findings), ("diagnostics", report.diagnostics.map { ($0, "") })] {
                let withScope = table == "findings" && scoped != nil
                let statement = try db.cachedStatement(sql: """
                    INSERT INTO \(table) (report_id, seq, code, severity, message, table_name, row_key, column_key,
                      page, expected, actual\(withScope ? ", scope" : ""))
                      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?\(withScope ? ", ?" : ""))
                    """)
                for (seq, (f, scope)) in list.enumerated() {
                    var arguments: [(any DatabaseValueConvertible)?] = [
                        id, seq + 1, f.code, f.severity.rawValue, f.message, f.table, f.row, f.column, f.page,
                        f.expected.map(Self.databaseValue), f.actual.map(Self.databaseValue),
                    ]
                    if withScope { arguments.append(scope) }
                    try statement.execute(arguments: StatementArguments(arguments))
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
        Posix.sync(path: temporary.path)
        try Posix.rename(temporary.path, to: destination.path)
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
