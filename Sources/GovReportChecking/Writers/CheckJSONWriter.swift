import Foundation
import GovReport

/// `check --format json`: an array with one object per report, in input order:
///
///     { "path": …, "input": (the JSON file it was read from), "report": {organization, year, template},
///       "findings": [ { code, severity, message, table, row, column, page, expected, actual,
///                       "cells": [ {table, row, column, value, page, box?, report?} ],
///                       "quotes": [ … ], "other_reports": [ … ] } ],
///       "stated": [ { "fact": "new_received", "value": 17, "section": "overview", "quote": … } ] }
///
/// With `provenance`, each cell also carries its `box` ([x0, y0, x1, y1], PDF points, origin top-left).
public struct CheckJSONWriter: Sendable {
    /// Whether each cell carries its box on its page (`box`: PDF points, origin top-left).
    public var provenance: Bool

    public init(provenance: Bool = false) { self.provenance = provenance }

    /// The checked reports as one JSON document (shape above).
    public func json(_ reports: [CheckedReport]) -> JSONValue {
        .array(reports.map(json))
    }

    func json(_ r: CheckedReport) -> JSONValue {
        var m = [JSONMember("path", .string(r.path))]
        if let input = r.input { m.append(JSONMember("input", .string(input))) }
        m.append(JSONMember("report", .object([
            JSONMember("organization", r.report.report.organization.map(JSONValue.string) ?? .null),
            JSONMember("year", r.report.report.year.map { .number(Decimal($0)) } ?? .null),
            JSONMember("template", .string(r.report.report.template.rawValue)),
        ])))
        m.append(JSONMember("findings", .array(r.findings.map(json))))
        m.append(JSONMember("stated", .array(r.facts.map { f in
            .object([JSONMember("fact", .string(f.kind.name)), JSONMember("value", .number(f.value)),
                     JSONMember("section", .string(f.section)), JSONMember("quote", .string(f.quote))])
        })))
        return .object(m)
    }

    func json(_ c: CheckFinding) -> JSONValue {
        var m = c.finding.json.members ?? []
        if !c.cells.isEmpty { m.append(JSONMember("cells", .array(c.cells.map(json)))) }
        if !c.quotes.isEmpty { m.append(JSONMember("quotes", .array(c.quotes.map(JSONValue.string)))) }
        if !c.otherReports.isEmpty { m.append(JSONMember("other_reports", .array(c.otherReports.map(JSONValue.string)))) }
        return .object(m)
    }

    func json(_ cell: CellRef) -> JSONValue {
        var m = [JSONMember("table", .string(cell.table)), JSONMember("row", .string(cell.row)),
                 JSONMember("column", .string(cell.column)),
                 JSONMember("value", cell.value.map(JSONValue.number) ?? .null)]
        if let page = cell.page { m.append(JSONMember("page", .number(Decimal(page)))) }
        if provenance, let box = cell.box { m.append(JSONMember("box", Provenance.box(box))) }
        if let other = cell.report { m.append(JSONMember("report", .string(other))) }
        return .object(m)
    }
}
