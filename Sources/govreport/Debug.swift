import ArgumentParser
import Foundation
import GovReport
import GovReportBatch

extension GovReportCommand {
    struct Debug: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw what the table stages saw over a PDF page or a page of laid-out text.",
            discussion: """
                Writes a PNG of the page with the ruling lines found (red), every word's box (grey), \
                each value's cell with the column it went to (blue) and each row label with the \
                template row it matched (green) — to see why a number landed where it did. \
                --stage draws one stage of the table finder instead: rows (value bands, rows, blank \
                rows), columns (each row's columns, coloured by where they came from: rulings, full \
                rows, header, value alignment, another page), labels (label blocks, row labels) or \
                cells (each row's label and cells). A scanned page is drawn as OCR read it (--ocr, \
                as in extract): the words are OCR's, in the page's points. Laid-out text (as \
                pdftotext -layout writes it) is drawn on a blank page of its character grid's \
                size (5.5 by 11 points a character), each word's box with its digits and Latin \
                letters in it, under the same marks; its pages end at form feeds (or at a page number \
                alone on its line). Other inputs \
                (web pages, Word, Markdown, tab-separated text) have no pages to draw.
                """)

        @Argument(help: "A PDF report, or a report in laid-out text.") var file: String
        @Option(help: "Page number (1-based); default: the first page of the applications table.") var page: Int?
        @Option(help: "Where to write the PNG.") var png: String
        @Option(help: "Pixels per point.") var scale: Double = 2
        @OptionGroup var reading: TableOptions
        @OptionGroup var scans: OCROptions
        @Option(help: "Draw one stage of the table finder instead: rows, columns, labels, cells.") var stage: DebugStage?

        /// A page 0 pixels wide is no picture, and past 10 pixels a point (an A4 page 6,000 pixels
        /// wide) the renderer refuses the size with words about surfaces.
        func validate() throws {
            guard scale > 0, scale <= 10 else { throw ValidationError("--scale must be more than 0 and at most 10 (pixels per point)") }
        }

        func run() throws {
            let inspection: Inspection
            do { inspection = try ReportExtractor.inspect(path: file, tables: reading.tables, ocr: scans.ocr) } catch {
                Stderr.line("govreport: \(file): \(error.explanation) [\(error.code)]")
                throw ExitCode(ExitStatus.status(for: error))
            }
            switch inspection {
            case .pdf(let result):
                let layout = try page(of: result)
                let doc = try PDFInput.open(file, data: try PDFInput.read(file, command: "debug"))
                try write {
                    try doc.writeDebugPNG(page: layout.number - 1, scale: scale,
                                          overlay: DebugOverlay(page: layout, reading: result, stage: stage),
                                          turn: result.turns[layout.number], to: png)
                }
                Stderr.line("govreport: wrote \(png) (page \(layout.number), \(layout.rulings.count) rulings)")
            case .laidOutText(let result):
                let layout = try page(of: result)
                try write {
                    try DebugPNG.writeBlank(width: layout.width, height: layout.height, scale: scale,
                                            overlay: DebugOverlay(unrenderedPage: layout, reading: result, stage: stage), to: png)
                }
                Stderr.line("govreport: wrote \(png) (page \(layout.number) of the laid-out text)")
            case .unpositioned(let kind):
                Stderr.line("govreport: \(file): is \(kind); `govreport debug` draws PDFs and laid-out text "
                            + "(as `pdftotext -layout` writes it) only; read its tables with `govreport extract`")
                throw ExitCode(ExitStatus.usage)
            }
        }

        /// The page `--page` names, by default the first page of the applications table.
        func page(of result: PositionedReading) throws -> PageLayout {
            let number = page ?? result.report.applications.rows.compactMap(\.page).min() ?? 1
            guard let layout = result.layouts.first(where: { $0.number == number }) else {
                Stderr.line("govreport: \(file): has no page \(number) (it has \(result.layouts.count); pages count from 1)")
                throw ExitCode(ExitStatus.usage)
            }
            // A picture too large to draw is a scale too large for this page (a laid-out text
            // without page breaks is one long page): said before any file is made.
            guard RasterSize.pixels(width: layout.width * scale, height: layout.height * scale) != nil else {
                let size = "\(Int(layout.width.rounded())) × \(Int(layout.height.rounded())) points"
                Stderr.line("govreport: \(file): page \(number) is \(size); at --scale \(scale) its picture would be larger "
                            + "than \(RasterSize.maxSide) pixels a side or \(RasterSize.maxPixels / 1_000_000) million pixels; use a smaller --scale")
                throw ExitCode(ExitStatus.usage)
            }
            return layout
        }

        /// Writes the PNG with `draw`, saying why on stderr when it cannot be written (and
        /// leaving no empty file it made).
        func write(_ draw: () throws -> Void) throws {
            try OutputFile.refuseInput(png, inputs: [file])
            let existed = FileManager.default.fileExists(atPath: png)
            try OutputFile.checkWritable(png)
            do { try draw() } catch let error as PNGWriteError {
                if !existed { try? FileManager.default.removeItem(atPath: png) }
                let why = switch error {
                case .cairo(let status): status
                case .noSuchPage(let n): "the PDF has no page \(n)"
                }
                Stderr.line("govreport: \(png): cannot be written (\(why)); choose another output file")
                throw ExitCode(ExitStatus.outputUnusable)
            }
        }
    }
}

extension DebugStage: ExpressibleByArgument {}
