import Testing
@testable import GovReport

/// A text report's label split around its numbers (3.要求提供公开出 / 版物, a group's name
/// between): the label's first piece is matched and read blank, the numbers go to a row whose
/// label matches nothing. The blank row may be where they belong: its cells are in doubt. A
/// blank row with no such row beside it is not.
@Suite struct BlankBesideUnusedRowTests {
    static let blank = [String?](repeating: nil, count: 7)

    @Test func aRowReadBlankBesideUnusedNumbersIsInDoubt() {
        var mapper = TemplateMapper(template: .v2021)
        mapper.marksUnplacedCells = true
        _ = mapper.applications([RawRow(label: "2.重复申请", cells: ["1", nil, nil, nil, nil, nil, "1"]),
                                 RawRow(label: "3.要求提供公开出", cells: Self.blank),
                                 RawRow(label: "（五）版物不予处", cells: ["0", "0", "0", "0", "0", "0", "0"])])
        let marked = Set(mapper.diagnostics.filter { $0.code == "cell.uncertain" }.compactMap(\.row))
        #expect(marked == ["rejected_publication"])
        var alone = TemplateMapper(template: .v2021)
        alone.marksUnplacedCells = true
        _ = alone.applications([RawRow(label: "2.重复申请", cells: ["1", nil, nil, nil, nil, nil, "1"]),
                                RawRow(label: "3.要求提供公开出", cells: Self.blank)])
        #expect(!alone.diagnostics.contains { $0.code == "cell.uncertain" })
    }
}
