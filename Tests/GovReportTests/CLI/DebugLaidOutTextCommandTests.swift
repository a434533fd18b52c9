import Foundation
import Testing
@testable import GovReport

/// `govreport debug` draws a sample's laid-out text, and names the inputs it does not draw.
@Suite(.tags(.cli)) struct DebugLaidOutTextCommandTests {
    static let sample = "sample-bordered-2021.layout.txt"

    static func png() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("govreport-debug-text-\(UUID().uuidString).png")
    }

    /// The pixel size a PNG's header gives.
    static func size(_ data: Data) -> (Int, Int) {
        func int(_ at: Int) -> Int { data[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }

    @Test(arguments: [nil] + DebugStage.allCases) func debugDrawsALaidOutTextPage(stage: DebugStage?) throws {
        let png = Self.png()
        defer { try? FileManager.default.removeItem(at: png) }
        let r = try CLI.run(["debug", Self.sample, "--page", "2", "--scale", "1", "--png", png.path]
                            + (stage.map { ["--stage", $0.rawValue] } ?? []))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("page 2 of the laid-out text"), "\(r.stderr)")
        let data = try Data(contentsOf: png)
        #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        // The canvas is the character grid's page, in points (at one pixel a point).
        let text = try String(contentsOf: Paths.samples.appendingPathComponent(Self.sample), encoding: .utf8)
        let page = try #require(LaidOutText(text: text).layouts.first { $0.number == 2 })
        #expect(Self.size(data) == (Int(page.width.rounded(.up)), Int(page.height.rounded(.up))))
    }

    @Test func aPageTheTextDoesNotHaveIsAUsageError() throws {
        let r = try CLI.run(["debug", Self.sample, "--page", "99", "--png", Self.png().path])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("has no page 99 (it has 4;"), "\(r.stderr)")
    }

    @Test(arguments: [("sample-markdown-2021.md", "Markdown"), ("sample-web-2021.html", "a web page"),
                      ("sample-word-2021.docx", "a Word document (.docx)"), ("smx-kjj-2024.txt", "text with its cells between tabs")])
    func otherInputsAreNamedAndRefused(file: String, kind: String) throws {
        let png = Self.png()
        defer { try? FileManager.default.removeItem(at: png) }
        let r = try CLI.run(["debug", file, "--png", png.path])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("govreport: \(file): is \(kind); `govreport debug` draws PDFs and laid-out text"), "\(r.stderr)")
        #expect(!r.stderr.contains("Error") && !r.stderr.contains("Inspection") && !r.stderr.contains("unpositioned"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: png.path))
    }

    @Test func textWithoutATableIsNoReport() throws {
        // Prose, as `extract` answers it: no report (not "cells between tabs").
        let text = FileManager.default.temporaryDirectory.appendingPathComponent("govreport-debug-prose-\(UUID().uuidString).txt")
        try "本机关认真贯彻落实政府信息公开条例。\n\n全年未发生行政复议案件。\n".write(to: text, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: text) }
        let r = try CLI.run(["debug", text.path, "--png", Self.png().path])
        #expect(r.status == 6, "\(r.stderr)")
        #expect(r.stderr.contains("[not_a_report]") && !r.stderr.contains("tabs"), "\(r.stderr)")
    }

    @Test func thePictureIsNeverWrittenOverTheInput() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("govreport-debug-self-\(UUID().uuidString).txt")
        try FileManager.default.copyItem(at: Paths.samples.appendingPathComponent(Self.sample), to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        let before = try Data(contentsOf: copy)
        let r = try CLI.run(["debug", copy.path, "--png", copy.path])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("is the input"), "\(r.stderr)")
        #expect(try Data(contentsOf: copy) == before)
    }

    @Test func aPageTooLargeToDrawAtTheScaleIsSaidBeforeAnyFileIsMade() throws {
        // A laid-out text without page breaks is one long page: 4,000 lines are 44,000 points.
        let text = FileManager.default.temporaryDirectory.appendingPathComponent("govreport-debug-tall-\(UUID().uuidString).txt")
        let sample = try String(contentsOf: Paths.samples.appendingPathComponent(Self.sample), encoding: .utf8)
            .replacingOccurrences(of: "\u{0C}", with: "\n")
        let tall = sample + String(repeating: "\n", count: 4000) + "附注  1  2  3\n"
        try tall.write(to: text, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: text) }
        let png = Self.png()
        let last = LaidOutText(text: tall).layouts.count
        let r = try CLI.run(["debug", text.path, "--page", "\(last)", "--png", png.path])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("use a smaller --scale"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: png.path))
    }
}
