import Foundation
import Testing

/// The options several subcommands share (declared once, pulled in with `@OptionGroup`) read
/// and are checked the same way in each.
@Suite(.tags(.cli)) struct SharedOptionsTests {
    @Test(arguments: ["extract", "check", "compare", "debug", "batch"])
    func everyReaderOfTablesTakesTheSameTablesOption(command: String) throws {
        let r = try CLI.run([command, "--help"])
        #expect(r.status == 0)
        #expect(r.out.contains("--tables <tables>") && r.out.contains("values: auto, text, ruled; default: auto"))
    }

    @Test(arguments: ["extract", "check", "batch"])
    func ocrAndLimitsAreTheSameOptionsWhereTheyAreTaken(command: String) throws {
        let r = try CLI.run([command, "--help"])
        #expect(r.out.contains("--ocr <ocr>") && r.out.contains("values: auto, always, never; default: auto"))
        #expect(r.out.contains("--timeout <seconds>") && r.out.contains("--max-memory <MiB>"))
    }

    @Test func zeroLiftsTheTimeOfAReadButNotOfABatchWorker() throws {
        let extract = try CLI.run(["extract", "--timeout", "0", "--max-memory", "0", "sample-2019.pdf"])
        #expect(extract.status == 0, "\(extract.stderr)")
        let batch = try CLI.run(["batch", "--timeout", "0", "sample-2019.pdf", "--out", "/nonexistent/out"])
        #expect(batch.status == 2)
        #expect(batch.stderr.contains("--timeout must be more than 0 seconds"))
        for command in [["extract"], ["check"], ["batch", "--out", "/nonexistent/out"]] {
            let r = try CLI.run(command + ["--max-memory=-1", "sample-2019.pdf"])
            #expect(r.status == 2, "\(command): \(r.stderr)")
            #expect(r.stderr.contains("--max-memory must be 0 (no cap) or a size in MiB"), "\(command): \(r.stderr)")
        }
    }

    @Test func checkAndCompareShareTheirFormats() throws {
        for command in ["check", "compare"] {
            let r = try CLI.run([command, "--format", "pdf", "a.txt", "b.txt"])
            #expect(r.status == 2)
            #expect(r.stderr.contains("text") && r.stderr.contains("json") && r.stderr.contains("html"), "\(r.stderr)")
        }
    }
}
