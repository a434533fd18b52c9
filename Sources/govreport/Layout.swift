import ArgumentParser
import Foundation
import GovReport
import GovReportBatch

extension GovReportCommand {
    struct Layout: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print what the layout stage sees on a PDF page: lines, words with boxes, rulings.")

        @Argument(help: "A PDF file.") var file: String
        @Option(help: "Page number (1-based).") var page: Int = 1
        @Flag(help: "Also list the ruling lines found by rendering the page.") var rulings = false

        func run() throws {
            let doc = try PDFInput.open(file, data: try PDFInput.read(file, command: "layout"))
            guard var text = doc.text(ofPage: page - 1).map(DiagonalText.removed) else {
                Stderr.line("govreport: \(file): has no page \(page) (it has \(doc.pageCount))")
                throw ExitCode(ExitStatus.usage)
            }
            // As extract reads it: a page of sideways text in the text's own frame.
            let turn = RotatedText.turn(of: text)
            if let turn {
                text = RotatedText.upright(text, turn)
                Stderr.line("govreport: \(file): page \(page) has its text turned 90°; shown in the text's own frame (boxes in that frame)")
            }
            // A scan prints nothing here; say why rather than leave an empty answer.
            if !text.hasUsableText {
                Stderr.line("govreport: \(file): page \(page) has no text layer (a blank page, a scan, or text drawn as outlines); `govreport debug \(file) --page \(page) --png OUT.png` draws it as OCR reads it")
            }
            var found: [Ruling] = []
            if rulings, let image = doc.render(page: page - 1, scale: 1.5) {
                // A sideways page's rendering turned into its text's frame; a watermark's strips
                // are in the page's own frame, so only an upright page has them.
                let frame = turn.map { image.turned($0, pageWidth: text.height, pageHeight: text.width) } ?? image
                found = RulingDetector().rulings(in: frame, paintedOver: turn == nil ? text.slanted : [],
                                                 glyphs: text.glyphs.map(\.box))
            }
            let layout = PageLayout(text: text, rulings: found)
            for r in layout.rulings {
                try Stdout.line(String(format: "RULE %@ at %.1f from %.1f to %.1f", r.axis.rawValue, r.position, r.start, r.end))
            }
            for line in layout.lines {
                let words = line.words.map {
                    String(format: "[%.1f,%.1f %.1fx%.1f]", $0.box.x0, $0.box.y0, $0.box.width, $0.box.height) + $0.text
                }
                try Stdout.line(String(format: "%6.1f ", line.box.midY) + words.joined(separator: " "))
            }
        }
    }
}
