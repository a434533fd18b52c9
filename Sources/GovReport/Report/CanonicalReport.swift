import Foundation

/// The govreport/1 document (see the spec): what every input kind normalizes to.
public struct CanonicalReport: Sendable, Equatable {
    public struct Source: Sendable, Equatable {
        public enum Kind: String, Sendable { case pdf, text, html, markdown, docx, doc, wps, rtf, odt }
        public var path: String
        public var sha256: String
        public var kind: Kind
        public var pages: Int?
        /// The converter and its version, for a file converted before reading (`.doc` → `.docx`).
        public var convertedBy: String? = nil
        /// Present when some page was read by OCR.
        public var ocr: OCRInfo? = nil
    }

    /// How the pages without a usable text layer were read (`source.ocr`).
    public struct OCRInfo: Sendable, Equatable {
        public var engine: String
        public var version: String
        public var languages: String
        public var dpi: Int
        /// 1-based numbers of the pages read by OCR.
        public var pages: [Int]

        var json: JSONValue {
            .object([JSONMember("engine", .string(engine)), JSONMember("version", .string(version)),
                     JSONMember("languages", .string(languages)), JSONMember("dpi", .number(Decimal(dpi))),
                     JSONMember("pages", .array(pages.map { .number(Decimal($0)) }))])
        }

        init(engine: String, version: String, languages: String, dpi: Int, pages: [Int]) {
            self.engine = engine; self.version = version; self.languages = languages; self.dpi = dpi; self.pages = pages
        }

        init?(json: JSONValue?) {
            guard let j = json, let engine = j["engine"]?.string else { return nil }
            self.engine = engine
            version = j["version"]?.string ?? ""
            languages = j["languages"]?.string ?? ""
            dpi = j["dpi"]?.decimal.map { NSDecimalNumber(decimal: $0).intValue } ?? 0
            pages = j["pages"]?.array?.compactMap { $0.decimal.map { NSDecimalNumber(decimal: $0).intValue } } ?? []
        }
    }

    public struct Info: Sendable, Equatable {
        public var title: String?
        public var organization: String?
        public var year: Int?
        public var template: TemplateVersion
    }

    public struct Sections: Sendable, Equatable {
        public var overview: String?
        public var problemsAndImprovements: String?
        public var otherMatters: String?
    }

    public var source: Source
    public var report: Info
    public var sections: Sections
    public var activeDisclosure: TableValues
    public var applications: TableValues
    public var reviewLitigation: TableValues
    public var findings: [Finding]
    public var diagnostics: [Finding]

    public static let schema = "govreport/1"

    /// The govreport/1 document, exactly as the spec orders it.
    public var json: JSONValue { json(provenance: false) }

    /// The document; with `provenance`, a last `provenance` member records the page and box of
    /// every cell (see `Provenance`). Without it the output is the plain document.
    public func json(provenance: Bool) -> JSONValue {
        func opt(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
        var src = [JSONMember("path", .string(source.path)), JSONMember("sha256", .string(source.sha256)),
                   JSONMember("kind", .string(source.kind.rawValue))]
        if let pages = source.pages { src.append(JSONMember("pages", .number(Decimal(pages)))) }
        if let by = source.convertedBy { src.append(JSONMember("converted_by", .string(by))) }
        if let ocr = source.ocr { src.append(JSONMember("ocr", ocr.json)) }
        var members = [
            JSONMember("schema", .string(Self.schema)),
            JSONMember("source", .object(src)),
            JSONMember("report", .object([
                JSONMember("title", opt(report.title)),
                JSONMember("organization", opt(report.organization)),
                JSONMember("year", report.year.map { .number(Decimal($0)) } ?? .null),
                JSONMember("template", .string(report.template.rawValue)),
            ])),
            JSONMember("sections", .object([
                JSONMember("overview", opt(sections.overview)),
                JSONMember("problems_and_improvements", opt(sections.problemsAndImprovements)),
                JSONMember("other_matters", opt(sections.otherMatters)),
            ])),
            JSONMember(TemplateTable.activeDisclosure.rawValue,
                       activeDisclosure.json { $0 == ActiveItem.procurement.rawValue ? Self.amountUnitKey : nil }),
            JSONMember(TemplateTable.applications.rawValue, applications.json()),
            JSONMember(TemplateTable.reviewLitigation.rawValue, reviewLitigation.json()),
            JSONMember("findings", .array(findings.map(\.json))),
            JSONMember("diagnostics", .array(diagnostics.map(\.json))),
        ]
        if provenance { members.append(JSONMember("provenance", Provenance.json(for: self))) }
        return .object(members)
    }

    /// Reads a govreport/1 document (as written by `json`) back into a report.
    public init?(json: JSONValue) {
        guard json["schema"]?.string == Self.schema, let src = json["source"], let rep = json["report"] else {
            return nil
        }
        let template = rep["template"]?.string.flatMap(TemplateVersion.init(rawValue:)) ?? .v2021
        source = Source(path: src["path"]?.string ?? "", sha256: src["sha256"]?.string ?? "",
                        kind: src["kind"]?.string.flatMap(Source.Kind.init(rawValue:)) ?? .pdf,
                        pages: src["pages"]?.integer(in: 0...JSONValue.maxPage),
                        convertedBy: src["converted_by"]?.string,
                        ocr: OCRInfo(json: src["ocr"]))
        report = Info(title: rep["title"]?.string, organization: rep["organization"]?.string,
                      year: rep["year"]?.integer(in: 1000...9999), template: template)
        let sec = json["sections"]
        sections = Sections(overview: sec?["overview"]?.string,
                            problemsAndImprovements: sec?["problems_and_improvements"]?.string,
                            otherMatters: sec?["other_matters"]?.string)
        activeDisclosure = TableValues(json: json[TemplateTable.activeDisclosure.rawValue],
                                       order: Template.activeRows(template).map { ($0.key, $0.fieldKeys) })
        applications = TableValues(json: json[TemplateTable.applications.rawValue],
                                   order: Template.applicationRows.map { ($0.key, Template.applicationColumns) })
        reviewLitigation = TableValues(json: json[TemplateTable.reviewLitigation.rawValue],
                                       order: Template.reviewGroups.map { ($0, Template.reviewFields) })
        findings = (json["findings"]?.array ?? []).compactMap(Finding.init(json:))
        diagnostics = (json["diagnostics"]?.array ?? []).compactMap(Finding.init(json:))
        for table in TemplateTable.allCases { Provenance.apply(json["provenance"], table: table, to: &self[table]) }
    }

    public init(source: Source, report: Info, sections: Sections, activeDisclosure: TableValues,
                applications: TableValues, reviewLitigation: TableValues,
                findings: [Finding] = [], diagnostics: [Finding] = []) {
        self.source = source; self.report = report; self.sections = sections
        self.activeDisclosure = activeDisclosure; self.applications = applications
        self.reviewLitigation = reviewLitigation; self.findings = findings; self.diagnostics = diagnostics
    }
}

extension CanonicalReport {
    /// The key of procurement's money unit beside its fields (`"amount_unit": "万元"`).
    public static var amountUnitKey: String { Template.amountUnitKey }

    /// One of the three tables.
    public subscript(table: TemplateTable) -> TableValues {
        get {
            switch table {
            case .activeDisclosure: activeDisclosure
            case .applications: applications
            case .reviewLitigation: reviewLitigation
            }
        }
        set {
            switch table {
            case .activeDisclosure: activeDisclosure = newValue
            case .applications: applications = newValue
            case .reviewLitigation: reviewLitigation = newValue
            }
        }
    }

    /// The row of a template cell and the cell's place among its fields, when the report prints it.
    public func row(of cell: TemplateCell) -> (row: RowValues, index: Int)? {
        guard let r = self[cell.table][cell.row], let i = r.fields.firstIndex(of: cell.column) else { return nil }
        return (r, i)
    }
}
