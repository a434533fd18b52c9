/// A Word document's body (WordprocessingML, as element values named by local name) read as
/// the blocks a web page gives: one line per paragraph (a line break in it starts another),
/// and each data table as a `TableGrid`, its merged cells (`gridSpan`, `vMerge`) covering
/// the slots they span, for the same table reading as HTML.
///
/// Left out: deleted text of tracked changes, hidden text, field instructions and the page
/// numbers fields print, the placeholder text of unfilled content controls, drawings, and
/// everything outside the body part (page headers and footers are parts of their own). What
/// a text box holds comes after its paragraph's text. Vertical cell text (`textDirection`) is
/// stored in reading order and needs nothing more.
enum WordBody {
    /// The blocks of a `w:document` (or of any element holding block content).
    /// `numbering` (the package's numbering part) prints the numbers of numbered paragraphs.
    static func blocks(_ document: HTMLElement, numbering: WordNumbering? = nil) -> [HTMLBlock] {
        let body = document.first("body") ?? document
        var out: [HTMLBlock] = []
        content(body, into: &out, numbering)
        return out
    }

    /// Block-level content: paragraphs and tables, through content controls and custom XML.
    private static func content(_ container: HTMLElement, into out: inout [HTMLBlock], _ numbering: WordNumbering?) {
        for e in container.elements {
            switch e.name {
            case "p":
                let read = paragraph(e, numbering)
                out += read.lines.map { HTMLBlock(content: .line($0), path: [0], isLink: read.isLink) }
                for box in textBoxes(in: e) { content(box, into: &out, numbering) }
            case "tbl":
                table(e, into: &out, numbering)
            case "sdt":
                if !showsPlaceholder(e), let c = e.elements.first(where: { $0.name == "sdtcontent" }) {
                    content(c, into: &out, numbering)
                }
            case "customxml", "ins", "moveto", "sdtcontent":
                content(e, into: &out, numbering)
            default:
                break  // sectPr, bookmarks, deleted or moved-away blocks
            }
        }
    }

    /// The content of the text boxes anchored in a paragraph (DrawingML `wps:txbx`, VML
    /// `v:textbox`; WPS and Word put tables in them), each once: of an `mc:AlternateContent`
    /// only the first choice is read, since its fallback repeats the same box for older readers.
    /// Deleted runs' boxes are left out with the runs.
    static func textBoxes(in e: HTMLElement) -> [HTMLElement] {
        var out: [HTMLElement] = []
        for c in e.elements {
            switch c.name {
            case "txbxcontent": out.append(c)
            case "alternatecontent": if let choice = c.elements.first { out += textBoxes(in: choice) }
            case "del", "movefrom": break
            case "r" where isHiddenRun(c): break
            default: out += textBoxes(in: c)
            }
        }
        return out
    }

    /// A table of a standard kind or holding numbers is data; any other table (a layout table,
    /// or one whose cells hold tables) is read cell by cell as text, like a web page's.
    private static func table(_ tbl: HTMLElement, into out: inout [HTMLBlock], _ numbering: WordNumbering?) {
        let grid = Self.grid(tbl, numbering)
        let isData = !grid.hasNestedTables
            && (HTMLTableReader.classify(grid) != nil || grid.cells.contains { ValueParser.looksLikeValue($0.text) })
        if isData {
            out.append(HTMLBlock(content: .table(grid), path: [0]))
            return
        }
        for tr in rows(of: tbl) {
            for tc in cells(of: tr) { content(tc, into: &out, numbering) }
        }
    }

    // MARK: tables

    /// Lays a `w:tbl` out on its grid: a cell starts at the grid column after the cells left of
    /// it (and the row's `gridBefore`), spans `gridSpan` columns, and a `vMerge` continuation
    /// extends the cell above it in the same column down by a row.
    static func grid(_ tbl: HTMLElement, _ numbering: WordNumbering? = nil) -> TableGrid {
        var placed: [TableGrid.Cell] = []
        var nested = false
        /// The cell that a vertical merge started in each grid column, while it runs.
        var merging: [Int: Int] = [:]
        let trs = rows(of: tbl)
        for (r, tr) in trs.enumerated() {
            let trPr = tr.elements.first { $0.name == "trpr" }
            var column = intValue(trPr?.elements.first { $0.name == "gridbefore" }) ?? 0
            var seen = Set<Int>()
            for tc in cells(of: tr) {
                let tcPr = tc.elements.first { $0.name == "tcpr" }
                let span = min(max(intValue(tcPr?.elements.first { $0.name == "gridspan" }) ?? 1, 1), 1000)
                let vMerge = tcPr?.elements.first { $0.name == "vmerge" }
                nested = nested || tc.first("tbl") != nil
                if let vMerge, vMerge["val"] != "restart", let above = merging[column], !seen.contains(above),
                   placed[above].row + placed[above].rowSpan == r {
                    placed[above].rowSpan += 1
                    seen.insert(above)
                } else {
                    var lines: [String] = []
                    cellLines(tc, into: &lines, numbering)
                    placed.append(TableGrid.Cell(row: r, column: column, columnSpan: span, lines: lines))
                    for c in column..<(column + span) { merging[c] = nil }
                    if vMerge?["val"] == "restart" { merging[column] = placed.count - 1 }
                }
                column += span
            }
        }
        let edges = logicalEdges(tbl, columns: placed.map { $0.column + $0.columnSpan }.max() ?? 0)
        for i in placed.indices {
            let start = edges[placed[i].column], end = edges[placed[i].column + placed[i].columnSpan]
            placed[i].column = start
            placed[i].columnSpan = max(1, end - start)
        }
        var grid = TableGrid(placed: placed, rowCount: trs.count)
        grid.hasNestedTables = nested
        return grid
    }

    /// Grid columns narrower than this (twips; 1.5 mm) are slivers: no text fits in them.
    static let sliverWidth = 85

    /// The logical column at each grid column's left edge (and the right edge of the last).
    /// A sliver column in `w:tblGrid` — left where two rows' cell borders almost line up, as
    /// editors and converters leave them — is no column: its two edges are one, so a cell
    /// ending on either edge ends in the same place.
    static func logicalEdges(_ tbl: HTMLElement, columns: Int) -> [Int] {
        let widths = tbl.elements.first { $0.name == "tblgrid" }?.elements.filter { $0.name == "gridcol" }
            .map { $0["w"].flatMap { Int($0) } } ?? []
        // Widths all zero or tiny (a writer that leaves the layout to the reader) say nothing.
        let known = widths.compactMap { $0 }.sorted()
        let trusted = !known.isEmpty && known[known.count / 2] >= 4 * sliverWidth
        var edges = [0]
        var logical = 0
        for c in 0..<columns {
            if trusted, c < widths.count, let w = widths[c], w < sliverWidth {} else { logical += 1 }
            edges.append(logical)
        }
        return edges
    }

    /// A table's rows, through content controls wrapped around them.
    private static func rows(of tbl: HTMLElement) -> [HTMLElement] {
        unwrapped(tbl, "tr")
    }

    private static func cells(of tr: HTMLElement) -> [HTMLElement] {
        unwrapped(tr, "tc")
    }

    private static func unwrapped(_ e: HTMLElement, _ name: String) -> [HTMLElement] {
        e.elements.flatMap { c -> [HTMLElement] in
            switch c.name {
            case name: [c]
            case "sdt", "sdtcontent", "customxml": unwrapped(c, name)
            default: []
            }
        }
    }

    /// A cell's lines: its paragraphs', and those of tables inside it.
    private static func cellLines(_ container: HTMLElement, into lines: inout [String], _ numbering: WordNumbering?) {
        for e in container.elements {
            switch e.name {
            case "p": lines += paragraphLines(e, numbering)
            case "sdt" where showsPlaceholder(e): break
            case "tbl", "tr", "tc", "sdt", "sdtcontent", "customxml", "ins", "moveto":
                cellLines(e, into: &lines, numbering)
            default: break
            }
        }
    }

    // MARK: paragraphs

    /// A paragraph's lines of text (a `w:br` breaks a line), spacing folded, empty ones dropped.
    static func paragraphLines(_ p: HTMLElement, _ numbering: WordNumbering? = nil) -> [String] {
        paragraph(p, numbering).lines
    }

    /// A paragraph's lines, and whether all its text is the text of links to other documents
    /// (a list of related reports, as a web page saved as Word keeps it).
    static func paragraph(_ p: HTMLElement, _ numbering: WordNumbering? = nil) -> (lines: [String], isLink: Bool) {
        var runs = Runs()
        if let numbering, let numPr = p.elements.first(where: { $0.name == "ppr" })?.elements.first(where: { $0.name == "numpr" }),
           let numID = numPr.elements.first(where: { $0.name == "numid" })?["val"],
           let label = numbering.next(numID: numID, level: intValue(numPr.elements.first { $0.name == "ilvl" }) ?? 0) {
            runs.prefix(label)
        }
        runs.walk(p)
        runs.breakLine()
        return (runs.lines, runs.linkCharacters > 0 && runs.otherCharacters == 0)
    }

    /// Collects a paragraph's text run by run, following complex fields (`fldChar` begin …
    /// separate … end): the instruction is never text, and the result of a page-number field
    /// is left out.
    private struct Runs {
        var lines: [String] = []
        /// Printed characters (not spaces) inside and outside links to other documents.
        var linkCharacters = 0, otherCharacters = 0
        private var pending = ""
        private var linkDepth = 0
        /// Open fields, innermost last: whether the instruction part is being read, its text,
        /// and whether its result is hidden.
        private var fields: [(inInstruction: Bool, instruction: String, hidesResult: Bool, isLink: Bool)] = []

        private var hidden: Bool { fields.contains { $0.inInstruction || $0.hidesResult } }

        mutating func walk(_ e: HTMLElement) {
            for child in e.elements { element(child) }
        }

        private mutating func element(_ e: HTMLElement) {
            switch e.name {
            case "t":
                if !hidden {
                    let text = e.textContent
                    pending += text
                    let printed = text.unicodeScalars.filter { !$0.properties.isWhitespace }.count
                    if linkDepth > 0 || fields.contains(where: \.isLink) { linkCharacters += printed } else { otherCharacters += printed }
                }
            case "tab", "ptab":
                if !hidden { pending += " " }
            case "br", "cr":
                if !hidden { breakLine() }
            case "nobreakhyphen":
                if !hidden { pending += "-" }
            case "instrtext":
                if !fields.isEmpty, fields[fields.count - 1].inInstruction {
                    fields[fields.count - 1].instruction += e.textContent
                }
            case "fldchar":
                switch e["fldchartype"] {
                case "begin": fields.append((true, "", false, false))
                case "separate":
                    if !fields.isEmpty {
                        let instruction = fields[fields.count - 1].instruction
                        fields[fields.count - 1].inInstruction = false
                        fields[fields.count - 1].hidesResult = WordBody.isPageField(instruction)
                        fields[fields.count - 1].isLink = WordBody.isExternalLinkField(instruction)
                    }
                case "end": if !fields.isEmpty { fields.removeLast() }
                default: break
                }
            case "fldsimple":
                if !WordBody.isPageField(e["instr"] ?? "") { walk(e) }
            case "r":
                if !WordBody.isHiddenRun(e) { walk(e) }
            case "sdt":
                if !WordBody.showsPlaceholder(e) { walk(e) }
            case "hyperlink":
                // A link to another document (r:id); a bookmark's (w:anchor, a table of
                // contents) is the document's own text.
                let external = e["id"] != nil
                if external { linkDepth += 1 }
                walk(e)
                if external { linkDepth -= 1 }
            case "alternatecontent":
                // The first choice; the fallback repeats it for older readers.
                if let choice = e.elements.first { walk(choice) }
            case "ppr", "rpr", "del", "movefrom", "deltext", "delinstrtext", "drawing", "pict", "object",
                 "footnotereference", "endnotereference", "commentreference", "sym":
                break
            default:
                walk(e)  // hyperlink, smartTag, ins, moveTo, sdt, sdtContent, customXml, …
            }
        }

        /// The paragraph's automatic number, before its text.
        mutating func prefix(_ label: String) { pending += label }

        mutating func breakLine() {
            let line = TextNormalizer.display(pending)
            if !line.isEmpty { lines.append(line) }
            pending = ""
        }
    }

    /// Fields whose result is page furniture: page numbers and page counts.
    static func isPageField(_ instruction: String) -> Bool {
        let word = instruction.split(whereSeparator: { $0.isWhitespace }).first.map { $0.uppercased() } ?? ""
        return ["PAGE", "NUMPAGES", "SECTIONPAGES", "PAGEREF"].contains(word)
    }

    /// A HYPERLINK field to another document (not one to a bookmark: `\\l`).
    static func isExternalLinkField(_ instruction: String) -> Bool {
        let words = instruction.split(whereSeparator: { $0.isWhitespace })
        return words.first?.uppercased() == "HYPERLINK" && !words.contains { $0 == "\\l" }
    }

    /// A content control showing its placeholder text (单击或点击此处输入文字。): a field of a
    /// form left unfilled, which holds nothing.
    static func showsPlaceholder(_ sdt: HTMLElement) -> Bool {
        guard let pr = sdt.elements.first(where: { $0.name == "sdtpr" }),
              let shows = pr.elements.first(where: { $0.name == "showingplchdr" }) else { return false }
        return !["0", "false", "off"].contains(shows["val"] ?? "true")
    }

    /// A run formatted as hidden text (`w:vanish`, `w:webHidden`) prints nothing.
    static func isHiddenRun(_ r: HTMLElement) -> Bool {
        guard let rPr = r.elements.first(where: { $0.name == "rpr" }) else { return false }
        return rPr.elements.contains { e in
            (e.name == "vanish" || e.name == "webhidden") && !["0", "false", "off"].contains(e["val"] ?? "true")
        }
    }

    private static func intValue(_ e: HTMLElement?) -> Int? {
        e?["val"].flatMap { Int($0) }
    }
}
