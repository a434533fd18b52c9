import Foundation
import Testing

/// Headless Chromium for the HTML report tests: finds the browser, loads a page and returns
/// its DOM after the page's scripts ran, or saves a screenshot.
enum HeadlessChromium {
    /// `$CHROMIUM`, else the usual install paths (Debian's `chromium` package: /usr/bin/chromium).
    static let path: String? = {
        let fm = FileManager.default
        if let p = ProcessInfo.processInfo.environment["CHROMIUM"], fm.isExecutableFile(atPath: p) { return p }
        return ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome",
                "/usr/bin/google-chrome-stable"].first { fm.isExecutableFile(atPath: $0) }
    }()

    static let skipReason: Comment = "chromium is not installed (apt-get install chromium; .ci/run installs it)"

    /// Where the tests leave their HTML reports and screenshots: .build/check-html/ in the package.
    static let outputFolder: URL = {
        let dir = Paths.packageRoot.appendingPathComponent(".build/check-html")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }()

    enum Failure: Error, CustomStringConvertible {
        case notInstalled, failed(Int32, String)
        var description: String {
            switch self {
            case .notInstalled: "chromium is not installed"
            case .failed(let status, let err): "chromium exited \(status): \(err.suffix(2000))"
            }
        }
    }

    /// The DOM of `url` after load (scripts run), as Chromium serializes it.
    static func dom(_ url: URL, fragment: String? = nil) throws -> String {
        try run(["--dump-dom", address(url, fragment)])
    }

    /// Saves a screenshot of `url` (the top `height` pixels of the page, 1400 wide) as PNG.
    static func screenshot(_ url: URL, to png: URL, height: Int = 3000) throws {
        try? FileManager.default.removeItem(at: png)
        _ = try run(["--window-size=1400,\(height)", "--screenshot=\(png.path)", address(url, nil)])
    }

    static func address(_ url: URL, _ fragment: String?) -> String {
        url.absoluteString + (fragment.map { "#" + $0 } ?? "")
    }

    static func run(_ arguments: [String]) throws -> String {
        guard let path else { throw Failure.notInstalled }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("govreport-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        // Its own profile per run, so parallel runs do not share one.
        let r = try CheckingProcess.run(URL(fileURLWithPath: path),
                                        ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                                         "--disable-dev-shm-usage", "--user-data-dir=\(profile.path)"] + arguments)
        guard r.status == 0 else { throw Failure.failed(r.status, r.stderr) }
        return r.stdout
    }
}

/// What the tests read back from a dumped DOM.
enum ReportDOM {
    /// The highlighted cells (`td.cell-error` or `td.cell-warning`) of each report article, by
    /// the article's id.
    static func highlighted(_ dom: String, _ cls: String = "cell-error") -> [String: [String]] {
        var out: [String: [String]] = [:]
        let articles = dom.components(separatedBy: "<article class=\"report\" id=\"").dropFirst()
        let cell = try! NSRegularExpression(pattern: "<td class=\"[^\"]*\\b\(cls)\\b[^\"]*\" data-cell=\"([^\"]+)\"")
        for a in articles {
            let id = String(a.prefix { $0 != "\"" })
            let ns = a as NSString
            out[id] = cell.matches(in: a, range: NSRange(location: 0, length: ns.length)).map {
                ns.substring(with: $0.range(at: 1))
            }
        }
        return out
    }

    /// The report ids in the order the report list shows them.
    static func listOrder(_ dom: String) -> [String] {
        guard let start = dom.range(of: "id=\"report-list\""), let end = dom.range(of: "</table>", range: start.upperBound..<dom.endIndex)
        else { return [] }
        let table = String(dom[start.upperBound..<end.lowerBound])
        let row = try! NSRegularExpression(pattern: "<tr[^>]*data-report=\"(r[0-9]+)\"")
        let ns = table as NSString
        return row.matches(in: table, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) }
    }

    static func attribute(_ name: String, ofBodyIn dom: String) -> String? {
        guard let body = dom.range(of: "<body") else { return nil }
        let tag = dom[body.lowerBound...].prefix { $0 != ">" }
        guard let r = tag.range(of: "\(name)=\"") else { return nil }
        return String(tag[r.upperBound...].prefix { $0 != "\"" })
    }
}
