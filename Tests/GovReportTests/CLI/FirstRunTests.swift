import Foundation
import Testing
@testable import GovReport
import GovReportBatch

/// What a new user met on a first run (session 5): help paragraphs broken mid-line, a help text
/// that lists fewer extensions than the folder walk takes, `compare` output that ignored write
/// failures (and replaced a device or FIFO named by `--out` with a regular file), and a setup
/// script that took LibreOffice Calc's `soffice` for the Writer that converts `.doc`.
@Suite(.tags(.cli), .serialized) struct FirstRunTests {
    static let commands: [[String]] = [[], ["extract"], ["check"], ["compare"], ["batch"], ["debug"], ["settings"],
                                       ["layout"], ["merge"]]

    /// The paragraphs of a command's help as written (no wrapping at this width).
    static func helpParagraphs(_ command: [String]) throws -> [[Substring]] {
        let r = try CLI.run(command + ["--help"], environment: ["COLUMNS": "1000"])
        let discussion = r.out.components(separatedBy: "\nUSAGE:").first ?? ""
        return discussion.components(separatedBy: "\n\n").dropFirst() // the overview wraps as one paragraph
            .map { $0.split(separator: "\n") }
    }

    /// A paragraph written with its own line breaks keeps them at 80 columns: no line of it is
    /// longer, so none is wrapped into a stray word on a line of its own.
    @Test(arguments: commands)
    func helpLinesBrokenByHandFitEightyColumns(command: [String]) throws {
        let long = try Self.helpParagraphs(command).filter { $0.count > 1 }.flatMap { $0 }
            .filter { NewcomerTests.displayWidth($0) > 80 }
        #expect(long.isEmpty, "\(command): \(long)")
    }

    /// The help of the commands NewcomerTests.helpFitsEightyColumns leaves out fits 80 columns
    /// too (a CJK character takes two).
    @Test(arguments: [["compare"], ["settings"]])
    func helpFitsEightyColumns(command: [String]) throws {
        let r = try CLI.run(command + ["--help"])
        let long = r.out.split(separator: "\n").filter { !$0.hasPrefix("USAGE:") && NewcomerTests.displayWidth($0) > 80 }
        #expect(long.isEmpty, "\(long)")
    }

    /// `check --help` names every extension a folder walk takes.
    @Test func checkHelpNamesEveryExtensionAFolderWalkTakes() throws {
        let help = try Self.helpParagraphs(["check"]).flatMap { $0 }.joined(separator: " ")
        let missing = (InputKind.readableExtensions.union(["json", "jsonl"])).sorted().filter {
            !help.contains(".\($0),") && !help.contains(".\($0);") && !help.contains(".\($0) ")
        }
        #expect(missing.isEmpty, "\(missing)")
    }
}

// MARK: compare's output

extension FirstRunTests {
    static let pair = ["smx-kjj-2024.txt", "sample-web-2021.html"]

    @Test(arguments: [["compare"], ["compare", "--format", "json"]])
    func compareOnAFullDiskIsAnError(command: [String]) throws {
        let r = try NewcomerTests.run(command + Self.pair, stdout: "/dev/full")
        #expect(r.status == 8, "\(r.stderr)")
        #expect(r.stderr.contains("standard output") && r.stderr.contains("No space left on device"), "\(r.stderr)")
    }

    @Test func compareOutIntoAMissingFolderSaysWhyAndWhatToDo() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let out = dir.url.appendingPathComponent("no-such-folder/pair.txt").path
        let r = try CLI.run(["compare", "--out", out] + Self.pair)
        #expect(r.status == 8, "\(r.stderr)")
        #expect(r.stderr.contains("\(out): cannot be written (No such file or directory); choose another output file"),
                "\(r.stderr)")
        #expect(NewcomerTests.plain(r.stderr) && !r.stderr.contains("operation could not be completed"), "\(r.stderr)")
    }

    /// `--out` naming a FIFO writes into it; the FIFO stays a FIFO (an atomic write would have
    /// put a regular file in its place, and as root one in place of /dev/full).
    @Test func compareOutIntoAFIFOWritesThroughIt() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let script = """
            mkfifo pipe && { timeout 60 cat pipe > got & } && "$GOVREPORT" compare --format json --out pipe \
            '\(Paths.samples.appendingPathComponent(Self.pair[0]).path)' \
            '\(Paths.samples.appendingPathComponent(Self.pair[1]).path)'; s=$?; wait; \
            [ -p pipe ] || echo 'pipe replaced' >&2; exit $s
            """
        let r = try NewcomerTests.run([], shell: script, in: dir.url)
        #expect(r.status == 0 && !r.stderr.contains("pipe replaced"), "\(r.stderr)")
        let got = try String(contentsOf: dir.url.appendingPathComponent("got"), encoding: .utf8)
        #expect(got.contains("\"schema\": \"govreport-compare/1\""), "\(got.prefix(200))")
    }
}

// MARK: standard input and compare read scans as files are read

extension FirstRunTests {
    /// A page image read from `-` goes to OCR as the same file named would (`--ocr auto` is the
    /// default): the answer says OCR ran, not "read it with --ocr auto".
    @Test(arguments: [["extract", "-"], ["check", "-"]])
    func aScanOnStandardInputIsReadByOCR(command: [String]) throws {
        let r = try CLI.run(command, stdin: Paths.badInputs.appendingPathComponent("image-only.pdf"))
        #expect(r.status == 5, "\(r.stderr)")
        #expect(r.stderr.contains("OCR found no report") && !r.stderr.contains("--ocr auto"), "\(r.stderr)")
    }

    /// `compare` reads its inputs as `check` does: by OCR when they are scans, with the same options.
    @Test func compareReadsAScanByOCR() throws {
        let r = try CLI.run(["compare", Paths.badInputs.appendingPathComponent("image-only.pdf").path, Self.pair[0]])
        #expect(r.status == 5, "\(r.stderr)")
        #expect(r.stderr.contains("OCR found no report") && !r.stderr.contains("--ocr auto"), "\(r.stderr)")
        let help = try CLI.run(["compare", "--help"]).out
        #expect(help.contains("--ocr <ocr>") && help.contains("--timeout <seconds>") && help.contains("--max-memory <MiB>"))
    }
}

// MARK: batch's usage errors and output folder

extension FirstRunTests {
    /// A list that cannot be read is a usage error of `batch`: its usage, and the system's reason.
    @Test func aMissingFilesFromListSaysWhyWithBatchsUsage() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let r = try CLI.run(["batch", "--files-from", "no-such-list.txt", "--out", "out", "--progress", "none"], in: dir.url)
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("--files-from no-such-list.txt: cannot be read (No such file or directory)"), "\(r.stderr)")
        #expect(r.stderr.contains("Usage: govreport batch ") && r.stderr.contains("'govreport batch --help'"), "\(r.stderr)")
    }

    /// `--jobs` past what the machine can run is refused before a worker starts.
    @Test func tooManyJobsAreRefusedWithTheLimit() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let r = try CLI.run(["batch", "in", "--out", "out", "--jobs", "100000", "--progress", "none"], in: dir.url)
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("--jobs must be at most \(BatchRun.maxJobs)"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("out").path))
    }

    /// `--out` naming a file: the message says that is the trouble and what to do.
    @Test func anOutputFolderThatIsAFileIsNamed() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        dir.file("taken", "not a folder")
        try NewcomerTests.copy(Self.pair[0], to: dir.url.appendingPathComponent("in/report.txt"))
        let r = try CLI.run(["batch", "in", "--out", "taken", "--progress", "none"], in: dir.url)
        #expect(r.status == 8, "\(r.stderr)")
        #expect(r.stderr.contains("taken is a file, not a folder; choose another output folder (--out)"), "\(r.stderr)")
        #expect(!r.stderr.contains("input/output error"), "\(r.stderr)")
    }
}

// MARK: compare's standard input, debug's scale

extension FirstRunTests {
    /// `-` is one report or canonical JSON on standard input, for compare as for check.
    @Test func compareTakesCanonicalJSONOnStandardInput() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let old = try CLI.run(["extract", Self.pair[0]])
        let json = dir.url.appendingPathComponent("old.json")
        try old.stdout.write(to: json)
        let r = try CLI.run(["compare", "--format", "json", "-", Self.pair[1]], stdin: json)
        #expect(r.status == 0, "\(r.stderr)")
        let compared = try JSONValue.parse(r.stdout)
        #expect(compared["from"]?["year"]?.decimal == 2024 && compared["cells"]?.array?.isEmpty == false)
    }

    @Test(arguments: ["0", "-1", "1000"])
    func debugRefusesAScaleItCannotDraw(scale: String) throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let png = dir.url.appendingPathComponent("page.png").path
        let r = try CLI.run(["debug", NewcomerTests.pdf, "--png", png, "--scale=\(scale)"])
        #expect(r.status == 2 && r.stderr.contains("--scale must be"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: png))
    }

    @Test func debugOnAMissingPageSaysSoOnce() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let r = try CLI.run(["debug", NewcomerTests.pdf, "--page", "99", "--png", dir.url.appendingPathComponent("p.png").path])
        #expect(r.status == 2 && r.stderr.hasSuffix("(it has 4; pages count from 1)\n"), "\(r.stderr)")
    }
}

// MARK: check: one path, spelled two ways

extension FirstRunTests {
    /// A report's JSON records the path it was extracted under (`in/report.txt`); the folder
    /// walk of `$PWD/in` finds the same file: one document, not a duplicate of itself.
    @Test func aRelativeAndAnAbsolutePathToOneFileAreOneDocument() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        try NewcomerTests.copy(Self.pair[0], to: dir.url.appendingPathComponent("in/report.txt"))
        let extracted = try CLI.run(["extract", "in/report.txt"], in: dir.url)
        try extracted.stdout.write(to: dir.url.appendingPathComponent("report.json"))
        let r = try CLI.run(["check", "--json", dir.url.appendingPathComponent("in").path, "report.json"], in: dir.url)
        let reports = try #require(try CLITests.parse(r.stdout) as? [[String: Any]])
        #expect(reports.count == 1, "\(r.stderr)")
        let codes = reports.flatMap { ($0["findings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String } }
        #expect(!codes.contains("cross.duplicate"), "\(codes)")
        #expect(r.stderr.contains("read again"), "\(r.stderr)")
    }
}
