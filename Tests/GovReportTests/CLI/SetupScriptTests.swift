import Foundation
import Testing

/// `Scripts/setup.sh` asks apt-get for what is missing. Here `soffice` is a LibreOffice without
/// Writer (what `libreoffice-calc-nogui` alone installs), and apt-get only records what it was
/// asked for.
@Suite struct SetupScriptTests {
    static func packagesAsked(_ arguments: [String]) throws -> [String] {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let bin = dir.url.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let asked = dir.url.appendingPathComponent("asked").path
        let fakes = [
            "soffice": "#!/bin/sh\nexit 0\n",
            "apt-get": "#!/bin/sh\n[ \"$1\" = install ] && shift 4 && echo \"$@\" >> '\(asked)'\nexit 0\n",
            "sudo": "#!/bin/sh\nexec \"$@\"\n",
        ]
        for (name, text) in fakes {
            let url = bin.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = [Paths.packageRoot.appendingPathComponent("Scripts/setup.sh").path] + arguments
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        p.environment = ProcessInfo.processInfo.environment.merging(["PATH": "\(bin.path):\(path)"]) { $1 }
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let text = (try? String(contentsOfFile: asked, encoding: .utf8)) ?? ""
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    }

    /// `.doc`, `.wps`, `.rtf` and `.odt` need Writer's import filters, not just a `soffice`.
    @Test func withOfficeInstallsWriterWhenSofficeHasNone() throws {
        #expect(try Self.packagesAsked(["--with-office"]).contains("libreoffice-writer-nogui"))
    }

    /// The tests convert a `.doc` (when there is a `soffice`) and open a CSV in Calc.
    @Test func testsInstallWriterAndCalc() throws {
        let asked = try Self.packagesAsked(["--tests"])
        #expect(asked.contains("libreoffice-writer-nogui") && asked.contains("libreoffice-calc-nogui"), "\(asked)")
    }
}
