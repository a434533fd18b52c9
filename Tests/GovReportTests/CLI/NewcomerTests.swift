import Foundation
import GRDB
import Testing
@testable import GovReport
@testable import GovReportBatch
#if canImport(Glibc)
import Glibc
#endif

/// What a new user trips over (issue 15): documents merged by `check`, write failures ignored,
/// a batch folder that shrinks, misleading errors, a NUL-separated list read as one path, no
/// version; and the spreadsheet file, `check --sqlite`, the help text.
@Suite(.tags(.cli), .serialized) struct NewcomerTests {
    static let text = "smx-kjj-2024.txt"
    static let web = "sample-web-2021.html"
    static let pdf = "sample-bordered-2021.pdf"

    /// Runs the binary with its stdout going to `stdout` (a path, e.g. /dev/full) or through
    /// `/bin/sh` when `shell` is given (the binary is `$GOVREPORT` there).
    static func run(_ arguments: [String], stdout: String = "/dev/null", shell: String? = nil,
                    in directory: URL = Paths.samples) throws -> (status: Int32, signalled: Bool, stderr: String) {
        guard let binary = CLI.binary else { throw CLI.CLIError.noBinary }
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("newcomer-err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errURL) }
        let err = try FileHandle(forWritingTo: errURL)
        let out = try #require(FileHandle(forWritingAtPath: stdout))
        let p = Process()
        if let shell {
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", shell]
            p.environment = ProcessInfo.processInfo.environment.merging(["GOVREPORT": binary.path]) { $1 }
        } else {
            p.executableURL = binary
            p.arguments = arguments
        }
        p.currentDirectoryURL = directory
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        try err.close()
        return (p.terminationStatus, p.terminationReason == .uncaughtSignal,
                String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    static func copy(_ sample: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Paths.samples.appendingPathComponent(sample), to: url)
    }

    /// No message names a Swift or Foundation type.
    static func plain(_ stderr: String) -> Bool {
        !["NSCocoaErrorDomain", "Error Domain", "PDFOpenError", "PNGWriteError", "InputError", "DatabaseError",
          "SQLite error", "cairo("].contains { stderr.contains($0) }
    }

    // MARK: 1. check: a document is its path

    @Test func checkKeepsTheSameBytesUnderTwoPathsApartAndCallsThemDuplicates() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        try Self.copy(Self.text, to: dir.url.appendingPathComponent("org-a/report.txt"))
        try Self.copy(Self.text, to: dir.url.appendingPathComponent("org-b/report.txt"))
        // The JSON extracted from org-a's report is that report, not a third one.
        let extracted = try CLI.run(["extract", "org-a/report.txt"], in: dir.url)
        #expect(extracted.status == 0)
        try extracted.stdout.write(to: dir.url.appendingPathComponent("org-a/report.json"))

        let r = try CLI.run(["check", "--json", "."], in: dir.url)
        let reports = try #require(try CLITests.parse(r.stdout) as? [[String: Any]])
        let paths = reports.map { ($0["path"] as? String ?? "").replacingOccurrences(of: "./", with: "") }
        #expect(paths.sorted() == ["org-a/report.txt", "org-b/report.txt"], "\(r.stderr)")
        let codes = reports.flatMap { ($0["findings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String } }
        #expect(codes.contains("cross.duplicate"), "\(codes)")
        #expect(r.stderr.contains("read again"), "the JSON of org-a's report is the same document")
    }

    // MARK: 2. every write is checked

    @Test(arguments: [
        ["extract", text], ["extract", "--jsonl", text, web], ["check", "--json", text], ["check", text],
        ["layout", pdf, "--page", "1"],
    ])
    func aFullDiskOnStdoutIsAnError(arguments: [String]) throws {
        let r = try Self.run(arguments, stdout: "/dev/full")
        #expect(r.status == 8, "\(arguments): \(r.stderr)")
        #expect(r.stderr.contains("standard output") && r.stderr.contains("No space left on device"), "\(r.stderr)")
    }

    @Test func aFullDiskOnAnOutputFileIsAnErrorNamingIt() throws {
        let check = try Self.run(["check", "--format", "html", "--out", "/dev/full", Self.text])
        #expect(check.status == 8 && check.stderr.contains("/dev/full: cannot be written (No space left"),
                "\(check.stderr)")
        let debug = try Self.run(["debug", Self.pdf, "--png", "/dev/full"])
        #expect(debug.status == 8 && debug.stderr.contains("/dev/full: cannot be written"), "\(debug.stderr)")
        #expect(Self.plain(check.stderr + debug.stderr))
    }

    @Test func aClosedPipeEndsQuietly() throws {
        let inputs = Array(repeating: Self.text, count: 40).joined(separator: " ")
        let r = try Self.run([], shell: "\"$GOVREPORT\" extract --jsonl \(inputs) | head -c 100 >/dev/null")
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
    }

    // MARK: 3. a batch folder is a collection

    @Test func aBatchFolderKeepsWhatARunDoesNotListUntilPruned() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let harvest = dir.url.appendingPathComponent("harvest")
        try Self.copy(Self.text, to: harvest.appendingPathComponent("a.txt"))
        try Self.copy(Self.web, to: harvest.appendingPathComponent("b.html"))
        let out = dir.url.appendingPathComponent("out")
        let first = try BatchCLI.run(["batch", "harvest", "--out", "out", "--jobs", "1"], in: dir.url)
        #expect(first.status == 0, "\(first.stderr)")
        try Self.expectOutputs(out, sources: ["harvest/a.txt", "harvest/b.html"])

        // Another list on the same folder adds and updates; it does not shrink the folder.
        let second = try BatchCLI.run(["batch", "-", "--out", "out", "--jobs", "1"], stdin: "harvest/a.txt\n",
                                      in: dir.url)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("1 input(s) of earlier runs") && second.stderr.contains("--prune"))
        try Self.expectOutputs(out, sources: ["harvest/a.txt", "harvest/b.html"])

        // A deleted input stays too, until --prune removes it, its document and its rows.
        try FileManager.default.removeItem(at: harvest.appendingPathComponent("b.html"))
        let third = try BatchCLI.run(["batch", "harvest", "--out", "out", "--jobs", "1"], in: dir.url)
        #expect(third.status == 0, "\(third.stderr)")
        try Self.expectOutputs(out, sources: ["harvest/a.txt", "harvest/b.html"])
        let pruned = try BatchCLI.run(["batch", "harvest", "--out", "out", "--jobs", "1", "--prune"], in: dir.url)
        #expect(pruned.status == 0, "\(pruned.stderr)")
        #expect(pruned.stderr.contains("pruned 1 input(s)"), "\(pruned.stderr)")
        try Self.expectOutputs(out, sources: ["harvest/a.txt"])
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("docs/harvest/b.html.json").path))
    }

    /// docs/, the manifest, reports.jsonl, both CSV files and the archive all hold `sources`.
    static func expectOutputs(_ out: URL, sources: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        func lines(_ name: String) throws -> [String] {
            String(decoding: try Data(contentsOf: out.appendingPathComponent(name)), as: UTF8.self)
                .split(separator: "\n").map(String.init)
        }
        let manifest = try lines("manifest.jsonl").compactMap { ManifestEntry(line: $0)?.path }
        #expect(manifest == sources, sourceLocation: sourceLocation)
        let jsonl = try lines("reports.jsonl").compactMap { try ExactJSON.parse($0)["source"]?["path"]?.string }
        #expect(jsonl == sources, sourceLocation: sourceLocation)
        let cells = Set(try lines("cells.csv").dropFirst().map { String($0.prefix { $0 != "," }) })
        #expect(cells == Set(sources), sourceLocation: sourceLocation)
        let wide = try lines("reports-wide.csv").dropFirst().map { String($0.prefix { $0 != "," }) }
        #expect(wide == sources, sourceLocation: sourceLocation)
        let archived = try DatabaseQueue(path: out.appendingPathComponent("reports.sqlite").path).read {
            try String.fetchAll($0, sql: "SELECT source FROM reports ORDER BY id")
        }
        #expect(archived == sources, sourceLocation: sourceLocation)
        for source in sources {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("docs/\(source).json").path),
                    sourceLocation: sourceLocation)
        }
    }

    // MARK: 4. errors that say what is wrong

    @Test(arguments: [text, web]) func layoutSaysItTakesPDFs(file: String) throws {
        let r = try Self.run(["layout", file])
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr.contains("PDF pages only") && !r.stderr.contains("damaged"), "\(r.stderr)")
        #expect(Self.plain(r.stderr), "\(r.stderr)")
    }

    @Test(arguments: [text, web]) func debugSaysItDrawsPDFsAndLaidOutText(file: String) throws {
        let r = try Self.run(["debug", file, "--png", "/tmp/x.png"])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("draws PDFs and laid-out text") && !r.stderr.contains("damaged"), "\(r.stderr)")
        #expect(Self.plain(r.stderr), "\(r.stderr)")
    }

    @Test func debugToAnUnwritablePathNamesTheFile() throws {
        let r = try Self.run(["debug", Self.pdf, "--png", "/no/such/folder/page.png"])
        #expect(r.status == 8, "\(r.stderr)")
        #expect(r.stderr.contains("/no/such/folder/page.png: cannot be written (No such file or directory)"),
                "\(r.stderr)")
        #expect(Self.plain(r.stderr))
    }

    @Test func anUnwritableOutFileSaysWhyInPlainWords() throws {
        let r = try Self.run(["check", "--format", "html", "--out", "/no/such/folder/r.html", Self.text])
        #expect(r.status == 8 && r.stderr.contains("No such file or directory"), "\(r.stderr)")
        #expect(Self.plain(r.stderr), "\(r.stderr)")
        let batch = try Self.run(["batch", Self.text, "--out", "/proc/version/out"])
        #expect(batch.status == 8 && Self.plain(batch.stderr), "\(batch.stderr)")
    }

    @Test func mergeOfAFileThatIsNotAnArchiveNamesIt() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let r = try Self.run(["merge", "--out", dir.url.appendingPathComponent("m.sqlite").path, Self.text])
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr.contains("\(Self.text): is not a govreport batch archive"), "\(r.stderr)")
        #expect(Self.plain(r.stderr), "\(r.stderr)")
    }

    /// A permission problem is not "no such file" (run as another user: root reads every file).
    @Test func aPermissionProblemIsNotAMissingFile() throws {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
              let binary = CLI.binary else { return }
        let dir = URL(fileURLWithPath: "/tmp/govreport-perm-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("locked"),
                                                withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("locked/report.txt")
        try Self.copy(Self.text, to: file)
        let exe = dir.appendingPathComponent("govreport")
        try FileManager.default.copyItem(at: binary, to: exe)
        chmod(dir.path, 0o755)
        chmod(exe.path, 0o755)
        chmod(dir.appendingPathComponent("locked").path, 0o700)
        for command in [["extract"], ["check"], ["layout"]] {
            let r = try Self.run([], shell: "setpriv --reuid=65534 --regid=65534 --clear-groups "
                                 + "'\(exe.path)' \(command[0]) '\(file.path)'")
            #expect(r.status == 3, "\(command): \(r.stderr)")
            #expect(r.stderr.contains("Permission denied") && !r.stderr.contains("no such file"),
                    "\(command): \(r.stderr)")
        }
    }

    // MARK: 5. a NUL-separated list without --null

    @Test func aNULSeparatedListWithoutNullIsRefused() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        try Self.copy(Self.text, to: dir.url.appendingPathComponent("a.txt"))
        try Self.copy(Self.web, to: dir.url.appendingPathComponent("b.html"))
        try Data("a.txt\0b.html\0".utf8).write(to: dir.url.appendingPathComponent("list"))
        let r = try BatchCLI.run(["batch", "--files-from", "list", "--out", "out"], in: dir.url)
        #expect(r.status == 2 && r.stderr.contains("--null"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("out/manifest.jsonl").path))
        let stdin = try BatchCLI.run(["batch", "-", "--out", "out"], stdin: "a.txt\0b.html\0", in: dir.url)
        #expect(stdin.status == 2 && stdin.stderr.contains("--null"), "\(stdin.stderr)")
        let null = try BatchCLI.run(["batch", "--files-from", "list", "--null", "--out", "out", "--jobs", "1"],
                                    in: dir.url)
        #expect(null.status == 0, "\(null.stderr)")
    }

    // MARK: 6. the version

    @Test func theVersionIsPrintedAndRecorded() throws {
        let r = try CLI.run(["--version"])
        #expect(r.status == 0 && r.out.trimmingCharacters(in: .whitespacesAndNewlines) == GovReportVersion.current)

        let dir = ScratchFolder()
        defer { dir.remove() }
        try Self.copy(Self.text, to: dir.url.appendingPathComponent("a.txt"))
        let batch = try BatchCLI.run(["batch", "a.txt", "--out", "out", "--jobs", "1"], in: dir.url)
        #expect(batch.status == 0, "\(batch.stderr)")
        let manifest = String(decoding: try Data(contentsOf: dir.url.appendingPathComponent("out/manifest.jsonl")),
                              as: UTF8.self)
        #expect(manifest.contains("\"version\":\"\(GovReportVersion.current)\""), "\(manifest)")
        let version = try DatabaseQueue(path: dir.url.appendingPathComponent("out/reports.sqlite").path).read {
            try String.fetchOne($0, sql: "SELECT value FROM meta WHERE key = 'govreport_version'")
        }
        #expect(version == GovReportVersion.current)
    }

    // MARK: 8. spreadsheets and check --sqlite

    @Test func reportsWideHasOneRowPerReportAndOpensWithItsChinese() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        try Self.copy(Self.text, to: dir.url.appendingPathComponent("harvest/a.txt"))
        try Self.copy(Self.web, to: dir.url.appendingPathComponent("harvest/b.html"))
        let batch = try BatchCLI.run(["batch", "harvest", "--out", "out", "--jobs", "1"], in: dir.url)
        #expect(batch.status == 0, "\(batch.stderr)")
        let csv = dir.url.appendingPathComponent("out/reports-wide.csv")
        let data = try Data(contentsOf: csv)
        #expect(data.starts(with: WideCSV.byteOrderMark))
        let rows = String(decoding: data.dropFirst(3), as: UTF8.self).split(separator: "\n")
        #expect(rows.count == 3)
        #expect(rows[0].hasPrefix("source,sha256,") && rows[0].contains(",applications.new_received.total,"))
        let organizations = try ["a.txt": Self.text, "b.html": Self.web].mapValues {
            try #require(ReportExtractor.extract(path: Paths.samples.appendingPathComponent($0).path)
                .report.organization)
        }
        for (name, organization) in organizations {
            let row = try #require(rows.first { $0.hasPrefix("harvest/\(name),") })
            #expect(row.contains(organization))
        }

        // LibreOffice reads it as a spreadsheet with the Chinese intact.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/soffice"),
              FileManager.default.fileExists(atPath: "/usr/lib/libreoffice/program/libsclo.so") else {
            print("skipped: LibreOffice Calc is not installed (apt-get install libreoffice-calc-nogui), "
                  + "reports-wide.csv not opened in it")
            return
        }
        // As Calc's import dialog does for a file with a byte-order mark: Unicode, comma-separated.
        let profile = dir.url.appendingPathComponent("lo-profile")
        let convert = try Self.run([], shell: "soffice -env:UserInstallation=file://\(profile.path) --headless "
                                   + "--infilter='Text - txt - csv (StarCalc):44,34,UNICODE' "
                                   + "--convert-to xlsx --outdir '\(dir.path)' '\(csv.path)' >/dev/null 2>&1 && "
                                   + "unzip -p '\(dir.path)/reports-wide.xlsx' xl/sharedStrings.xml > "
                                   + "'\(dir.path)/strings.xml' && unzip -p '\(dir.path)/reports-wide.xlsx' "
                                   + "xl/worksheets/sheet1.xml > '\(dir.path)/sheet.xml'", in: dir.url)
        #expect(convert.status == 0, "\(convert.stderr)")
        let strings = String(decoding: try Data(contentsOf: dir.url.appendingPathComponent("strings.xml")), as: UTF8.self)
        for organization in organizations.values { #expect(strings.contains(organization), "\(strings.prefix(500))") }
        #expect(strings.contains("applications.new_received.total"))
        #expect(strings.contains(">source<"), "the byte-order mark is not read as part of the first cell")
        let sheet = String(decoding: try Data(contentsOf: dir.url.appendingPathComponent("sheet.xml")), as: UTF8.self)
        #expect(sheet.components(separatedBy: "<row ").count - 1 == 3, "a header and one row per report")
        #expect(strings.components(separatedBy: "<si>").count - 1 >= WideCSV.header.count)
    }

    @Test func checkWritesItsFindingsIntoAnArchive() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        try Self.copy(Self.text, to: dir.url.appendingPathComponent("org-a/report.txt"))
        try Self.copy(Self.text, to: dir.url.appendingPathComponent("org-b/report.txt"))
        try Self.copy("sample-inconsistent-2021.pdf", to: dir.url.appendingPathComponent("c.pdf"))
        let r = try CLI.run(["check", "--sqlite", "found.sqlite", "."], in: dir.url)
        #expect(r.status == 1, "\(r.stderr)")
        try DatabaseQueue(path: dir.url.appendingPathComponent("found.sqlite").path).read { db in
            #expect(try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema'") == ArchiveSchema.name)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM reports") == 3)
            let scopes = try Row.fetchAll(db, sql: "SELECT code, scope FROM findings")
                .map { "\($0["code"] as String):\($0["scope"] as String)" }
            #expect(scopes.contains("cross.duplicate:cross_report"), "\(scopes)")
            #expect(scopes.contains("applications.balance:report"), "\(scopes)")
        }
    }

    // MARK: 11. help and mistakes

    @Test func aMistypedCommandGetsASuggestion() throws {
        let r = try CLI.run(["extrac", Self.text])
        #expect(r.status == 2 && r.stderr.contains("did you mean 'extract'?"), "\(r.stderr)")
        let file = try CLI.run([Self.text])
        #expect(file.status == 2 && file.stderr.contains("govreport extract \(Self.text)"), "\(file.stderr)")
    }

    @Test func batchHelpGivesOneDefaultPerOption() throws {
        let r = try CLI.run(["batch", "--help"])
        let jobs = r.out.components(separatedBy: "--jobs <n>").dropFirst().first?.components(separatedBy: "--timeout").first
        #expect(jobs?.components(separatedBy: "default").count == 2, "\(jobs ?? r.out)")
    }
}

extension NewcomerTests {
    /// Columns a line takes on a terminal: CJK characters take two.
    static func displayWidth(_ line: Substring) -> Int {
        line.unicodeScalars.reduce(0) { width, s in
            let v = s.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v)
            return width + (wide ? 2 : 1)
        }
    }

    @Test(arguments: [[], ["extract"], ["check"], ["layout"], ["debug"], ["batch"], ["merge"]])
    func helpFitsEightyColumns(command: [String]) throws {
        let r = try CLI.run(command + ["--help"])
        // The usage line is one long line by design; everything else fits.
        let long = r.out.split(separator: "\n").filter { !$0.hasPrefix("USAGE:") && Self.displayWidth($0) > 80 }
        #expect(long.isEmpty, "\(long)")
    }
}

extension NewcomerTests {
    /// `extract` and `check` on several files draw the batch's progress bar on a terminal (here
    /// a pseudo-terminal from script(1)), and nothing on a pipe.
    @Test(arguments: ["extract --jsonl", "check --json"])
    func manyFilesShowProgressOnATerminal(command: String) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let dir = ScratchFolder()
        defer { dir.remove() }
        let files = Array(repeating: Paths.samples.appendingPathComponent(Self.text).path, count: 3)
            .map { "'\($0)'" }.joined(separator: " ")
        let log = dir.url.appendingPathComponent("terminal")
        let r = try Self.run([], shell: "script -qec \"\\\"$GOVREPORT\\\" \(command) \(files) >/dev/null\" /dev/null "
                             + "> '\(log.path)'")
        #expect(r.status == 0 || r.status == 1, "\(r.stderr)")
        let terminal = String(decoding: try Data(contentsOf: log), as: UTF8.self)
        #expect(terminal.contains("3/3") && terminal.contains("100%"), "\(terminal)")
        let piped = try Self.run(command.split(separator: " ").map(String.init) + [Self.text, Self.text])
        #expect(!piped.stderr.contains("%"), "\(piped.stderr)")
    }
}
