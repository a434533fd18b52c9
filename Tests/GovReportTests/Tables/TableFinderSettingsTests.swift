import Foundation
import Testing
@testable import GovReport

@Suite struct TableFinderSettingsTests {
    @Test func everySettingHasAUnit() {
        let entries = TableFinderSettings.standard.entries
        #expect(entries.count >= 45)
        for e in entries { #expect(!e.unit.isEmpty, "\(e.name) has no unit") }
        #expect(Set(entries.map(\.name)).count == entries.count)
        // Every unit names a setting that exists.
        for name in TableFinderSettings.units.keys { #expect(entries.contains { $0.name == name }, "\(name)") }
    }

    @Test func theJSONReadsBackAsTheSameSettings() throws {
        let json = TableFinderSettings.standard.json
        let back = try JSONDecoder().decode(TableFinderSettings.self, from: Data(json.utf8))
        #expect(back == .standard)
        #expect(json.contains("\"sameBand\" : 0.5"))
    }

    @Test func theTextListsOneSettingALine() {
        let lines = TableFinderSettings.standard.text.split(separator: "\n")
        #expect(lines.count == TableFinderSettings.standard.entries.count)
        #expect(lines.contains { $0.hasPrefix("lines.wordGap") && $0.hasSuffix("0.9 em") })
        #expect(lines.contains { $0.hasPrefix("parts.tableAreaMargin") && $0.hasSuffix(" pt") })
    }

    /// The settings passed in are the ones used: with a wider band, two rows of values half a
    /// line apart become one.
    @Test func settingsPassedDownAreUsed() {
        let words = LineBuilder.lines(Draw.text("12", x: 100, y: 100) + Draw.text("34", x: 100, y: 106)).flatMap(\.words)
        #expect(DataRow.rows(of: words, page: 1).count == 2)
        var wide = TableFinderSettings.standard
        wide.rows.sameBand = 0.7
        #expect(DataRow.rows(of: words, page: 1, settings: wide.rows).count == 1)
    }
}
