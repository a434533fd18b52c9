import Testing
@testable import GovReport

@Suite struct StyleSheetHidingTests {
    @Test func readsOnlyRulesThatHideAndSelectorsItUnderstands() {
        let css = """
        /* c */ .a { display : none } p.b, #c{visibility:hidden!important} .d { display:block }
        td > span.e.f { display:none; color:red } a:hover, [x] { display:none }
        @media print { .g { display:none } } .h{DISPLAY:NONE}
        """
        let sel = StyleSheetHiding.hidingSelectors(css)
        #expect(sel.count == 5)   // .a, p.b, #c, td > span.e.f, .h
    }

    @Test func matchesElementClassIdAndCombinators() {
        let span = HTMLElement("span", ["class": "e f"], [.text("9")])
        let other = HTMLElement("span", ["class": "e"], [.text("7")])
        let td = HTMLElement("td", [:], [.element(span), .element(other)])
        let div = HTMLElement("div", ["id": "c"], [.text("x")])
        let root = HTMLElement("html", [:], [.element(HTMLElement("style", [:], [.text("td > span.e.f{display:none} #c{visibility:hidden}")])),
                                             .element(td), .element(div)])
        let out = StyleSheetHiding.apply(to: root)
        let tdOut = out.elements[1]
        #expect(tdOut.elements[0].isHidden)
        #expect(!tdOut.elements[1].isHidden)
        #expect(out.elements[2].isHidden)
    }

    @Test func descendantNeedsAnAncestorAndChildNeedsTheParent() {
        let s = StyleSheetHiding.selector("div > b")!
        let b = HTMLElement("b")
        let p = HTMLElement("p", [:], [.element(b)])
        let div = HTMLElement("div", [:], [.element(p)])
        #expect(!s.matches([div, p, b]))
        #expect(StyleSheetHiding.selector("div b")!.matches([div, p, b]))
        #expect(StyleSheetHiding.selector("a:hover") == nil)
    }
}
