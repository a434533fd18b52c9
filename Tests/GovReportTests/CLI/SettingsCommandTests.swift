import Foundation
import Testing
@testable import GovReport

@Suite(.tags(.cli)) struct SettingsCommandTests {
    @Test func settingsPrintsEveryToleranceAsText() throws {
        let r = try CLI.run(["settings"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.out == TableFinderSettings.standard.text)
    }

    @Test func settingsPrintsJSON() throws {
        let r = try CLI.run(["settings", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try JSONDecoder().decode(TableFinderSettings.self, from: r.stdout) == .standard)
    }
}
