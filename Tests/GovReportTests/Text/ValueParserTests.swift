import Foundation
import Testing
@testable import GovReport

@Suite struct ValueParserTests {
    @Test(arguments: [
        ("0", "0"), ("０", "0"), ("１０２", "102"), ("7", "7"),
        ("1,234", "1234"), ("1，234", "1234"), ("１，２３４", "1234"), ("1 234", "1234"), ("12 345 678", "12345678"),
        ("-3", "-3"), ("－3", "-3"), ("+5", "5"), ("2,356.8", "2356.8"), ("0.50", "0.5"), (" 42 ", "42"),
    ])
    func numbers(raw: String, expected: String) {
        #expect(ValueParser.parse(raw) == .number(dec(expected), unit: nil), "\(raw)")
        #expect(ValueParser.looksLikeValue(raw))
    }

    @Test(arguments: [("12.5万元", "12.5", "万元"), ("1856.42 万元", "1856.42", "万元"), ("300元", "300", "元"),
                      ("3件", "3", "件"), ("1,200项", "1200", "项")])
    func numbersWithUnit(raw: String, expected: String, unit: String) {
        #expect(ValueParser.parse(raw) == .number(dec(expected), unit: unit))
        #expect(ValueParser.parse(raw).number == dec(expected))
    }

    @Test(arguments: ["—", "——", "-", "--", "/", "／", "无", "\\", "×"])
    func placeholders(raw: String) {
        guard case .placeholder = ValueParser.parse(raw) else {
            Issue.record("\(raw) read as \(ValueParser.parse(raw))")
            return
        }
        #expect(ValueParser.parse(raw).number == nil)
        #expect(ValueParser.looksLikeValue(raw))
    }

    @Test(arguments: ["", " ", "\u{3000}", "\t"])
    func blanks(raw: String) {
        #expect(ValueParser.parse(raw) == .blank)
        #expect(!ValueParser.looksLikeValue(raw))
    }

    @Test(arguments: ["予以公开", "万元", "1.2.3", ".5", "5.", "12a", "三", "3-4", "第3页"])
    func text(raw: String) {
        #expect(ValueParser.parse(raw) == .text(raw), "\(raw)")
        #expect(ValueParser.parse(raw).number == nil)
        #expect(!ValueParser.looksLikeValue(raw))
    }

    @Test func negativeDecimalKeepsItsExactValue() {
        // Decimal, not Double: 0.1 + 0.2 stays 0.3 when the validator adds up.
        let a = ValueParser.parse("0.1").number!, b = ValueParser.parse("0.2").number!
        #expect(a + b == dec("0.3"))
        #expect(ValueParser.parse("-0.75") == .number(dec("-0.75"), unit: nil))
    }
}
