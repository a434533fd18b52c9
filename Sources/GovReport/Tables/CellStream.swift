import Foundation

/// A ruled table a converter did not see as a table and wrote as a stream of paragraphs, as
/// pymupdf4llm writes a LibreOffice print's tables (and plain `pdftotext` without `-layout`):
/// the header's cells one wrapped line a paragraph (本年新公开数 / 量), then each row as its
/// label and its numbers in column order on one line (`规章 0 0 1`, the label sometimes glued to
/// the first number: `行政规范性文件8 3 21`), or — a label wrapped in its cell, the numbers
/// centred beside it — the label's lines around a line of numbers alone
/// (`2.其他法律行政法规禁` / `0 0 0 0 0 0 0` / `止公开`).
///
/// The stream is read into the same raw rows the other readers give, for the one template
/// mapping. A row is read only when its numbers are unambiguous: in a table of known width,
/// a row with another count of numbers (zeros printed blank) is not read and is reported.
enum CellStream {
    struct Read: Equatable {
        var rows: [RawRow] = []
        /// The header text (it tells the two active-disclosure formats apart).
        var header = ""
        var diagnostics: [Finding] = []
    }

    /// One paragraph as its label text and the numbers (or placeholders) that end it.
    static func split(_ line: String) -> (label: String, values: [String]) {
        var tokens = line.split(whereSeparator: \.isWhitespace).map(String.init)
        var values: [String] = []
        while let t = tokens.last, ValueParser.looksLikeValue(t) {
            values.insert(t, at: 0)
            tokens.removeLast()
        }
        // A label glued to its first number (行政事业性收费0): the digits after its last ideograph.
        if let t = tokens.last, let glued = gluedNumber(t) {
            tokens[tokens.count - 1] = glued.label
            values.insert(glued.number, at: 0)
        }
        return (tokens.joined(separator: " "), values)
    }

    /// `行政规范性文件8` → (行政规范性文件, 8): a number straight after an ideograph.
    static func gluedNumber(_ token: String) -> (label: String, number: String)? {
        let chars = Array(token)
        var i = chars.count
        while i > 0, chars[i - 1].isASCII, chars[i - 1].isNumber || chars[i - 1] == "." { i -= 1 }
        if i > 0, chars[i - 1] == "-" { i -= 1 }
        guard i > 0, i < chars.count, TextNormalizer.isCJK(chars[i - 1]) else { return nil }
        let number = String(chars[i...])
        guard ValueParser.decimal(number) != nil else { return nil }
        return (String(chars[..<i]), number)
    }

    /// Whether a paragraph is header text: a header word, or a part of a header cell.
    static func isHeader(_ line: String) -> Bool {
        TableVocabulary.isHeader(line) || TableVocabulary.isActiveHeader(line)
    }

    /// The rows of a part's paragraphs. `width`: the table's value columns (7 for the
    /// applications table, 15 for review and litigation), nil for the active-disclosure table
    /// whose rows carry one to three.
    static func read(_ lines: [String], width: Int?, table: TemplateTable) -> Read {
        var read = Read()
        var rows: [RawRow] = []
        var headerLines: [String] = []
        // Label lines since the last row, and whether header text came since.
        var pending: [String] = []
        var inHeader = false
        // The last row's numbers stood alone between its label's lines: lines after them that
        // begin no row are the rest of its label.
        var tailOpen = false
        // The last row takes more one-number paragraphs (a cell a paragraph) until it is full.
        var open = false
        var accumulated = false
        // Labels of rows a labelled row passed over with no numbers, and where they stood.
        var orphanLabels: [(label: String, at: Int)] = []
        func passOver(_ lines: ArraySlice<String>) {
            orphanLabels += rowLabels(lines).map { ($0, rows.count) }
        }

        func close() {
            guard open else { return }
            open = false
            guard let last = rows.last else { return }
            if let width, last.cells.count != width || accumulated && !addsUp(last.cells) {
                rows.removeLast()
                read.diagnostics.append(Finding(
                    code: "table.row_ambiguous", severity: .warning,
                    message: "row \"\(last.label)\" was written as text with \(last.cells.count) numbers for \(width) columns: which column each belongs to is not known; not read",
                    table: table.rawValue))
            }
        }

        for line in lines {
            let (label, values) = split(line)
            if values.isEmpty {
                if LabelMatcher.startsWithMarker(line) {
                    close()
                    inHeader = false
                    tailOpen = false
                    pending.append(line)
                } else if isHeader(line) {
                    close()
                    inHeader = true
                    tailOpen = false
                    headerLines.append(line)
                } else if inHeader {
                    headerLines.append(line)
                } else if tailOpen, pending.isEmpty, !rows.isEmpty {
                    rows[rows.count - 1].label += line
                } else {
                    close()
                    pending.append(line)
                }
                continue
            }
            // One number alone after a row still short of its numbers: the row's next cell.
            if open, label.isEmpty, values.count == 1, pending.isEmpty, let last = rows.last,
               width.map({ last.cells.count < $0 }) ?? true {
                rows[rows.count - 1].cells += values
                accumulated = true
                continue
            }
            close()
            let marker = pending.lastIndex { LabelMatcher.startsWithMarker($0) }
            var rowLabel = label
            if label.isEmpty || !LabelMatcher.startsWithMarker(label), let m = marker {
                // The label's first lines stood above (its number marker among them).
                rowLabel = pending[m...].joined() + label
                passOver(pending[..<m])
            } else if label.isEmpty, !pending.isEmpty {
                rowLabel = pending.joined()
            } else {
                passOver(pending[...])
            }
            var row = RawRow(label: rowLabel, cells: values, header: headerLines.joined(separator: " "))
            // A row whose label was lost (a page's rows written before their labels) may be
            // placed by its place among the rows found.
            row.placedByPosition = rowLabel.isEmpty
            rows.append(row)
            read.header += (read.header.isEmpty ? "" : " ") + headerLines.joined(separator: " ")
            headerLines = []
            pending = []
            inHeader = false
            tailOpen = label.isEmpty && marker != nil
            open = true
            accumulated = false
        }
        close()
        passOver(pending[...])
        read.header += (read.header.isEmpty ? "" : " ") + headerLines.joined(separator: " ")
        read.rows = table == .applications ? pairedApart(rows, orphanLabels, width: 7) : rows
        return read
    }

    /// Rows whose labels and numbers a converter's reading order wrote apart (a group's labels
    /// before the next group's rows, their numbers after them), paired in order when there are
    /// as many labels left without numbers as full lines of numbers left without labels; each
    /// pairing stands where its label did and is in doubt. Otherwise the rows as they are
    /// (label-less ones left to their place in the table).
    static func pairedApart(_ rows: [RawRow], _ labels: [(label: String, at: Int)], width: Int) -> [RawRow] {
        let numbers = rows.indices.filter { rows[$0].placedByPosition }
        guard !labels.isEmpty, labels.count == numbers.count,
              numbers.allSatisfy({ rows[$0].cells.count == width }) else { return rows }
        var out = rows
        for k in numbers.reversed() { out.remove(at: k) }
        // `at` counts the rows before the label, label-less ones among them.
        for (label, number) in zip(labels, numbers).reversed() {
            var row = rows[number]
            row.label = label.label
            row.placedByPosition = false
            row.placementDoubt = "its numbers were written apart from its label (a converter's reading order) and paired with it in order"
            out.insert(row, at: label.at - numbers.filter { $0 < label.at }.count)
        }
        return out
    }

    /// The applications rows' labels among label lines: each from a line opening with an item
    /// mark to the next, that reads as a template row's; a group's heading （四）无法提供 or
    /// 三、本年度办理结果 (written down the group's cell) left out.
    static func rowLabels(_ lines: ArraySlice<String>) -> [String] {
        var labels: [String] = []
        for line in lines {
            if LabelMatcher.startsWithMarker(line) { labels.append(line) } else if !labels.isEmpty { labels[labels.count - 1] += line }
        }
        return labels.filter { label in
            let core = LabelMatcher.core(label)
            return !ApplicationRow.groupKeys.contains(TextNormalizer.key(label))
                && templateLabels.contains { LabelMatcher.score(printed: core, template: $0) >= rowLabelSimilarity }
        }
    }

    static let templateLabels = Template.applicationRows.map { LabelMatcher.core($0.label) }

    /// How like a template row's label a passed-over label must read to be a row's.
    static let rowLabelSimilarity = 0.75

    /// A row whose numbers came a paragraph each is read only when its parts add up to its
    /// last number (its total), so a number of another row is never taken in.
    static func addsUp(_ cells: [String?]) -> Bool {
        let values = cells.map { ValueParser.parse($0 ?? "").number }
        guard values.count >= 3, let total = values.last ?? nil else { return false }
        return values.dropLast().reduce(Decimal(0)) { $0 + ($1 ?? 0) } == total
    }
}
