import Foundation
import GovReport

/// `compare --format json` (schema `govreport-compare/1`, documented in the README):
///
///     { "schema": "govreport-compare/1",
///       "from": { path, sha256, organization, year, template }, "to": { … },
///       "cells": [ { table, row, column, from, to, change } ],       // the later report's template order
///       "only_in_from": [ "table.row.column" ], "only_in_to": [ … ],
///       "carry_over": [ { column, carried_forward, carried_over, ok } ],
///       "prose": { "reused": [ { part, to_paragraph, from_paragraph, similarity } ],
///                  "reused_share": { part: share } },
///       "findings": [ … as in check, plus "report": "from" | "to" … ] }
public struct CompareJSONWriter: Sendable {
    /// The `schema` member of every comparison document.
    public static let schema = "govreport-compare/1"

    public init() {}

    /// One comparison as a `govreport-compare/1` document (see docs/format.md).
    public func json(_ c: ReportComparison) -> JSONValue {
        func number(_ d: Decimal?) -> JSONValue { d.map(JSONValue.number) ?? .null }
        let cells = c.cells.map { cell in
            JSONValue.object([
                JSONMember("table", .string(cell.table)), JSONMember("row", .string(cell.row)),
                JSONMember("column", .string(cell.column)), JSONMember("from", number(cell.from)),
                JSONMember("to", number(cell.to)), JSONMember("change", .number(cell.change)),
            ])
        }
        let carry = c.carryOver.map { co in
            JSONValue.object([
                JSONMember("column", .string(co.column)), JSONMember(ApplicationRow.carriedForward.rawValue, number(co.carriedForward)),
                JSONMember(ApplicationRow.carriedOver.rawValue, number(co.carriedOver)), JSONMember("ok", .bool(co.ok)),
            ])
        }
        let reused = (c.prose?.reused ?? []).map { r in
            JSONValue.object([
                JSONMember("part", .string(r.part)), JSONMember("to_paragraph", .number(Decimal(r.toParagraph))),
                JSONMember("from_paragraph", .number(Decimal(r.fromParagraph))),
                JSONMember("similarity", .number(Self.decimal(r.similarity))),
            ])
        }
        let shares = (c.prose?.reusedShare ?? []).map { JSONMember($0.part, .number(Self.decimal($0.share))) }
        return .object([
            JSONMember("schema", .string(Self.schema)),
            JSONMember("from", side(c.from)),
            JSONMember("to", side(c.to)),
            JSONMember("cells", .array(cells)),
            JSONMember("only_in_from", .array(c.onlyInFrom.map(JSONValue.string))),
            JSONMember("only_in_to", .array(c.onlyInTo.map(JSONValue.string))),
            JSONMember("carry_over", .array(carry)),
            JSONMember("prose", .object([JSONMember("reused", .array(reused)), JSONMember("reused_share", .object(shares))])),
            JSONMember("findings", .array(findings(c))),
        ])
    }

    /// The comparison's own warnings, then each report's findings as `check` gives them, with
    /// the report they are on.
    func findings(_ c: ReportComparison) -> [JSONValue] {
        let writer = CheckJSONWriter()
        var out = c.warnings.map(writer.json)
        for (side, r) in [("from", c.checked.from), ("to", c.checked.to)] {
            out += r.findings.map { f in
                .object((writer.json(f).members ?? []) + [JSONMember("report", .string(side))])
            }
        }
        return out
    }

    func side(_ e: HarvestChecker.Entry) -> JSONValue {
        let r = e.report
        return .object([
            JSONMember("path", .string(e.path)), JSONMember("sha256", .string(r.source.sha256)),
            JSONMember("organization", r.report.organization.map(JSONValue.string) ?? .null),
            JSONMember("year", r.report.year.map { .number(Decimal($0)) } ?? .null),
            JSONMember("template", .string(r.report.template.rawValue)),
        ])
    }

    /// A share or similarity (two decimals) as an exact JSON number.
    static func decimal(_ x: Double) -> Decimal {
        Decimal(string: String(format: "%.2f", x)) ?? 0
    }
}
