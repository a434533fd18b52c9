import Foundation
@testable import GovReport

/// Where things are: the package root (found from this file's path), the samples and the
/// bad-input fixtures.
enum Paths {
    /// The directory holding Package.swift, searched upward from this source file.
    static let packageRoot: URL = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/" {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) { return dir }
            dir.deleteLastPathComponent()
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    static let samples = packageRoot.appendingPathComponent("Samples")

    /// Fixtures/bad, from the test bundle's resources (`.copy("Fixtures")`).
    static let badInputs: URL = {
        if let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) {
            return url.appendingPathComponent("bad")
        }
        return packageRoot.appendingPathComponent("Tests/GovReportTests/Fixtures/bad")
    }()

    static func badInput(_ name: String) -> URL { badInputs.appendingPathComponent(name) }
}

// MARK: - building reports and rows by hand

/// Decimal literal from text, exact (no binary floating point on the way).
func dec(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }

enum Build {
    /// A row of the applications table: six applicant columns, total = their sum unless given.
    static func appRow(_ key: String, _ six: [Decimal?], total: Decimal?? = .none, page: Int? = nil) -> RowValues {
        precondition(six.count == 6)
        let sum = six.reduce(Decimal(0)) { $0 + ($1 ?? 0) }
        let t: Decimal? = total ?? sum
        return RowValues(key: key, fields: Template.applicationColumns, values: six + [t], page: page)
    }

    /// A 2021-format applications table that adds up: new 10+2, carried 1, processed 12+1,
    /// carried forward 0; the results spread over granted, denied_state_secret and other_misc.
    static func consistentApplications(oneRowOther: Bool = false) -> TableValues {
        var rows: [RowValues] = []
        for t in Template.applicationRows {
            if oneRowOther ? t.key.hasPrefix("other_") && t.key != "other_processing" : t.key == "other_processing" {
                continue
            }
            let six: [Decimal?]
            switch t.key {
            case "new_received": six = [10, 2, 0, 0, 0, 0]
            case "carried_over": six = [1, 0, 0, 0, 0, 0]
            case "granted": six = [6, 1, 0, 0, 0, 0]
            case "denied_state_secret": six = [2, 0, 0, 0, 0, 0]
            case "other_misc", "other_processing": six = [3, 1, 0, 0, 0, 0]
            case "total_processed": six = [11, 2, 0, 0, 0, 0]
            case "carried_forward": six = [0, 0, 0, 0, 0, 0]
            default: six = [0, 0, 0, 0, 0, 0]
            }
            rows.append(appRow(t.key, six))
        }
        return TableValues(rows: rows)
    }

    static func review(_ groups: [[Decimal?]] = [[1, 0, 0, 1, 2], [0, 1, 0, 0, 1], [0, 0, 0, 0, 0]]) -> TableValues {
        TableValues(rows: zip(Template.reviewGroups, groups).map {
            RowValues(key: $0, fields: Template.reviewFields, values: $1)
        })
    }

    static func active2021() -> TableValues {
        TableValues(rows: Template.activeRows(.v2021).map { row in
            let values: [Decimal?] = row.key == "fees" ? [dec("2356.8")] : row.fields.map { _ in 3 }
            return RowValues(key: row.key, fields: row.fieldKeys, values: values)
        })
    }

    static func active2019() -> TableValues {
        TableValues(rows: Template.activeRows(.v2019).map { row in
            switch row.key {
            case "licensing": return RowValues(key: row.key, fields: row.fieldKeys, values: [189, -2, 3780])
            case "fees": return RowValues(key: row.key, fields: row.fieldKeys, values: [6, -2])
            case "procurement":
                return RowValues(key: row.key, fields: row.fieldKeys, values: [27, dec("1856.42")], unit: "万元")
            default: return RowValues(key: row.key, fields: row.fieldKeys, values: row.fields.map { _ in 4 })
            }
        })
    }

    static func report(template: TemplateVersion = .v2021, applications: TableValues? = nil,
                       active: TableValues? = nil, review: TableValues? = nil) -> CanonicalReport {
        CanonicalReport(
            source: .init(path: "hand-built.txt", sha256: String(repeating: "0", count: 64), kind: .text, pages: nil),
            report: .init(title: "岚川市人民政府2024年政府信息公开工作年度报告", organization: "岚川市人民政府",
                          year: template == .v2019 ? 2020 : 2024, template: template),
            sections: .init(overview: "一段。\n第二段。", problemsAndImprovements: nil, otherMatters: "无"),
            activeDisclosure: active ?? (template == .v2019 ? active2019() : active2021()),
            applications: applications ?? consistentApplications(oneRowOther: template == .v2019),
            reviewLitigation: review ?? Self.review())
    }
}

extension TableValues {
    /// Sets one cell (the row must exist).
    mutating func set(_ key: String, _ field: String, _ value: Decimal?) {
        let r = rows.firstIndex { $0.key == key }!
        let f = rows[r].fields.firstIndex(of: field)!
        rows[r].values[f] = value
    }

    mutating func remove(_ key: String) { rows.removeAll { $0.key == key } }
}

// MARK: - glyphs on a synthetic page

enum Draw {
    /// One glyph per character, left to right from x on the band y…y+size: ideographs and
    /// CJK punctuation are `size` wide, other characters half that. A space is a half-size
    /// gap (no glyph), so two spaces make a gap wide enough to start a new word.
    static func text(_ s: String, x: Double, y: Double, size: Double = 10) -> [Glyph] {
        var out: [Glyph] = []
        var cx = x
        for c in s {
            let w = c.isASCII ? size / 2 : size
            if c == " " { cx += w; continue }
            out.append(Glyph(text: String(c), box: Rect(x0: cx, y0: y, x1: cx + w, y1: y + size), fontSize: size))
            cx += w
        }
        return out
    }

    /// Text centred on x.
    static func centered(_ s: String, x: Double, y: Double, size: Double = 10) -> [Glyph] {
        let width = s.reduce(0.0) { $0 + ($1.isASCII ? size / 2 : size) }
        return text(s, x: x - width / 2, y: y, size: size)
    }
}
