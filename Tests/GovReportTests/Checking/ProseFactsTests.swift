import Foundation
import Testing
@testable import GovReport
@testable import GovReportChecking

@Suite struct ProseFactsTests {
    static func facts(_ text: String) -> [ProseFact] {
        ProseFacts.facts(in: .init(overview: text, problemsAndImprovements: nil, otherMatters: nil))
    }

    static func pairs(_ text: String) -> [String] { facts(text).map { "\($0.kind.name)=\($0.value)" } }

    @Test func theUsualApplicationsSentence() {
        let p = Self.pairs("全年共收到政府信息公开申请289件，上年结转10件，共办结291件，其中予以公开和部分公开181件，结转下年度继续办理8件。")
        #expect(p == ["new_received=289", "carried_over=10", "total_processed=291", "carried_forward=8",
                      "granted_and_partially_granted=181"])
    }

    @Test(arguments: [
        ("2024年，区政府办代表区政府受理政府信息公开申请17件，均已在法定期限内予以答复。", 17),
        ("2025年度我局新收政府信息公开申请 8件，均在法定期限内作出答复。", 8),
        ("本年度新收政府信息公开申请数量为12件。", 12),
        ("全年共接收依申请公开申请 1,204 件。", 1204),
        ("全年收到政府信息公开申请十二件。", 12),
        ("2024 年度未收到依申请公开相关申请。", 0),
        ("本年度未收到政府信息公开申请。", 0),
    ])
    func newReceived(sentence: String, value: Int) {
        let f = Self.facts(sentence).filter { $0.kind == .newReceived }
        #expect(f.map(\.value) == [Decimal(value)], "\(sentence)")
    }

    @Test(arguments: [
        "全年通过门户网站主动公开政府信息2428条。",               // not in a table
        "按期办结率100%，全年办理留言246件。",                     // not an application count
        "收到人大建议5件、政协提案3件。",                          // no 申请
        "对未收到补正材料的申请人，及时电话提醒。",                  // 申请人, not 申请
        "按期办结12件。",                                        // a subset (on time), not the total
        "不予以公开3件。",                                       // not 予以公开
        "全年办理行政复议案件156件。",                             // the body's own cases, not disclosure
        "未发生因政府信息公开工作被行政复议纠错的情况。",              // 纠错, not a count of cases
        "行政复议、行政诉讼案件共3件。",                            // both together: no one table fact
    ])
    func statementsThatAreNotTableFacts(sentence: String) {
        #expect(Self.facts(sentence).isEmpty, "\(Self.pairs(sentence))")
    }

    @Test func statementsAboutAnotherYearAreLeftOut() {
        func facts(_ text: String) -> [String] {
            ProseFacts.facts(in: .init(overview: text, problemsAndImprovements: nil, otherMatters: nil), year: 2024)
                .map { "\($0.kind.name)=\($0.value)" }
        }
        #expect(facts("2024年度共收到政府信息公开申请20件，较上年收到申请15件有所增加。") == ["new_received=20"])
        #expect(facts("全年共收到政府信息公开申请20件，2023年收到申请15件。") == ["new_received=20"])
        #expect(facts("去年收到政府信息公开申请15件。") == [])
        #expect(facts("同比收到申请增加5件。") == [])
        #expect(facts("2024 年度未收到依申请公开相关申请。") == ["new_received=0"])
        #expect(facts("2023年度未收到依申请公开相关申请。") == [])
        // 上年结转 names the carried-over count itself, not another year's statement.
        #expect(facts("全年共收到政府信息公开申请12件，上年结转1件。") == ["new_received=12", "carried_over=1"])
    }

    @Test func reviewAndLitigation() {
        #expect(Self.pairs("全年因政府信息公开引发行政复议1件，未发生行政诉讼。") == ["review=1", "litigation=0"])
        #expect(Self.pairs("全年未发生政府信息公开行政复议和行政诉讼案件。") == ["review=0", "litigation=0"])
        #expect(Self.pairs("因政府信息公开被申请行政复议2起，被提起行政诉讼1件。") == ["review=2", "litigation=1"])
    }

    @Test func processingFees() {
        #expect(Self.pairs("本年度未产生信息公开处理费。") == ["processing_fee=0"])
        #expect(Self.pairs("全年收取政府信息公开信息处理费0元。") == ["processing_fee=0"])
        #expect(Self.pairs("共发出收费通知2件，收取信息处理费2871元。") == ["processing_fee=2871"])
        #expect(Self.pairs("收取信息处理费0.5万元。") == ["processing_fee=5000"])
    }

    @Test func quotesAreTheSentenceAsPrinted() {
        let f = Self.facts("一段别的话。\n2024 年度未收到依申请公开相关申请。")
        #expect(f.first?.quote == "2024年度未收到依申请公开相关申请。")
        #expect(f.first?.section == "overview")
        let long = String(repeating: "加强政务公开标准化规范化建设", count: 5) + "，全年共收到政府信息公开申请17件，" + String(repeating: "规范办理流程", count: 10) + "。"
        let q = Self.facts(long).first?.quote ?? ""
        #expect(q.hasPrefix("…") && q.hasSuffix("…") && q.contains("申请17件"))
    }

    @Test func aLineWrapTakenForAParagraphDoesNotCutASentence() {
        let text = "（二）依申请公开情况\n2025年度我局新收政府信息公开申请加强与法律顾问的会商研判对疑难复杂申请实行集体讨论共\n8件，均在法定期限内作出答复。"
        #expect(ProseFacts.sentences(text).count == 2)
        #expect(ProseFacts.sentences("（一）主动公开情况\n（二）依申请公开情况") == ["（一）主动公开情况", "（二）依申请公开情况"])
    }

    @Test func chineseNumerals() {
        #expect(ProseFacts.chineseNumeral("十") == 10)
        #expect(ProseFacts.chineseNumeral("十二") == 12)
        #expect(ProseFacts.chineseNumeral("二十三") == 23)
        #expect(ProseFacts.chineseNumeral("一百零五") == 105)
        #expect(ProseFacts.chineseNumeral("两") == 2)
        #expect(ProseFacts.chineseNumeral("零") == 0)
        #expect(ProseFacts.chineseNumeral("十a") == nil)
    }
}
