/// 政府集中采购's amount is printed with its unit (`1856.42万元`, or 万元 in the header over it):
/// a reader in doubt of the amount's cell is in doubt of the unit read with it. Each reader
/// marks the cells it doubts; this adds the unit's mark beside the amount's, whatever the input.
enum AmountUnitDoubts {
    static func marked(_ report: CanonicalReport) -> CanonicalReport {
        let table = TemplateTable.activeDisclosure.rawValue, row = ActiveItem.procurement.rawValue
        func mark(_ column: String) -> Finding? {
            report.diagnostics.first { $0.code == "cell.uncertain" && $0.table == table && $0.row == row && $0.column == column }
        }
        guard let amount = mark(ActiveField.amount.rawValue), mark(Template.amountUnitKey) == nil else { return report }
        var out = report
        out.diagnostics.append(Finding(code: "cell.uncertain", severity: .warning,
                                       message: "the unit is read with the amount, which is in doubt: \(amount.message)",
                                       table: table, row: row, column: Template.amountUnitKey, page: amount.page))
        return out
    }
}
