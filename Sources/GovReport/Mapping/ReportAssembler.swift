/// Last common stage: from running text and raw tables (whatever the input kind) to the
/// canonical report with its findings.
public enum ReportAssembler {
    /// The canonical report of one input: title, organization and year from the running text,
    /// the national format from the active-disclosure headers (else the year), the raw tables
    /// mapped onto it, the prose sections, the readers' and the mapper's diagnostics, and the
    /// validator's findings. Never fails: what is missing is said in findings and diagnostics.
    public static func assemble(source: CanonicalReport.Source, lines: [DocumentLine], tables: RawTables,
                                titleFallback: String? = nil) -> CanonicalReport {
        let title = ReportInfoReader.title(in: lines, fallback: titleFallback)
        let year = ReportInfoReader.year(title: title, lines: lines)
        let template = TemplateMapper.detectTemplate(activeHeaderText: tables.activeHeaderText, year: year)
        var mapper = TemplateMapper(template: template)
        mapper.ocrPages = Set(source.ocr?.pages ?? [])
        mapper.marksUnplacedCells = source.kind == .markdown || source.kind == .text
        let active = tables.active.map { mapper.active($0) } ?? TableValues()
        let applications = tables.applications.map { mapper.applications($0) } ?? TableValues()
        let review = tables.review.map { mapper.review($0) } ?? TableValues()
        var report = CanonicalReport(
            source: source,
            report: .init(title: title, organization: ReportInfoReader.organization(title: title), year: year,
                          template: template),
            sections: SectionReader.sections(in: lines),
            activeDisclosure: active, applications: applications, reviewLitigation: review,
            diagnostics: tables.diagnostics + mapper.diagnostics)
        // Laid-out text sets a sparse row's numbers by its own scale; a PDF's positions are the page's.
        if source.kind == .text { report.diagnostics += ColumnSumPlacement.place(&report, alternatives: tables.alternatives) }
        report.diagnostics += doubtDiagnostics(tables.doubts, in: report)
        report.findings = Validator.findings(for: report)
        report.diagnostics += MissingRowDoubts.diagnostics(for: report, findings: report.findings)
        // A sum failing over a number the reader already doubts may be the reader's failure.
        report.findings = DoubtedFindings.findings(for: report)
        return report
    }

    /// `cell.uncertain` for each doubted cell, named by the row and column printed at its box.
    static func doubtDiagnostics(_ doubts: [CellDoubt], in report: CanonicalReport) -> [Finding] {
        doubts.compactMap { d in
            for row in TemplateTable(rawValue: d.table).map({ report[$0].rows }) ?? [] where row.page == d.page {
                guard let i = row.geometry?.cells.firstIndex(where: { $0 == d.box }), i < row.fields.count else { continue }
                return Finding(code: "cell.uncertain", severity: .warning, message: d.reason, table: d.table,
                               row: row.key, column: row.fields[i], page: d.page)
            }
            return nil
        }
    }
}
