import Foundation

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
            return named.isEmpty || !SystemCalls.isExecutable(named) ? nil : named
        }
        let dirs = (env["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["soffice", "libreoffice"] {
            for dir in dirs where SystemCalls.isExecutable(dir + "/" + name) {
                return dir + "/" + name
            }
        }
        return nil
    }

    /// The `.docx` LibreOffice makes of `data`, and the converter's name and version.
    static func convert(_ data: Data, format: InputKind.OfficeFormat) throws(InputError)
        -> (docx: Data, convertedBy: String) {
        guard let soffice = program() else { throw .needsConverter(format.description) }
        let dir = TemporaryFolder(prefix: "govreport-convert")
        defer { dir.remove() }
        let input = dir.file("report.\(format.rawValue)")
        do {
            try dir.makeFolder("out")
            try dir.write(data, to: "report.\(format.rawValue)")
        } catch {
            throw .conversionFailed("cannot write a temporary file (\(error.localizedDescription))")
        }
        // Under coreutils' timeout as well: should this process be killed mid-conversion (a
        // batch worker past its time), LibreOffice still ends when its time is up.
        let guardTime = ["/usr/bin/timeout", "/bin/timeout"].first(where: SystemCalls.isExecutable)
            .map { [$0, "-s", "KILL", String(Int(timeLimit.rounded(.up)) + 5)] } ?? []
        let args = guardTime + [soffice, "-env:UserInstallation=\(dir.url("profile"))", "--headless", "--invisible",
                    "--nologo", "--norestore", "--nolockcheck", "--nodefault",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", dir.file("out"), input]
        let limit = timeLimit
        switch SystemCalls.runInOwnGroup(args, log: dir.file("soffice.log"), timeLimit: limit) {
        case .failedToStart(let why):
            throw .conversionFailed("LibreOffice (\(soffice)) could not be started: \(why)")
        case .timedOut:
            throw .conversionFailed("LibreOffice took longer than \(Int(limit)) s to convert it; "
                + "raise GOVREPORT_CONVERT_TIMEOUT or convert it by hand")
        case .exited:
            break
        }
        guard let docx = dir.contents(of: "out/report.docx"), !docx.isEmpty else {
            let said = dir.contents(of: "soffice.log").flatMap { String(data: $0, encoding: .utf8) }?
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
