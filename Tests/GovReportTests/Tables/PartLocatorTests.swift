import Testing
@testable import GovReport

@Suite struct PartLocatorTests {
    @Test(arguments: ["3", "-3-", "- 3 -", "— 3 —", "－3－", "·3·", "第3页", "第 3 页", "第3页共5页", "3/5", "3 / 12", "12"])
    func pageNumbers(text: String) {
        #expect(PartLocator.isPageNumber(text), "\(text)")
    }

    @Test(arguments: ["", "一、总体情况", "第三页", "3/5/7", "2024年", "第页", "12345", "-", "3.5万元", "共5页"])
    func notPageNumbers(text: String) {
        #expect(!PartLocator.isPageNumber(text), "\(text)")
    }

    /// A table row written as text with its blank cells printed as dashes is no `- 3 -`.
    @Test(arguments: ["0 - - - - - -", "1 - - - - - 1"])
    func aRowOfDashesIsNotAPageNumber(text: String) {
        #expect(!PartLocator.isPageNumber(text), "\(text)")
    }

    @Test func aYearAloneIsNotAPageNumber() {
        #expect(!PartLocator.isPageNumber("2024"))
    }

    // MARK: pages

    /// A page of lines at the given heights (A4, 842 pt tall).
    static func page(_ number: Int, _ lines: [(String, Double)]) -> PageLayout {
        PageLayout(number: number, width: 595, height: 842,
                   glyphs: lines.flatMap { Draw.text($0.0, x: 60, y: $0.1, size: 12) })
    }

    static let pages = [
        page(1, [("岚川市审计局2024年政府信息公开工作年度报告", 80), ("一、总体情况", 140), ("全年公开信息120条。", 170),
                 ("二、主动公开政府信息情况", 300), ("行政许可  5", 340), ("- 1 -", 800)]),
        page(2, [("三、收到和处理政府信息公开申请情况", 80), ("一、本年新收政府信息公开申请数量  3", 120),
                 ("四、政府信息公开行政复议、行政诉讼情况", 400), ("0  0  0  0  0", 440), ("- 2 -", 800)]),
        page(3, [("五、存在的主要问题及改进情况", 80), ("问题一。", 110), ("六、其他需要报告的事项", 200),
                 ("无。", 230), ("- 3 -", 800)]),
    ]

    @Test func furnitureIsThePageNumbersInTheMargins() {
        let furniture = PartLocator.furniture(Self.pages)
        #expect(furniture == [.init(page: 0, line: 5), .init(page: 1, line: 4), .init(page: 2, line: 4)])
    }

    /// The tails of numbers wrapped in their cells, in a page's margins, are table content:
    /// spread across the page (cut from the last row by the page break), or a digit under a
    /// number of the line above (wrapped over three lines at a page's foot).
    @Test func wrappedDigitsInTheMarginsAreNoPageNumbers() {
        let top = PageLayout(number: 2, width: 595, height: 842,
                             glyphs: Draw.text("5", x: 330, y: 37, size: 11) + Draw.text("1", x: 445, y: 37, size: 11)
                                 + Draw.text("8", x: 477, y: 37, size: 11)
                                 + Draw.text("四、结转下年度继续办理  27  7  0", x: 79, y: 72, size: 11))
        let foot = PageLayout(number: 1, width: 595, height: 842,
                              glyphs: Draw.text("申请数量", x: 115, y: 718, size: 11) + Draw.text("1", x: 440, y: 718, size: 11)
                                  + Draw.text("9", x: 440, y: 745, size: 11) + Draw.text("- 1 -", x: 290, y: 800, size: 11))
        let furniture = PartLocator.furniture([foot, top])
        #expect(furniture == [.init(page: 0, line: 2)], "\(furniture)")
    }

    /// A single digit at the top of a page, under the last digit of a number in the table row
    /// that ends the page before (38 over 1, the break between the lines of 381 in its cell),
    /// is the number's tail; a page number at the foot of a page still is furniture.
    @Test func aDigitUnderANumberCutByThePageBreakIsNoPageNumber() {
        let foot = PageLayout(number: 1, width: 595, height: 842,
                              glyphs: Draw.text("（七）总计", x: 133, y: 792, size: 11) + Draw.text("38", x: 473, y: 792, size: 11))
        let top = PageLayout(number: 2, width: 595, height: 842,
                             glyphs: Draw.text("1", x: 476, y: 37, size: 11)
                                 + Draw.text("四、结转下年度继续办理", x: 79, y: 72, size: 11) + Draw.text("- 2 -", x: 290, y: 800, size: 11))
        #expect(PartLocator.furniture([foot, top]) == [.init(page: 1, line: 2)])
        // Under a page number, or away from the row's numbers, it still is one.
        let footNumber = PageLayout(number: 1, width: 595, height: 842,
                                    glyphs: Draw.text("正文", x: 60, y: 700, size: 11) + Draw.text("1", x: 476, y: 800, size: 11))
        #expect(PartLocator.furniture([footNumber, top]).contains(.init(page: 1, line: 0)))
        let elsewhere = PageLayout(number: 2, width: 595, height: 842,
                                   glyphs: Draw.text("2", x: 290, y: 37, size: 11) + Draw.text("正文", x: 79, y: 72, size: 11))
        #expect(PartLocator.furniture([foot, elsewhere]).contains(.init(page: 1, line: 0)))
    }

    /// No page is numbered 0: a lone 0 in a page's margin is a value (a row whose only
    /// printed number is the 0 of its first column, at the top of a continued page).
    @Test func aLoneZeroInTheMarginIsNoPageNumber() {
        let top = PageLayout(number: 2, width: 595, height: 842,
                             glyphs: Draw.text("0", x: 290, y: 37, size: 11) + Draw.text("正文", x: 79, y: 72, size: 11))
        #expect(PartLocator.furniture([Self.page(1, [("正文", 300)]), top]).isEmpty)
    }

    /// A table row that prints only a 0, on a line of its own (its label wrapped above and
    /// below, the value centred), at the foot of two of four pages: the same margin text on half
    /// the pages, but a table's numbers, never a running footer.
    @Test func zerosRepeatedInTheMarginsAreNoRunningFooter() {
        func foot(_ n: Int, _ label: (String, String), _ value: String) -> PageLayout {
            PageLayout(number: n, width: 595, height: 842,
                       glyphs: Draw.text("正文", x: 60, y: 300, size: 11) + Draw.text(label.0, x: 150, y: 752, size: 11)
                           + Draw.text(value, x: 300, y: 759, size: 11) + Draw.text(label.1, x: 150, y: 766, size: 11)
                           + Draw.text("- \(n) -", x: 290, y: 800, size: 11))
        }
        let pages = [foot(1, ("3.危及“三安全", "一稳定”"), "0"), Self.page(2, [("正文", 300)]),
                     foot(3, ("2.重复申", "请"), "0"), foot(4, ("1.属于国家", "秘密"), "0 0")]
        let furniture = PartLocator.furniture(pages)
        #expect(!furniture.contains { pages[$0.page].lines[$0.line].text.hasPrefix("0") }, "\(furniture)")
        // A running footer that repeats is still furniture.
        let running = (1...4).map { Self.page($0, [("正文", 300), ("岚川市审计局", 790)]) }
        #expect(PartLocator.furniture(running).count == 4)
    }

    @Test func runningHeadersRepeatedOnMostPagesAreFurniture() {
        let pages = (1...3).map { Self.page($0, [("岚川市审计局信息公开", 20), ("正文第\($0)页的内容", 300)]) }
        let furniture = PartLocator.furniture(pages)
        #expect(furniture == Set((0..<3).map { PartLocator.LineID(page: $0, line: 0) }))
    }

    @Test func headingsAndRegions() throws {
        let furniture = PartLocator.furniture(Self.pages)
        let headings = PartLocator.headings(Self.pages, skipping: furniture)
        #expect(headings[.overview] == .init(page: 0, line: 1))
        #expect(headings[.activeDisclosure] == .init(page: 0, line: 3))
        #expect(headings[.applications] == .init(page: 1, line: 0))
        #expect(headings[.reviewLitigation] == .init(page: 1, line: 2))
        #expect(headings[.problems] == .init(page: 2, line: 0))
        #expect(headings[.otherMatters] == .init(page: 2, line: 2))
        // 一、本年新收… is a row of the applications table, not part 一.
        #expect(ReportPart.heading("一、本年新收政府信息公开申请数量") == nil)

        let active = try #require(PartLocator.region(of: .activeDisclosure, in: Self.pages, headings: headings,
                                                     furniture: furniture))
        #expect(active.map(\.page.number) == [1])
        #expect(active[0].lines.map(\.text) == ["行政许可 5"])
        let apps = try #require(PartLocator.region(of: .applications, in: Self.pages, headings: headings,
                                                   furniture: furniture))
        #expect(apps.flatMap { $0.lines.map(\.text) } == ["一、本年新收政府信息公开申请数量 3"])
        let other = try #require(PartLocator.region(of: .otherMatters, in: Self.pages, headings: headings,
                                                    furniture: furniture))
        #expect(other.flatMap { $0.lines.map(\.text) } == ["无。"])
    }

    @Test(arguments: [("一、总体情况", ReportPart.overview), ("二、主动公开政府信息情况", .activeDisclosure),
                      ("三、收到和处理政府信息公开申请情况", .applications),
                      ("四、政府信息公开行政复议、行政诉讼情况", .reviewLitigation),
                      ("五、存在的主要问题及改进情况", .problems), ("六、其他需要报告的事项", .otherMatters),
                      ("二. 主动公开政府信息情况", .activeDisclosure)])
    func headingLines(text: String, part: ReportPart) {
        #expect(ReportPart.heading(text) == part)
    }

    @Test(arguments: ["二、上年结转政府信息公开申请数量", "四、结转下年度继续办理", "三、本年度办理结果", "一些总体情况", "（一）主动公开情况"])
    func notHeadingLines(text: String) {
        #expect(ReportPart.heading(text) == nil)
    }
}
