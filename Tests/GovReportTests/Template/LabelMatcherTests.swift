import Testing
@testable import GovReport

@Suite struct LabelMatcherTests {
    static let templates = Template.applicationRows.map { LabelMatcher.core($0.label) }
    static func index(_ key: String) -> Int { Template.applicationRows.firstIndex { $0.key == key }! }

    @Test(arguments: [
        ("一、本年新收政府信息公开申请数量", "本年新收政府信息公开申请数量"),
        ("（三）不予公开", "不予公开"),
        ("(十二)其他", "其他"),
        ("1.属于国家秘密", "属于国家秘密"),
        ("2、其他法律行政法规禁止公开", "其他法律行政法规禁止公开"),
        ("3)补正后申请内容仍不明确", "补正后申请内容仍不明确"),
        ("１．属于国家秘密", "属于国家秘密"),
        ("3. 危及“三安全一稳定”", "危及三安全一稳定"),
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "部分公开区分处理的只计这一情形不计其他情形"),
    ])
    func coreStripsNumberingAndPunctuation(label: String, core: String) {
        #expect(String(LabelMatcher.core(label)) == core)
    }

    @Test func coreKeepsNumeralsThatAreContent() {
        // 三 in 三类 and 四 in 四类 are words, not markers (no 、 after them).
        #expect(String(LabelMatcher.core("5.属于三类内部事务信息")) == "属于三类内部事务信息")
        #expect(String(LabelMatcher.core("6.属于四类过程性信息")) == "属于四类过程性信息")
    }

    @Test(arguments: [("1.属于", true), ("2、重复申请", true), ("（一）予以公开", true), ("一、本年", true),
                      ("三安全", false), ("2024年", false), ("予以公开", false), ("", false)])
    func startsWithMarker(text: String, expected: Bool) {
        #expect(LabelMatcher.startsWithMarker(text) == expected)
    }

    @Test func scoreIsOneForAnExactLabelAndLowForUnrelatedText() {
        let t = LabelMatcher.core("2.其他法律行政法规禁止公开")
        #expect(abs(LabelMatcher.score(printed: t, template: t) - 1) < 1e-9)
        #expect(LabelMatcher.score(printed: LabelMatcher.core("番茄炒蛋"), template: t) < 0.2)
        #expect(LabelMatcher.score(printed: [], template: t) == 0)
        #expect(LabelMatcher.isExact(printed: LabelMatcher.core("（三）不予公开2.其他法律行政法规禁止公开"), template: t))
        #expect(!LabelMatcher.isExact(printed: LabelMatcher.core("2.其他法律行政止公开"), template: t))
    }

    @Test func typoStillMatchesItsRow() {
        // The borderless sample's typo (法规禁 dropped), among the rows of its group and among
        // all rows of the table.
        let typo = "2.其他法律行政止公开"
        let group = Template.applicationRows.filter { $0.group == "(三)不予公开" }.map(\.label)
        var printed = group
        printed[1] = typo
        let result = LabelMatcher.align(printed: printed.map(LabelMatcher.core), templates: Self.templates)
        #expect(result[1] == Self.index("denied_prohibited_by_law"))
        #expect(result == group.indices.map { Self.index("denied_state_secret") + $0 })

        var all = Template.applicationRows.filter { $0.key != "other_processing" }.map(\.label)
        all[Self.index("denied_prohibited_by_law")] = typo
        let full = LabelMatcher.align(printed: all.map(LabelMatcher.core), templates: Self.templates)
        #expect(full[Self.index("denied_prohibited_by_law")] == Self.index("denied_prohibited_by_law"))
        #expect(full.allSatisfy { $0 != nil })
        // Its similarity to the right row is well above the matching minimum.
        let s = LabelMatcher.score(printed: LabelMatcher.core(typo), template: Self.templates[Self.index("denied_prohibited_by_law")])
        #expect(s >= 0.75)
    }

    @Test func alignMapsTypoedLabelsInOrderAndLeavesJunkUnmatched() {
        // Printed rows: template order with typos, old wordings, a missing row (granted),
        // the （六） group printed as one row, and a junk line.
        let printed: [(String, String?)] = [
            ("一、本年新收政府信息公开申请数量", "new_received"),
            ("二、上年结转政府信息公开申请数", "carried_over"),
            ("（二）部分公开（区分处理的，只计这一情形）", "partially_granted"),
            ("1.属于国家秘", "denied_state_secret"),
            ("2.其他法律行政止公开", "denied_prohibited_by_law"),
            ("3.危及三安全一稳定", "denied_security_stability"),
            ("4.保护第三方合法权", "denied_third_party_rights"),
            ("5.属于三类内部事物信息", "denied_internal_affairs"),
            ("6.属于四类过程信息", "denied_process_info"),
            ("7.属于行政执法案卷", "denied_enforcement_files"),
            ("8.属于行政查讯事项", "denied_query_matters"),
            ("注：以上数据截至12月31日", nil),
            ("1.本机关不掌握相关的政府信息", "unable_not_held"),
            ("2.没有现成信息需要另外制作", "unable_needs_creation"),
            ("3.补正后申请内容仍然不明确", "unable_unclear"),
            ("1.信访举报投诉类申请", "rejected_petition"),
            ("2.重复申请", "rejected_duplicate"),
            ("3.要求提供公开出版物", "rejected_publication"),
            ("4.无正当理由大量反复申请", "rejected_excessive"),
            ("5.要求行政机关确认或重新出具已获取的信息", "rejected_confirmation"),
            ("（六）其他处理", "other_processing"),
            ("（七）总计", "total_processed"),
            ("四、结转下年度继续办理", "carried_forward"),
        ]
        let result = LabelMatcher.align(printed: printed.map { LabelMatcher.core($0.0) }, templates: Self.templates)
        let keys = result.map { $0.map { Template.applicationRows[$0].key } }
        #expect(keys == printed.map(\.1))
    }

    @Test func alignOfSwappedRowsStaysInOrder() {
        // Two rows printed in the wrong order: the alignment is order-preserving, so one of them
        // goes unmatched and every other row still maps to its own template row.
        var labels = Template.applicationRows.filter { $0.key != "other_processing" }.map { ($0.label, $0.key) }
        labels.swapAt(5, 6)
        let result = LabelMatcher.align(printed: labels.map { LabelMatcher.core($0.0) }, templates: Self.templates)
        let matched = result.compactMap { $0 }
        #expect(matched == matched.sorted() && Set(matched).count == matched.count)
        #expect(result.filter { $0 == nil }.count == 1)
        #expect(result[5] == nil || result[6] == nil)
        for (i, j) in result.enumerated() {
            if let j { #expect(Template.applicationRows[j].key == labels[i].1) }
        }
    }

    @Test func alignOfNothingIsEmpty() {
        #expect(LabelMatcher.align(printed: [], templates: Self.templates) == [])
        #expect(LabelMatcher.align(printed: [LabelMatcher.core("予以公开")], templates: []) == [nil])
    }
}
