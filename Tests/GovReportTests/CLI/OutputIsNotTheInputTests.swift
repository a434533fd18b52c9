import Foundation
import Testing
@testable import GovReport

/// An output file (`check --out`, `compare --out`, `debug --png`) that names an input, by its
/// path or through a link, is refused before anything is written: the input stays whole.
@Suite(.tags(.cli)) struct OutputIsNotTheInputTests {
    static func copy(_ sample: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("govreport-self-\(UUID().uuidString)-\(sample)")
        try FileManager.default.copyItem(at: Paths.samples.appendingPathComponent(sample), to: url)
        return url
    }

    @Test func checkDoesNotWriteItsReportOverAnInput() throws {
        let input = try Self.copy("sample-bordered-2021.layout.txt")
        let link = input.deletingLastPathComponent().appendingPathComponent("govreport-link-\(UUID().uuidString).txt")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: input)
        defer { try? FileManager.default.removeItem(at: input); try? FileManager.default.removeItem(at: link) }
        let before = try Data(contentsOf: input)
        for out in [input, link] {
            let r = try CLI.run(["check", input.path, "--out", out.path])
            #expect(r.status == 2, "\(r.stderr)")
            #expect(r.stderr.contains("is the input"), "\(r.stderr)")
        }
        #expect(try Data(contentsOf: input) == before)
    }
}
