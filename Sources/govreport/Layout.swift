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
            guard let text = doc.text(ofPage: page - 1).map(DiagonalText.removed) else {
                Stderr.line("govreport: \(file): has no page \(page) (it has \(doc.pageCount))")
                throw ExitCode(ExitStatus.usage)
            }
            var found: [Ruling] = []
            if rulings, let image = doc.render(page: page - 1, scale: 1.5) {
                found = RulingDetector().rulings(in: image, paintedOver: text.slanted, glyphs: text.glyphs.map(\.box))
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
