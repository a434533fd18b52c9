import Foundation
import GRDB
import Testing
@testable import GovReport
@testable import GovReportBatch

/// The archive, the combined outputs and the merge of shards, from hand-built reports.
@Suite struct ArchiveTests {
    /// Three reports (one with a finding and a blank cell) and one failure, at these paths.
    static func reports() -> [CanonicalReport] {
        var inconsistent = Build.consistentApplications()
        inconsistent.set("carried_forward", "commercial", 2)
        inconsistent.set("granted", "research", nil)
        var b = Build.report(applications: inconsistent).at("h/b 年.pdf", sha256: String(repeating: "b", count: 64))
        b.findings = Validator.findings(for: b)
        return [Build.report().at("h/a.pdf"), b, Build.report(template: .v2019).at("h/c,2020.pdf")]
    }

    static let failure = ManifestEntry(path: "h/bad.pdf", sha256: String(repeating: "d", count: 64), size: 3,
                                       status: .failed, error: "damaged_pdf", message: "is a damaged PDF")

    /// Writes the documents of `reports` and `failures` as a batch would (document files and
    /// manifest entries) and assembles the outputs; returns the inputs and the tally.
    @discardableResult
    static func assemble(_ reports: [CanonicalReport], failures: [ManifestEntry] = [], in layout: BatchLayout,
                         header: Bool = true) throws -> BatchTally {
        try FileManager.default.createDirectory(at: layout.temporaryDirectory, withIntermediateDirectories: true)
        var manifest: [String: ManifestEntry] = [:]
        for r in reports {
            try AtomicFile.write(Array((r.json.serialized() + "\n").utf8), to: layout.documentURL(for: r.source.path),
                                 temporaryDirectory: layout.temporaryDirectory)
            manifest[r.source.path] = ManifestEntry(path: r.source.path, sha256: r.source.sha256, status: .ok,
                                                    seconds: 0.1, findings: r.findings.count)
        }
        for f in failures { manifest[f.path] = f }
        let inputs = manifest.keys.sorted(by: InputListing.pathPrecedes).map { BatchInput(path: $0) }
        return try OutputAssembler.assemble(inputs: inputs, manifest: manifest, layout: layout,
                                            options: .init(csvHeader: header))
    }

    /// Every row of every table, as text, in key order.
    static func dump(_ url: URL) throws -> [String: [String]] {
        let queue = try DatabaseQueue(path: url.path)
        defer { try? queue.close() }
        return try queue.read { db in
            var out: [String: [String]] = [:]
            for table in ArchiveSchema.tableNames {
                out[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2, 3, 4").map(\.description)
            }
            out["meta"] = try Row.fetchAll(db, sql: "SELECT * FROM meta ORDER BY 1").map(\.description)
            return out
        }
    }

    @Test func combinedOutputsFollowSourceOrder() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let layout = BatchLayout(root: dir.url)
        let reports = Self.reports()
        let tally = try Self.assemble(reports.reversed(), failures: [Self.failure], in: layout)
        #expect(tally.inputs == 4 && tally.ok == 3 && tally.withFindings == 1 && tally.failed == 1)
        #expect(tally.failedByError == ["damaged_pdf": 1])

        let jsonl = try String(contentsOf: layout.reportsJSONL, encoding: .utf8)
        #expect(jsonl == reports.map { $0.json.serialized(pretty: false) + "\n" }.joined())

        let cells = try String(contentsOf: layout.cellsCSV, encoding: .utf8)
        #expect(cells.hasPrefix("source,sha256,organization,year,template,table,row,column,value\nh/a.pdf,"))
        #expect(cells.contains("\nh/b 年.pdf,\(String(repeating: "b", count: 64)),岚川市人民政府,2024,2021,applications,granted,research,\n"))
        #expect(cells.contains("\n\"h/c,2020.pdf\","))
        #expect(try String(contentsOf: layout.failuresCSV, encoding: .utf8)
                == "source,sha256,error,message\nh/bad.pdf,\(String(repeating: "d", count: 64)),damaged_pdf,is a damaged PDF\n")
        // Nothing left behind under temporary names.
        #expect(try FileManager.default.contentsOfDirectory(atPath: layout.temporaryDirectory.path) == [])
    }

    @Test func theArchiveHoldsReportsCellsFindingsAndFailures() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let layout = BatchLayout(root: dir.url)
        try Self.assemble(Self.reports(), failures: [Self.failure], in: layout)
        let queue = try DatabaseQueue(path: layout.archive.path)
        defer { try? queue.close() }
        try queue.read { db in
            #expect(try String.fetchAll(db, sql: "SELECT source FROM reports ORDER BY id")
                    == ["h/a.pdf", "h/b 年.pdf", "h/c,2020.pdf"])
            #expect(try Int.fetchOne(db, sql: "PRAGMA user_version") == 1)
            #expect(try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema'") == "govreport-batch/1")
            // A blank cell is NULL; numbers are numbers; the unit is text.
            #expect(try Row.fetchOne(db, sql: """
                SELECT value FROM cells JOIN reports ON reports.id = report_id
                WHERE source = 'h/b 年.pdf' AND row_key = 'granted' AND column_key = 'research'
                """)?["value"] as DatabaseValue? == .null)
            #expect(try String.fetchAll(db, sql: "SELECT DISTINCT typeof(value) FROM cells ORDER BY 1")
                    == ["integer", "null", "real", "text"])
            #expect(try Double.fetchOne(db, sql: "SELECT value FROM cells WHERE row_key = 'fees' AND column_key = 'amount' AND report_id = 1") == 2356.8)
            let codes = Self.reports()[1].findings.map(\.code)
            #expect(codes.contains("applications.balance"))
            #expect(try String.fetchAll(db, sql: """
                SELECT code FROM findings JOIN reports ON reports.id = report_id WHERE year = 2024 ORDER BY seq
                """) == codes)
            #expect(try Int.fetchOne(db, sql: "SELECT findings FROM reports WHERE source = 'h/b 年.pdf'") == codes.count)
            #expect(try String.fetchAll(db, sql: "SELECT error FROM failures") == ["damaged_pdf"])
            // The stored document is the canonical one-line JSON.
            let doc = try String.fetchOne(db, sql: "SELECT document FROM reports WHERE id = 3")
            #expect(doc == Self.reports()[2].json.serialized(pretty: false))
            // Indexes for the usual questions: by organization, by year, by rule. (With three rows
            // SQLite rightly scans; the acceptance run shows the plans on a real harvest.)
            func columns(_ index: String) throws -> [String] {
                try Row.fetchAll(db, sql: "PRAGMA index_info(\(index))").map { $0["name"] as String }
            }
            #expect(try columns("reports_by_organization") == ["organization", "year"])
            #expect(try columns("reports_by_year") == ["year", "organization"])
            #expect(try columns("findings_by_rule") == ["code", "severity"])
            #expect(try columns("cells_by_cell") == ["table_name", "row_key", "column_key"])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_stat1") ?? 0 > 0)
        }
    }

    @Test func mergedShardsEqualOneUnshardedArchive() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let reports = Self.reports()
        let whole = BatchLayout(root: dir.url.appendingPathComponent("whole"))
        try Self.assemble(reports, failures: [Self.failure], in: whole)
        let one = BatchLayout(root: dir.url.appendingPathComponent("s"), shard: Shard("1/2"))
        let two = BatchLayout(root: dir.url.appendingPathComponent("s"), shard: Shard("2/2"))
        try Self.assemble([reports[0], reports[2]], in: one)
        try Self.assemble([reports[1]], failures: [Self.failure], in: two, header: false)
        #expect(one.archive.lastPathComponent == "reports-1-of-2.sqlite")

        let merged = dir.url.appendingPathComponent("merged.sqlite")
        try ArchiveMerge.merge([two.archive, one.archive], into: merged, temporaryDirectory: dir.url)
        #expect(try Self.dump(merged) == Self.dump(whole.archive))

        // The CSV files of the shards concatenate into the unsharded one (after sorting by source).
        let concatenated = try [one.cellsCSV, two.cellsCSV].map { try String(contentsOf: $0, encoding: .utf8) }.joined()
        let unsharded = try String(contentsOf: whole.cellsCSV, encoding: .utf8)
        #expect(concatenated.split(separator: "\n").sorted() == unsharded.split(separator: "\n").sorted())
        #expect(!(try String(contentsOf: two.cellsCSV, encoding: .utf8)).hasPrefix("source,"))
    }

    @Test func mergeRefusesAnInputTwiceAndWhatIsNotAnArchive() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let layout = BatchLayout(root: dir.url)
        try Self.assemble(Self.reports(), in: layout)
        let out = dir.url.appendingPathComponent("m.sqlite")
        #expect(throws: ArchiveMerge.MergeError.self) {
            try ArchiveMerge.merge([layout.archive, layout.archive], into: out, temporaryDirectory: dir.url)
        }
        let other = dir.url.appendingPathComponent("other.sqlite")
        try DatabaseQueue(path: other.path).write { try $0.execute(sql: "CREATE TABLE t(x)") }
        #expect(throws: ArchiveMerge.MergeError.self) {
            try ArchiveMerge.merge([other], into: out, temporaryDirectory: dir.url)
        }
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func aDocumentThatCannotBeReadBackStopsTheAssembly() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let layout = BatchLayout(root: dir.url)
        try FileManager.default.createDirectory(at: layout.temporaryDirectory, withIntermediateDirectories: true)
        let manifest = ["x.pdf": ManifestEntry(path: "x.pdf", status: .ok)]
        #expect(throws: OutputAssembler.AssemblyError.self) {
            try OutputAssembler.assemble(inputs: [BatchInput(path: "x.pdf")], manifest: manifest, layout: layout)
        }
        #expect(!FileManager.default.fileExists(atPath: layout.archive.path))
        #expect(!FileManager.default.fileExists(atPath: layout.reportsJSONL.path))
    }

    @Test func documentNamesMirrorTheInputPath() {
        #expect(BatchLayout.documentName(for: "h/a.pdf") == "h/a.pdf.json")
        #expect(BatchLayout.documentName(for: "/data/h/a.pdf") == "_root/data/h/a.pdf.json")
        #expect(BatchLayout.documentName(for: "../x/./a.pdf") == "_up/x/a.pdf.json")
        let long = String(repeating: "年", count: 90) + ".pdf"
        let name = BatchLayout.documentName(for: "h/" + long)
        #expect(name.hasPrefix("h/年") && name.hasSuffix(".json") && name.utf8.count <= 2 + 255)
        #expect(name != BatchLayout.documentName(for: "h/" + String(repeating: "年", count: 91) + ".pdf"))
    }
}
