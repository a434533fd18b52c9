import Foundation
import Testing
@testable import GovReport

/// `govreport compare` run as a program, in Fixtures/compare/.
@Suite(.enabled(if: CheckCommand.binary != nil, "the govreport binary is not built"))
struct CompareCommandTests {
    static func run(_ arguments: [String]) throws -> CheckingProcess.Result {
        try CheckCommand.run(["compare"] + arguments, in: ComparePairs.folder)
    }

    @Test func jsonOfOnePairIsTheContract() throws {
        let r = try Self.run(["--format", "json", "planted/wenlv-2022.html", "planted/wenlv-2023.html"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONValue.parse(Data(r.stdout.utf8))
        #expect(json["schema"]?.string == "govreport-compare/1")
        #expect(json["from"]?["year"]?.decimal == 2022 && json["to"]?["year"]?.decimal == 2023)
        #expect(json["prose"]?["reused"]?.array?.count == 6)
        #expect(r.stderr.isEmpty)
    }

    @Test func canonicalJSONComparesTheSameAsTheReports() throws {
        let dir = try CheckCommand.tempFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = ["templates/shenji-2020.html", "templates/shenji-2021.html"]
        var jsons: [String] = []
        for f in files {
            let one = try CheckCommand.run(["extract", f], in: ComparePairs.folder)
            let url = dir.appendingPathComponent((f as NSString).lastPathComponent + ".json")
            try Data(one.stdout.utf8).write(to: url)
            jsons.append(url.path)
        }
        let direct = try JSONValue.parse(Data(try Self.run(["--format", "json"] + files).stdout.utf8))
        let viaJSON = try JSONValue.parse(Data(try Self.run(["--format", "json"] + jsons).stdout.utf8))
        for key in ["cells", "only_in_from", "only_in_to", "carry_over", "prose"] { #expect(direct[key] == viaJSON[key], "\(key)") }
    }

    @Test func theWarningsGoToStderrToo() throws {
        let r = try Self.run(["none/shuili-2024.html", "planted/wenlv-2022.html"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("warning: the reports are of different organizations"))
        #expect(r.stderr.contains("not later than"))
        #expect(r.stdout.contains("prose: not compared (different organizations)"))
    }

    @Test func harvestModeWritesOneLinePerPair() throws {
        let r = try Self.run(["--by-organization", "--format", "json", "."])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        let years = try lines.map { line -> String in
            let j = try JSONValue.parse(Data(line.utf8))
            return "\(j["from"]!["year"]!.decimal!)→\(j["to"]!["year"]!.decimal!)"
        }
        #expect(Set(years) == ["2022→2023", "2023→2024", "2020→2021"])
        let html = try Self.run(["--by-organization", "--format", "html", "."])
        #expect(html.stdout.contains("id=\"comparison-list\"") && html.stdout.components(separatedBy: "<article class=\"comparison\"").count == 4)
    }

    @Test(arguments: [["one.html"], ["a.html", "b.html", "c.html"], ["--format", "pdf", "a", "b"]])
    func usageErrorsExit2(arguments: [String]) throws {
        let r = try Self.run(arguments)
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func anUnreadableInputExits3() throws {
        let r = try Self.run(["planted/wenlv-2022.html", "no-such-report.pdf"])
        #expect(r.status == 3)
        #expect(r.stderr.contains("no-such-report.pdf"))
    }
}
