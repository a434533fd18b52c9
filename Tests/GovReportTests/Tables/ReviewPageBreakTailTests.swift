import Testing
@testable import GovReport

/// The review/litigation row's number wrapped in its cell and cut by a page break: the rest,
/// alone on the next page, is joined to the one number whose group sums it makes hold.
@Suite struct ReviewPageBreakTailTests {
    static let sums = PositionedPages.reviewSums(groups: 3)

    static func row(_ cells: [String?], page: Int, label: String = "") -> RawRow {
        RawRow(label: label, cells: cells, page: page)
    }

    /// 3 2 3 4 | 1(2) …: the 总计 12 printed as 1 over 2, the 2 on the next page.
    static let cut: [String?] = ["3", "2", "3", "4", "1", "1", "2", "1", "1", "5", "0", "0", "0", "1", "1"]

    static func alone(at column: Int, _ text: String = "2") -> [String?] {
        (0..<15).map { $0 == column ? text : nil }
    }

    @Test func theRestInItsColumnIsJoined() throws {
        let rows = [Self.row(Self.cut, page: 6), Self.row(Self.alone(at: 4), page: 7)]
        let joined = try #require(PositionedPages.joiningPageBreakTail(rows[0], rows: rows, sums: Self.sums))
        #expect(joined.cells[4] == "12")
        #expect(joined.cells.enumerated().allSatisfy { $0.offset == 4 || $0.element == Self.cut[$0.offset] })
    }

    /// Laid-out text lays the next page out on its own: the rest may stand under another column.
    @Test func aLoneRestInAnotherColumnEndsTheOneNumberItMakesAddUp() throws {
        let rows = [Self.row(Self.cut, page: 6), Self.row(Self.alone(at: 3), page: 7)]
        let joined = try #require(PositionedPages.joiningPageBreakTail(rows[0], rows: rows, sums: Self.sums))
        #expect(joined.cells[4] == "12" && joined.cells[3] == "4")
    }

    @Test func nothingIsJoinedWhenTheRowAddsUpOrNoJoiningMakesItAddUp() {
        var whole = Self.cut
        whole[4] = "12"
        let holds = [Self.row(whole, page: 6), Self.row(Self.alone(at: 4), page: 7)]
        #expect(PositionedPages.joiningPageBreakTail(holds[0], rows: holds, sums: Self.sums) == nil)
        let wrong = [Self.row(Self.cut, page: 6), Self.row(Self.alone(at: 4, "7"), page: 7)]
        #expect(PositionedPages.joiningPageBreakTail(wrong[0], rows: wrong, sums: Self.sums) == nil)
    }

    @Test func aRowOnTheSamePageOrWithALabelIsNotARest() {
        let same = [Self.row(Self.cut, page: 6), Self.row(Self.alone(at: 4), page: 6)]
        #expect(PositionedPages.joiningPageBreakTail(same[0], rows: same, sums: Self.sums) == nil)
        let labelled = [Self.row(Self.cut, page: 6), Self.row(Self.alone(at: 4), page: 7, label: "合计")]
        #expect(PositionedPages.joiningPageBreakTail(labelled[0], rows: labelled, sums: Self.sums) == nil)
    }
}
