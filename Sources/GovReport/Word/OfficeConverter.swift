import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Converts `.doc`, `.wps`, `.rtf` and `.odt` files to `.docx` with LibreOffice
/// (`soffice --headless --convert-to docx`). Each conversion runs in a folder of its own with
/// a private LibreOffice profile (concurrent conversions never share one), in a process group
/// of its own that is killed when the time limit passes.
public enum OfficeConverter {
    /// The Debian package that provides the converter.
    public static let package = "libreoffice-writer-nogui"

    /// Seconds a conversion may take (`GOVREPORT_CONVERT_TIMEOUT`, default 120).
    static var timeLimit: Double {
        ProcessInfo.processInfo.environment["GOVREPORT_CONVERT_TIMEOUT"].flatMap(Double.init) ?? 120
    }

    /// The `soffice` program: `GOVREPORT_SOFFICE` when set (empty: none, as on a machine
    /// without LibreOffice), else the first `soffice` or `libreoffice` on the PATH.
    public static func program() -> String? {
        let env = ProcessInfo.processInfo.environment
        if let named = env["GOVREPORT_SOFFICE"] {
            return named.isEmpty || !FileManager.default.isExecutableFile(atPath: named) ? nil : named
        }
        let dirs = (env["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["soffice", "libreoffice"] {
            for dir in dirs where FileManager.default.isExecutableFile(atPath: dir + "/" + name) {
                return dir + "/" + name
            }
        }
        return nil
    }

    /// The `.docx` LibreOffice makes of `data`, and the converter's name and version.
    static func convert(_ data: Data, format: InputKind.OfficeFormat) throws(InputError)
        -> (docx: Data, convertedBy: String) {
        guard let soffice = program() else { throw .needsConverter(format.description) }
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("govreport-convert-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: dir) }
        let input = dir.appendingPathComponent("report.\(format.rawValue)")
        let out = dir.appendingPathComponent("out")
        let profile = dir.appendingPathComponent("profile")
        do {
            try fm.createDirectory(at: out, withIntermediateDirectories: true)
            try data.write(to: input)
        } catch {
            throw .conversionFailed("cannot write a temporary file (\(error.localizedDescription))")
        }
        // Under coreutils' timeout as well: should this process be killed mid-conversion (a
        // batch worker past its time), LibreOffice still ends when its time is up.
        let guardTime = ["/usr/bin/timeout", "/bin/timeout"].first { FileManager.default.isExecutableFile(atPath: $0) }
            .map { [$0, "-s", "KILL", String(Int(timeLimit.rounded(.up)) + 5)] } ?? []
        let args = guardTime + [soffice, "-env:UserInstallation=\(profile.absoluteString)", "--headless", "--invisible",
                    "--nologo", "--norestore", "--nolockcheck", "--nodefault",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", out.path, input.path]
        let log = dir.appendingPathComponent("soffice.log").path
        let limit = timeLimit
        switch run(args, log: log, timeLimit: limit) {
        case .failedToStart(let why):
            throw .conversionFailed("LibreOffice (\(soffice)) could not be started: \(why)")
        case .timedOut:
            throw .conversionFailed("LibreOffice took longer than \(Int(limit)) s to convert it; "
                + "raise GOVREPORT_CONVERT_TIMEOUT or convert it by hand")
        case .exited:
            break
        }
        guard let docx = fm.contents(atPath: out.appendingPathComponent("report.docx").path), !docx.isEmpty else {
            let said = (try? String(contentsOfFile: log, encoding: .utf8))?
                .split(separator: "\n").last.map(String.init) ?? ""
            throw .conversionFailed("LibreOffice wrote no .docx" + (said.isEmpty ? "" : " (it said: \(said))")
                + "; the file may be damaged or password-protected")
        }
        return (docx, version(docx) ?? "LibreOffice")
    }

    /// "LibreOffice 7.4.7.2", from the application the converted package names in
    /// `docProps/app.xml` (`LibreOffice/7.4.7.2$Linux_X86_64 …`): no second run of soffice.
    static func version(_ docx: Data) -> String? {
        guard let app = try? DocxPackage.entry("docProps/app.xml", in: docx),
              let root = LibXMLDocument.parseXML(app),
              let name = root.first("application")?.textContent else { return nil }
        let product = name.split(separator: "$").first.map(String.init) ?? name
        let parts = product.split(separator: "/")
        guard parts.count == 2, parts[0].hasPrefix("LibreOffice") else { return nil }
        return "LibreOffice \(parts[1])"
    }

    enum Outcome: Equatable { case exited(Int32), timedOut, failedToStart(String) }

    /// Runs `args` in a new process group with stdin from /dev/null and its output to `log`,
    /// and kills the whole group (soffice starts soffice.bin) when it ends or times out.
    static func run(_ args: [String], log: String, timeLimit: Double) -> Outcome {
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let cArgs = args.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, args[0], &actions, &attributes, cArgs, environ)
        guard rc == 0 else { return .failedToStart(String(cString: strerror(rc))) }
        let deadline = Date().addingTimeInterval(timeLimit)
        var status: Int32 = 0
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid {
                kill(-pid, SIGKILL)  // anything it left running in its group
                let code: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
                return .exited(code)
            }
            if r < 0, errno != EINTR { return .exited(-1) }
            if Date() >= deadline {
                kill(-pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                return .timedOut
            }
            usleep(20_000)
        }
    }
}

extension InputKind.OfficeFormat: CustomStringConvertible {
    /// The format in words, for messages.
    public var description: String {
        switch self {
        case .doc: "a Word 97–2003 document (.doc)"
        case .wps: "a WPS Writer document (.wps)"
        case .rtf: "an RTF document (.rtf)"
        case .odt: "an OpenDocument text (.odt)"
        }
    }
}
