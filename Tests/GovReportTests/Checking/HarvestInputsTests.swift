import Foundation
import Testing
@testable import GovReport
@testable import GovReportChecking

@Suite struct HarvestInputsTests {
    static func tempFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("govreport-inputs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func foldersAreWalkedForReportsAndJSONInPathOrder() throws {
        let dir = try Self.tempFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        for sub in ["b", "a/deeper", ".hidden"] {
            try fm.createDirectory(at: dir.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        for name in ["b/2.pdf", "a/deeper/1.txt", "a/x.json", "a/y.jsonl", "a/page.html", "notes.xlsx", ".hidden/3.pdf",
                     "a/.4.pdf"] {
            _ = fm.createFile(atPath: dir.appendingPathComponent(name).path, contents: Data("x".utf8))
        }
        let files = HarvestInputs.expand([dir.path, "named.pdf"])
        let rel = files.map { $0.path.replacingOccurrences(of: dir.path + "/", with: "") }
        #expect(rel == ["a/deeper/1.txt", "a/page.html", "a/x.json", "a/y.jsonl", "b/2.pdf", "named.pdf"])
        #expect(files.map(\.walked) == [true, true, true, true, true, false])
        #expect(files.map(\.isJSON) == [false, false, true, true, false, false])
    }

    static func doc(_ year: Int) -> String { CheckingBuild.report(year: year).json.serialized(pretty: false) }

    @Test func jsonOneDocumentAnArrayOrJSONLines() throws {
        let one = try HarvestInputs.reports(inJSON: Data(Self.doc(2023).utf8)).get()
        #expect(one.map(\.report.year) == [2023])
        let array = try HarvestInputs.reports(inJSON: Data("[\(Self.doc(2023)),\(Self.doc(2024))]".utf8)).get()
        #expect(array.map(\.report.year) == [2023, 2024])
        let lines = try HarvestInputs.reports(inJSON: Data("\(Self.doc(2023))\n\(Self.doc(2024))\n\n".utf8)).get()
        #expect(lines.map(\.report.year) == [2023, 2024])
    }

    @Test func jsonThatIsNotCanonicalIsRefused() {
        func problem(_ text: String) -> HarvestInputs.JSONProblem? {
            if case .failure(let p) = HarvestInputs.reports(inJSON: Data(text.utf8)) { return p }
            return nil
        }
        #expect(problem("{\"a\": 1}") == .notCanonical)
        #expect(problem("\(Self.doc(2023))\n{\"manifest\": true}") == .notCanonical)
        #expect(problem("not json\n{") == .notJSON)
        #expect(problem("[]") == .notCanonical)
    }
}
