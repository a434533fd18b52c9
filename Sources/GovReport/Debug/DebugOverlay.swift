/// Marks drawn over a rendered page so a person can see what the table stages saw: ruling
/// lines, each value's cell with the column it went to, each row label with the template row
/// it matched. Plain data; the C layer draws it.
public struct DebugOverlay: Sendable {
    public struct Color: Sendable, Equatable {
        public var r, g, b, a: Double
        public static let ruling = Color(r: 0.9, g: 0.1, b: 0.1, a: 0.8)
        public static let cell = Color(r: 0.1, g: 0.3, b: 0.9, a: 0.9)
        public static let label = Color(r: 0.0, g: 0.6, b: 0.2, a: 0.9)
        public static let word = Color(r: 0.5, g: 0.5, b: 0.5, a: 0.35)
        /// The characters of a page with nothing rendered under the marks (laid-out text).
        public static let ink = Color(r: 0.15, g: 0.15, b: 0.15, a: 1)
    }

    public enum Mark: Sendable, Equatable {
        case line(x0: Double, y0: Double, x1: Double, y1: Double, color: Color, width: Double)
        case box(Rect, color: Color, width: Double)
        /// ASCII text (row keys, column names): the debug view needs no CJK font.
        case text(String, x: Double, y: Double, size: Double, color: Color)
    }

    public var marks: [Mark] = []

    public init() {}

    /// Everything the pipeline knows about `page`: its rulings, words, and the rows of the
    /// report printed on it.
    public init(page: PageLayout, report: CanonicalReport) {
        for r in page.rulings {
            marks.append(r.axis == .horizontal
                ? .line(x0: r.start, y0: r.position, x1: r.end, y1: r.position, color: .ruling, width: 1.2)
                : .line(x0: r.position, y0: r.start, x1: r.position, y1: r.end, color: .ruling, width: 1.2))
        }
        drawWordBoxes(page)
        for table in TemplateTable.allCases {
            for row in report[table].rows where row.page == page.number {
                guard let geometry = row.geometry else { continue }
                if let label = geometry.label {
                    marks.append(.box(label, color: .label, width: 1))
                    marks.append(.text("\(table.rawValue).\(row.key)", x: label.x0, y: label.y0 - 1, size: 5, color: .label))
                }
                for (field, box) in zip(row.fields, geometry.cells) {
                    guard let box else { continue }
                    marks.append(.box(box, color: .cell, width: 1))
                    marks.append(.text(field, x: box.x0, y: box.y1 + 5, size: 4, color: .cell))
                }
            }
        }
    }
}

extension DebugOverlay {
    /// What `debug` draws over page `layout` of `reading`: one stage of the table finder, or
    /// the page's rulings and words with the report's cells and row labels.
    public init(page layout: PageLayout, reading: PositionedReading, stage: DebugStage?) {
        self = stage.map { DebugOverlay(stage: $0, page: layout.number, reading: reading) }
            ?? DebugOverlay(page: layout, report: reading.report)
    }

    /// The same over a page that has nothing rendered under it (laid-out text, on a blank
    /// canvas): the page's words come first — each word's box (grey) and the ASCII characters
    /// of its glyphs (digits, Latin letters: the view has no CJK font) small in their boxes.
    public init(unrenderedPage layout: PageLayout, reading: PositionedReading, stage: DebugStage?) {
        self.init()
        drawCharacters(layout)
        // The default view draws the words' boxes itself; a stage does not.
        if stage != nil { drawWordBoxes(layout) }
        marks += DebugOverlay(page: layout, reading: reading, stage: stage).marks
    }

    mutating func drawWordBoxes(_ page: PageLayout) {
        for line in page.lines { for w in line.words { marks.append(.box(w.box, color: .word, width: 0.4)) } }
    }

    /// Each ASCII glyph's text at 0.7 of its glyph's height, about centred in its box (a digit
    /// is about 0.6 em wide), on the box's middle line.
    mutating func drawCharacters(_ page: PageLayout) {
        for line in page.lines {
            for glyph in line.words.flatMap(\.glyphs) where glyph.text.allSatisfy(\.isASCII) {
                let size = glyph.box.height * 0.7
                marks.append(.text(glyph.text, x: glyph.box.x0 + max(0, (glyph.box.width - size * 0.6) / 2),
                                   y: glyph.box.midY + size * 0.35, size: size, color: .ink))
            }
        }
    }
}
