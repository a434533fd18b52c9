import Foundation

/// Reads a report saved as plain text: prose lines, and table rows whose cells are separated
/// by tabs, where a cell's own line breaks split a row over several physical lines (the
/// fragments before a row's values are the start of its label).
public struct TextReportReader {
    public var lines: [String]

    public init(text: String) {
        lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .components(separatedBy: "\n")
    }

    /// Prose lines (tables left out), one paragraph each.
    public var documentLines: [DocumentLine] {
        var out: [DocumentLine] = []
        var part: ReportPart?
        for line in lines {
            let text = TextNormalizer.display(line)
            guard !text.isEmpty else { continue }
            if let h = ReportPart.heading(text) { part = h }
            let inTable = [.activeDisclosure, .applications, .reviewLitigation].contains(part)
                && ReportPart.heading(text) == nil
            if inTable { continue }
            out.append(DocumentLine(text: text))
        }
        return out
    }

    /// The lines of each part, by heading.
    func partLines() -> [ReportPart: [String]] {
        var out: [ReportPart: [String]] = [:]
        var part: ReportPart?
        for line in lines {
            if !line.contains("\t"), let h = ReportPart.heading(line), h.rawValue > (part?.rawValue ?? 0) {
                part = h
                continue
            }
            if let part { out[part, default: []].append(line) }
        }
        return out
    }

    public var tables: RawTables {
        let parts = partLines()
        var raw = RawTables()
        if let active = parts[.activeDisclosure] {
            let (rows, header) = Self.rows(active, width: nil)
            raw.active = rows
            raw.activeHeaderText = header
        }
        if let apps = parts[.applications] {
            raw.applications = Self.rows(apps, width: 7).rows
            raw.diagnostics += Self.strayDiagnostics(apps, width: 7, table: TemplateTable.applications.rawValue)
        }
        if let review = parts[.reviewLitigation] {
            let rows = Self.rows(review, width: 15).rows
            raw.review = rows.isEmpty ? nil : rows
            raw.diagnostics += Self.strayDiagnostics(review, width: 15, table: TemplateTable.reviewLitigation.rawValue)
        }
        return raw
    }

    /// Whether a line of a table of `width` values is a number standing alone: no cell breaks,
    /// one number. A row's values come in its cells (tab-separated), so such a line is no
    /// row's (a footnote mark, a page number, a converter's leftover): it is left out.
    static func isStrayValue(_ line: String, width: Int?) -> Bool {
        guard let width, width > 1, !line.contains("\t") else { return false }
        let text = line.trimmingCharacters(in: .whitespaces)
        return !text.isEmpty && !text.contains(where: \.isWhitespace) && ValueParser.parse(text).number != nil
    }

    /// `table.stray_value` for each number standing alone in a table's lines.
    static func strayDiagnostics(_ lines: [String], width: Int, table: String) -> [Finding] {
        var out: [Finding] = []
        var previous = ""
        for line in lines {
            if isStrayValue(line, width: width) {
                let text = line.trimmingCharacters(in: .whitespaces)
                let after = previous.isEmpty ? "" : "after “\(previous)” "
                out.append(Finding(code: "table.stray_value", severity: .warning,
                                   message: "the number \(text) on a line of its own \(after)is in no row's cells; it was left out of the table",
                                   table: table))
            } else if !line.trimmingCharacters(in: .whitespaces).isEmpty {
                previous = line.components(separatedBy: "\t").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                    .first { !ValueParser.looksLikeValue($0) }.map { TextNormalizer.display($0) } ?? previous
            }
        }
        return out
    }

    /// Splits table lines into labelled rows. `width` fixes the number of value cells (values
    /// are right-aligned, surplus empty cells come from merged label cells or trailing tabs);
    /// without it each row keeps the cells it prints.
    static func rows(_ lines: [String], width: Int?) -> (rows: [RawRow], header: String) {
        var rows: [RawRow] = []
        var pending: [String] = []
        var header = ""
        var lastHeader = ""
        for line in lines where !isStrayValue(line, width: width) {
            let cells = line.components(separatedBy: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            let text = cells.filter { !$0.isEmpty }.joined(separator: " ")
            guard !text.isEmpty else { continue }
            // Value cells: the run of value-like or empty cells after the last text cell.
            guard let lastText = cells.lastIndex(where: { !$0.isEmpty && !ValueParser.looksLikeValue($0) }) else {
                // A row of values only (the review table's data row).
                if cells.contains(where: ValueParser.looksLikeValue) {
                    rows.append(RawRow(label: pending.joined(), cells: fit(cells, width), header: lastHeader))
                    pending = []
                }
                continue
            }
            var values = Array(cells[(lastText + 1)...])
            let hasValue = values.contains { !$0.isEmpty }
            if !hasValue && (TableVocabulary.isHeader(text) || !line.contains("\t") && pending.isEmpty && rows.isEmpty
                             && text.hasPrefix(TableVocabulary.activeArticle)) {
                header += text + "\n"
                lastHeader = text
                pending = []
                continue
            }
            let labelParts = cells[...lastText].filter { !$0.isEmpty }
            // Without any value, a line is a whole row of blank cells only when it has a slot for
            // every value; otherwise it is the start of a label continued on the next line.
            if !hasValue && values.count < (width ?? 1) {
                pending.append(contentsOf: labelParts)
                continue
            }
            values = fit(values, width)
            rows.append(RawRow(label: (pending + labelParts).joined(), cells: values.map { $0.isEmpty ? nil : $0 },
                               header: lastHeader))
            pending = []
        }
        return (rows, header)
    }

    static func fit(_ cells: [String], _ width: Int?) -> [String] {
        guard let width else {
            var c = cells
            while let last = c.last, last.isEmpty, c.count > 1 { c.removeLast() }
            return c
        }
        var c = cells
        while c.count > width, c.last?.isEmpty == true { c.removeLast() }
        if c.count > width { c = Array(c.suffix(width)) }
        while c.count < width { c.append("") }
        return c
    }
}
