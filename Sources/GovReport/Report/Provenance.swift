import Foundation

/// Where each cell of the canonical tables is printed: the optional `provenance` object of a
/// govreport/1 document (`extract --provenance`). Keyed like the tables:
///
///     "provenance": { "applications": { "new_received": {
///         "page": 3, "label": [x0, y0, x1, y1],
///         "cells": { "natural_person": [x0, y0, x1, y1], …, "total": null } } }, … }
///
/// Boxes are in PDF points, origin at the page's top-left corner, y growing down, rounded to
/// 0.01 pt; a cell with nothing printed (or not known) is `null`. Text reports have no pages:
/// their rows carry `"page": null` and no boxes.
public enum Provenance {
    /// The provenance object for a report's three tables.
    public static func json(for report: CanonicalReport) -> JSONValue {
        .object(TemplateTable.allCases.map { table in
            JSONMember(table.rawValue, .object(report[table].rows.map { JSONMember($0.key, json(for: $0)) }))
        })
    }

    static func json(for row: RowValues) -> JSONValue {
        var m = [JSONMember("page", row.page.map { .number(Decimal($0)) } ?? .null)]
        if let g = row.geometry {
            if let label = g.label { m.append(JSONMember("label", box(label))) }
            if g.cells.count == row.fields.count {
                m.append(JSONMember("cells", .object(zip(row.fields, g.cells).map { JSONMember($0, $1.map(box) ?? .null) })))
            }
        }
        return .object(m)
    }

    /// A box as provenance writes it: `[x0, y0, x1, y1]` in PDF points (origin top-left,
    /// y down), each rounded to 0.01 pt.
    public static func box(_ r: Rect) -> JSONValue {
        .array([r.x0, r.y0, r.x1, r.y1].map { .number(Self.hundredths($0)) })
    }

    /// A coordinate rounded to hundredths of a point. A coordinate a damaged file makes
    /// absurd (beyond ±10¹⁵ pt, or not finite) is written as 0 rather than trapping.
    static func hundredths(_ x: Double) -> Decimal {
        let scaled = (x * 100).rounded()
        guard scaled.isFinite, abs(scaled) < 1e17 else { return 0 }
        return Decimal(Int(scaled)) / 100
    }

    static func rect(_ v: JSONValue?) -> Rect? {
        guard let a = v?.array, a.count == 4 else { return nil }
        let d = a.compactMap { $0.decimal.map { NSDecimalNumber(decimal: $0).doubleValue } }
        guard d.count == 4 else { return nil }
        return Rect(x0: d[0], y0: d[1], x1: d[2], y1: d[3])
    }

    /// Puts the pages and boxes a provenance object records back on the table's rows.
    static func apply(_ provenance: JSONValue?, table name: TemplateTable, to table: inout TableValues) {
        guard let rows = provenance?[name.rawValue] else { return }
        for i in table.rows.indices {
            guard let p = rows[table.rows[i].key] else { continue }
            let row = table.rows[i]
            let page = p["page"]?.integer(in: 1...JSONValue.maxPage)
            var geometry: RowGeometry?
            let label = rect(p["label"])
            if let cells = p["cells"], cells.members != nil {
                geometry = RowGeometry(label: label, cells: row.fields.map { rect(cells[$0]) })
            } else if label != nil {
                geometry = RowGeometry(label: label, cells: [])
            }
            table.rows[i] = RowValues(key: row.key, fields: row.fields, values: row.values, unit: row.unit,
                                      page: page, geometry: geometry)
        }
    }
}
