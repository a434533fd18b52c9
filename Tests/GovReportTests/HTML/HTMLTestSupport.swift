import Foundation
@testable import GovReport

/// Builds `HTMLElement` trees by hand, so the HTML stages are tested without libxml2.
enum H {
    static func el(_ name: String, _ attributes: [String: String], _ children: HTMLNode...) -> HTMLNode {
        .element(HTMLElement(name, attributes, children))
    }

    static func el(_ name: String, _ children: HTMLNode...) -> HTMLNode {
        .element(HTMLElement(name, [:], children))
    }

    static func t(_ text: String) -> HTMLNode { .text(text) }

    static func element(_ node: HTMLNode) -> HTMLElement {
        guard case .element(let e) = node else { fatalError("not an element") }
        return e
    }

    /// A `<td>` with spans and text.
    static func td(_ text: String, rs: Int = 1, cs: Int = 1) -> HTMLNode {
        var a: [String: String] = [:]
        if rs != 1 { a["rowspan"] = String(rs) }
        if cs != 1 { a["colspan"] = String(cs) }
        return .element(HTMLElement("td", a, text.isEmpty ? [] : [.text(text)]))
    }

    static func tr(_ cells: HTMLNode...) -> HTMLNode { .element(HTMLElement("tr", [:], cells)) }

    static func table(_ rows: HTMLNode...) -> HTMLNode { .element(HTMLElement("table", [:], rows)) }
}

/// The HTML fixtures (Tests/GovReportTests/Fixtures/html) and the HTML sample.
enum HTMLFixtures {
    static let directory: URL = {
        if let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) {
            return url.appendingPathComponent("html")
        }
        return Paths.packageRoot.appendingPathComponent("Tests/GovReportTests/Fixtures/html")
    }()

    static let names = ["web-2021-utf8", "web-2021-gbk", "web-2019-nested", "web-2021-blank-zeros", "web-2021-css-hidden"]

    static func page(_ name: String) -> URL { directory.appendingPathComponent(name + ".html") }
    static func numbers(_ name: String) -> URL { directory.appendingPathComponent(name + ".numbers.json") }
}
