import Foundation
import GovReport
import GRDB

/// `govreport merge`: one archive from the archives of a harvest's shards, with the same rows
/// (ids included) that one unsharded batch over all the inputs would have written.
public enum ArchiveMerge {
    public enum MergeError: Error, CustomStringConvertible {
        case notAnArchive(String)
        case duplicateSource(String)

        public var description: String {
            switch self {
            case .notAnArchive(let p):
                "\(p): is not a govreport batch archive (no \(ArchiveSchema.name) schema); "
                    + "pass the reports*.sqlite files a batch wrote"
            case .duplicateSource(let s):
                "\(s) is in more than one of the archives; merge the shards of one harvest, each once"
            }
        }
    }

    /// Throws `notAnArchive` unless `url` is a SQLite file with the batch archive's schema.
    public static func validate(_ url: URL) throws(MergeError) {
        var config = Configuration()
        config.readonly = true
        do {
            let queue = try DatabaseQueue(path: url.path, configuration: config)
            defer { try? queue.close() }
            let schema = try queue.read { try String.fetchOne($0, sql: "SELECT value FROM meta WHERE key = 'schema'") }
            guard schema == ArchiveSchema.name else { throw MergeError.notAnArchive(url.path) }
        } catch {
            throw .notAnArchive(url.path)
        }
    }

    /// Merges `inputs` into a new archive at `destination` (written under a temporary name in
    /// `temporaryDirectory` and renamed into place).
    public static func merge(_ inputs: [URL], into destination: URL, temporaryDirectory: URL) throws {
        let staging = temporaryDirectory.appendingPathComponent("\(Posix.processID)-merge-staging.sqlite")
        let temporary = temporaryDirectory.appendingPathComponent("\(Posix.processID)-\(destination.lastPathComponent)")
        for url in [staging, temporary] { try? FileManager.default.removeItem(at: url) }
        defer { try? FileManager.default.removeItem(at: staging) }

        // 1. Every shard's rows in one staging database, ids shifted past the rows before them.
        let stage = try DatabaseQueue(path: staging.path, configuration: ArchiveWriter.buildConfiguration)
        try stage.writeWithoutTransaction { db in
            try db.execute(sql: ArchiveSchema.tables)
            var offset: Int64 = 0
            for url in inputs {
                try db.execute(sql: "ATTACH DATABASE ? AS shard", arguments: [url.path])
                defer { try? db.execute(sql: "DETACH DATABASE shard") }
                let schema = try? String.fetchOne(db, sql: "SELECT value FROM shard.meta WHERE key = 'schema'")
                guard schema == ArchiveSchema.name else { throw MergeError.notAnArchive(url.path) }
                try db.inTransaction {
                    let duplicate = try String.fetchOne(db, sql: """
                        SELECT s.source FROM shard.reports s JOIN reports r ON r.source = s.source
                        UNION ALL SELECT s.source FROM shard.failures s JOIN failures f ON f.source = s.source
                        LIMIT 1
                        """)
                    if let duplicate { throw MergeError.duplicateSource(duplicate) }
                    // One statement at a time: each takes the offset as its argument.
                    for statement in [
                        """
                        INSERT INTO reports SELECT id + ?, source, sha256, kind, pages, title, organization, year,
                          template, overview, problems_and_improvements, other_matters, findings, diagnostics, document
                          FROM shard.reports
                        """,
                        "INSERT INTO cells SELECT report_id + ?, table_name, row_key, column_key, value FROM shard.cells",
                        """
                        INSERT INTO findings SELECT report_id + ?, seq, code, severity, message, table_name, row_key,
                          column_key, page, expected, actual FROM shard.findings
                        """,
                        """
                        INSERT INTO diagnostics SELECT report_id + ?, seq, code, severity, message, table_name,
                          row_key, column_key, page, expected, actual FROM shard.diagnostics
                        """,
                    ] {
                        try db.execute(sql: statement, arguments: [offset])
                    }
                    try db.execute(sql: "INSERT INTO failures SELECT source, sha256, error, message FROM shard.failures")
                    return .commit
                }
                offset = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM reports") ?? 0
            }
        }
        try stage.close()

        // 2. The archive: rows copied in source order, ids renumbered 1, 2, … by source.
        let out = try DatabaseQueue(path: temporary.path, configuration: ArchiveWriter.buildConfiguration)
        try out.writeWithoutTransaction { db in
            try db.execute(sql: ArchiveSchema.tables)
            try db.execute(sql: ArchiveSchema.insertMeta,
                           arguments: [ArchiveSchema.name, "govreport/1", GovReportVersion.current])
            try db.execute(sql: "PRAGMA user_version = \(ArchiveSchema.userVersion)")
            try db.execute(sql: "ATTACH DATABASE ? AS stage", arguments: [staging.path])
            try db.inTransaction {
                try db.execute(sql: """
                    CREATE TEMP TABLE idmap (old INTEGER PRIMARY KEY, new INTEGER NOT NULL);
                    INSERT INTO idmap SELECT id, row_number() OVER (ORDER BY CAST(source AS BLOB)) FROM stage.reports;
                    INSERT INTO reports SELECT m.new, source, sha256, kind, pages, title, organization, year,
                      template, overview, problems_and_improvements, other_matters, findings, diagnostics, document
                      FROM stage.reports r JOIN idmap m ON m.old = r.id ORDER BY m.new;
                    INSERT INTO cells SELECT m.new, table_name, row_key, column_key, value
                      FROM stage.cells c JOIN idmap m ON m.old = c.report_id ORDER BY m.new;
                    INSERT INTO findings SELECT m.new, seq, code, severity, message, table_name, row_key,
                      column_key, page, expected, actual FROM stage.findings f JOIN idmap m ON m.old = f.report_id;
                    INSERT INTO diagnostics SELECT m.new, seq, code, severity, message, table_name, row_key,
                      column_key, page, expected, actual FROM stage.diagnostics d JOIN idmap m ON m.old = d.report_id;
                    INSERT INTO failures SELECT source, sha256, error, message FROM stage.failures
                      ORDER BY CAST(source AS BLOB);
                    """)
                try db.execute(sql: ArchiveSchema.indexes)
                return .commit
            }
            try db.execute(sql: "DETACH DATABASE stage")
        }
        try out.close()
        try ArchiveWriter.syncAndRename(temporary, to: destination)
    }
}
