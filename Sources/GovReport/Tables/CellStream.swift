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

    /// The lines a converter joined into one paragraph (pymupdf4llm's layout mode writes a
    /// text block's lines as one, with spaces between), put back as this reader takes lines:
    /// each row its label and its numbers (`行政处罚 3863` / `行政强制 297`), each header word
    /// a line of its own, text opening with an item mark a new label. Text after a row's
    /// numbers that opens no row and comes before no numbers is the rest of that row's label
    /// (a wrapped label's numbers stand at the row's middle: `2.申请人逾期未按收费 … 0 0 0 0 0 0 0
    /// 政机关不再处理其政府 信息公开申请 3.其他 2 1 0 0 0 0 3`). A line that is one label and
    /// the numbers ending it, or no more than one piece, is left as it is.
    static func paragraphLines(_ line: String) -> [String] {
        enum Kind { case text, values, header }
        var pieces: [(kind: Kind, words: [String])] = []
        let tokens = line.split(whereSeparator: \.isWhitespace).flatMap { headerAndRest(String($0)) }
            .flatMap { isHeader($0) ? [$0] : atItemMarks($0) }
        for token in tokens {
            let kind: Kind = ValueParser.looksLikeValue(token) ? .values
                : !LabelMatcher.startsWithMarker(token) && isHeader(token) ? .header : .text
            if let last = pieces.last, last.kind == kind, !(kind == .text && LabelMatcher.startsWithMarker(token)) {
                pieces[pieces.count - 1].words.append(token)
            } else {
                pieces.append((kind, [token]))
            }
        }
        guard pieces.count > 2 || pieces.count == 2 && pieces[0].kind != .text else { return [line] }
        var lines: [(label: [String], values: [String])] = []
        for (i, piece) in pieces.enumerated() {
            let previous = i > 0 ? pieces[i - 1].kind : nil, next = i + 1 < pieces.count ? pieces[i + 1].kind : nil
            switch piece.kind {
            case .values where previous == .text:
                lines[lines.count - 1].values = piece.words
            case .text where previous == .values && next != .values && !LabelMatcher.startsWithMarker(piece.words[0])
                && !lines.isEmpty && !lines[lines.count - 1].label.isEmpty:
                lines[lines.count - 1].label += piece.words
            case .values:
                lines.append(([], piece.words))
            case .text, .header:
                lines.append((piece.words, []))
            }
        }
        return lines.map { ($0.label + $0.values).joined(separator: " ") }
    }

    /// A word run together with header text before it (a converter that drops the spaces
    /// between ideographs: `信息内容本年处理决定数量行政许可`), cut after the last header word
    /// and the parenthesis that follows it (`本年收费金额（单位：万元）`); else the word as it is.
    static func headerAndRest(_ token: String) -> [String] {
        var end: String.Index?
        for word in headerWords {
            var from = token.startIndex
            while let r = token.range(of: word, range: from..<token.endIndex) {
                if r.upperBound > (end ?? token.startIndex) { end = r.upperBound }
                from = r.upperBound
            }
        }
        guard var cut = end, cut < token.endIndex, !ValueParser.looksLikeValue(token) else { return [token] }
        if "（(".contains(token[cut]), let close = token[cut...].firstIndex(where: { "）)".contains($0) }) {
            cut = token.index(after: close)
        } else if token[cut] == "第", let item = token[cut...].prefix(6).firstIndex(of: "项") {
            // 第二十条 goes on with its item: 第（一）项.
            cut = token.index(after: item)
        }
        guard cut < token.endIndex else { return [token] }
        return [String(token[..<cut]), String(token[cut...])]
    }

    static let headerWords = TableVocabulary.headerWords + TableVocabulary.activeHeaderWords

    /// A word cut before each group or part mark run into it (`重新出具已获取信息（六）其他处理`:
    /// a converter that drops the spaces between ideographs joins a label's last line and the
    /// next row's); marks written with digits keep their space (`信息公开申请 3.其他`).
    static func atItemMarks(_ token: String) -> [String] {
        let chars = Array(token)
        let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        var cuts: [Int] = []
        for k in chars.indices.dropFirst() where TextNormalizer.isCJK(chars[k - 1]) || "）)".contains(chars[k - 1]) {
            let opensGroup = "（(".contains(chars[k]) && k + 2 < chars.count && numerals.contains(chars[k + 1]) && "）)".contains(chars[k + 2])
            let opensPart = numerals.contains(chars[k]) && k + 1 < chars.count && chars[k + 1] == "、"
            if opensGroup || opensPart { cuts.append(k) }
        }
        guard !cuts.isEmpty else { return [token] }
        return zip([0] + cuts, cuts + [chars.count]).map { String(chars[$0..<$1]) }
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

        for line in lines.flatMap(paragraphLines) {
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
                } else if inHeader, !readsAsRow(line, table: table) {
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

    /// Both formats' active-disclosure row labels.
    static let activeTemplateLabels = (Template.activeRows(.v2021) + Template.activeRows(.v2019)).map { LabelMatcher.core($0.label) }

    /// Whether a line reads as a row label of `table` (as like a template row's as
    /// `rowLabelSimilarity`): under a header, such a line is a row's label (wrapped around its
    /// number: `行政事业性收` / `0` / `费`), not a piece of a header cell.
    static func readsAsRow(_ line: String, table: TemplateTable) -> Bool {
        let templates: [[Character]]
        switch table {
        case .activeDisclosure: templates = activeTemplateLabels
        case .applications: templates = templateLabels
        case .reviewLitigation: return false
        }
        let core = LabelMatcher.core(line)
        return templates.contains { LabelMatcher.score(printed: core, template: $0) >= rowLabelSimilarity }
    }

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
