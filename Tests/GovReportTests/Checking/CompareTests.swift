import Foundation
import Testing
@testable import GovReport
@testable import GovReportChecking

/// The year pairs of Fixtures/compare/ (Scripts/make-compare-fixtures.py): each pair's
/// `pair.json` holds the true tables of both reports and the paragraphs planted as reused.
enum ComparePairs {
    static let folder: URL = CheckingFixtures.folder.deletingLastPathComponent().appendingPathComponent("compare")
    static let names = ["planted", "none", "templates"]

    struct Pair {
        var name: String
        var truth: JSONValue
        var from: HarvestChecker.Entry
        var to: HarvestChecker.Entry
        var comparison: ReportComparison { ReportComparer.compare(from, to) }
    }

    /// The pair's web pages, or (`kind` "pdf") the same reports printed as PDFs.
    static func load(_ name: String, kind: String = "html") throws -> Pair {
        let dir = folder.appendingPathComponent(name)
        let truth = try JSONValue.parse(Data(contentsOf: dir.appendingPathComponent("pair.json")))
        func entry(_ side: String) throws -> HarvestChecker.Entry {
            let file = "\(name)/\((truth[side]!.string! as NSString).deletingPathExtension).\(kind)"
            return .init(path: file, report: try ReportExtractor.extract(path: folder.appendingPathComponent(file).path))
        }
        return Pair(name: name, truth: truth, from: try entry("from"), to: try entry("to"))
    }

    /// The true value of `table.row.column` in one side's tables (outer nil: the row is not printed).
    static func trueValue(_ truth: JSONValue, _ side: String, _ key: String) -> Decimal?? {
        let k = key.split(separator: ".").map(String.init)
        guard let row = truth["tables"]?[side]?[k[0]]?[k[1]], let cell = row[k[2]] else { return nil }
        return .some(cell.decimal)
    }
}

@Suite struct CompareTests {
    @Test(arguments: ComparePairs.names, ["html", "pdf"])
    func everyChangeIsTheDifferenceOfTheTrueNumbers(name: String, kind: String) throws {
        let pair = try ComparePairs.load(name, kind: kind)
        let c = pair.comparison
        #expect(!c.cells.isEmpty)
        for cell in c.cells {
            let from = ComparePairs.trueValue(pair.truth, "from", cell.key), to = ComparePairs.trueValue(pair.truth, "to", cell.key)
            #expect(from != nil && to != nil, "\(cell.key) is not in both truths")
            #expect(cell.from == from! && cell.to == to!, "\(name) \(cell.key)")
            #expect(cell.change == (to! ?? 0) - (from! ?? 0), "\(name) \(cell.key)")
        }
        // Every cell the truths have on one side only is listed apart, and nothing else is.
        for key in c.onlyInFrom { #expect(ComparePairs.trueValue(pair.truth, "to", key) == nil, "\(key)") }
        for key in c.onlyInTo { #expect(ComparePairs.trueValue(pair.truth, "from", key) == nil, "\(key)") }
        // The carried numbers: the generator carries year N's 结转 into N+1, exactly.
        #expect(c.carryOver.count == 7)
        for co in c.carryOver {
            #expect(co.carriedForward == ComparePairs.trueValue(pair.truth, "from", "applications.carried_forward.\(co.column)")!)
            #expect(co.carriedOver == ComparePairs.trueValue(pair.truth, "to", "applications.carried_over.\(co.column)")!)
            #expect(co.ok)
        }
        #expect(c.warnings.isEmpty)
        #expect(!c.checked.to.findings.contains { $0.code == "cross.carry_over" })
    }

    @Test(arguments: ComparePairs.names)
    func thePlantedParagraphsAndNoOthersAreFound(name: String) throws {
        let pair = try ComparePairs.load(name)
        let planted = Set((pair.truth["reused"]?.array ?? []).map {
            "\($0["part"]!.string!) \($0["to_paragraph"]!.decimal!) ← \($0["from_paragraph"]!.decimal!)"
        })
        let found = try #require(pair.comparison.prose).reused
        #expect(Set(found.map { "\($0.part) \($0.toParagraph) ← \($0.fromParagraph)" }) == planted)
        #expect(found.allSatisfy { $0.similarity >= ProseReuse.threshold })
    }

    /// The PDFs' prose keeps its wrap breaks: the reused lines are exactly the lines of the
    /// planted paragraphs, and the shares are the web pages'.
    @Test(arguments: ComparePairs.names)
    func inThePDFsThePlantedParagraphsAreFoundLineByLine(name: String) throws {
        let web = try #require(try ComparePairs.load(name).comparison.prose)
        let pdf = try #require(try ComparePairs.load(name, kind: "pdf").comparison.prose)
        let planted = web.reused.map { (part: $0.part, text: String(ProseReuse.normalized($0.toText))) }
        var covered = [String](repeating: "", count: planted.count)
        for line in pdf.reused {
            let text = String(ProseReuse.normalized(line.toText))
            let owner = planted.firstIndex { $0.part == line.part && $0.text.contains(text) }
            #expect(owner != nil, "\(line.part) ¶\(line.toParagraph) is not in a planted paragraph: \(line.toText)")
            if let owner { covered[owner] += text }
        }
        #expect(covered == planted.map(\.text))
        #expect(pdf.reusedShare.map(\.part) == web.reusedShare.map(\.part))
        for (a, b) in zip(pdf.reusedShare, web.reusedShare) { #expect(abs(a.share - b.share) <= 0.02, "\(a.part)") }
    }

    @Test func thePlantedPairHasItsShares() throws {
        let c = try ComparePairs.load("planted").comparison
        let shares = Dictionary(uniqueKeysWithValues: try #require(c.prose).reusedShare.map { ($0.part, $0.share) })
        #expect(shares.keys.sorted() == ["other_matters", "overview", "problems_and_improvements"])
        // 3 of 5 paragraphs of 一 (by characters), 1 of 2 of 五, both of 六.
        #expect(shares["overview"]! > 0.5 && shares["overview"]! < 0.7)
        #expect(shares["problems_and_improvements"]! > 0.4 && shares["problems_and_improvements"]! < 0.6)
        // 六: both paragraphs; the signature lines (机关, 日期) are too short to compare.
        #expect(shares["other_matters"]! > 0.75)
        // check: parts 一 and 六 are mostly last year's text; 五 is half of it, not mostly.
        let prose = c.checked.to.findings.filter { $0.code == "cross.prose_reused" }
        #expect(prose.count == 2 && prose.allSatisfy { $0.severity == .warning })
        #expect(prose.map { $0.finding.message.hasPrefix("一、总体情况") || $0.finding.message.hasPrefix("六、其他需要报告的事项") } == [true, true])
        #expect(c.checked.from.findings.isEmpty)
    }

    /// Paragraphs saying the same things in other words stay well below the threshold.
    @Test func rewordedParagraphsAreNotReused() throws {
        let c = try ComparePairs.load("none").comparison
        let prose = try #require(c.prose)
        #expect(prose.reused.isEmpty && prose.reusedShare.allSatisfy { $0.share == 0 })
        var highest = 0.0
        for (part, _) in ProseReuse.parts {
            func compared(_ s: CanonicalReport.Sections) -> [[Character]] {
                ProseReuse.paragraphs(ProseReuse.text(s, part)).map(ProseReuse.normalized).filter { $0.count >= ProseReuse.minimumCharacters }
            }
            let old = compared(c.from.report.sections).map(ProseReuse.trigrams)
            for p in compared(c.to.report.sections) {
                let g = ProseReuse.trigrams(p)
                highest = max(highest, old.map { ProseReuse.dice(g, $0) }.max() ?? 0)
            }
        }
        #expect(highest < 0.5, "highest similarity between reworded paragraphs: \(highest)")
        #expect(c.checked.to.findings.isEmpty)
    }

    @Test func unrelatedReportsShareNoProseAndSaySo() throws {
        let a = try ComparePairs.load("planted"), b = try ComparePairs.load("templates")
        // planted's 2022 and templates' 2021 print the same 一、总体情况 wordings, for two bodies.
        let c = ReportComparer.compare(a.from, b.to)
        #expect(c.prose == nil)
        #expect(c.warnings.map(\.code) == ["compare.organizations", "compare.years"])
        #expect(CompareJSONWriter().json(c)["prose"]?["reused"]?.array?.isEmpty == true)
        #expect(!c.checked.to.findings.contains { $0.code.hasPrefix("cross.") })
    }

    @Test func yearsInTheWrongOrderAreSaid() throws {
        let p = try ComparePairs.load("none")
        let c = ReportComparer.compare(p.to, p.from)
        #expect(c.warnings.map(\.code) == ["compare.years"])
        #expect(c.warnings[0].finding.message.contains("not later than"))
    }

    @Test func acrossTheTwoTemplatesTheCellsOnlyOneHasAreListedApart() throws {
        let c = try ComparePairs.load("templates").comparison
        #expect(c.from.report.report.template == .v2019 && c.to.report.report.template == .v2021)
        #expect(c.onlyInFrom.contains("active_disclosure.licensing.previous_items"))
        #expect(c.onlyInFrom.contains("active_disclosure.procurement.amount"))
        #expect(c.onlyInFrom.contains("applications.other_processing.total"))
        #expect(c.onlyInTo.contains("active_disclosure.fees.amount"))
        #expect(c.onlyInTo.contains("applications.other_misc.total"))
        #expect(c.cells.contains { $0.key == "active_disclosure.licensing.decisions" })
        // Template order: the later report's.
        let order = ReportComparer.templateCells(.v2021).map { "\($0.table).\($0.row).\($0.column)" }
        let positions = c.cells.map { order.firstIndex(of: $0.key)! }
        #expect(positions == positions.sorted())
    }

    @Test func biggestChangesComeFirst() throws {
        let changes = try ComparePairs.load("planted").comparison.biggestChangesFirst.map { abs($0.change) }
        #expect(!changes.isEmpty && changes == changes.sorted(by: >) && !changes.contains(0))
    }

    @Test func numbersAndYearsAreMasked() {
        #expect(ProseReuse.normalized("2023年，全年收到申请12件，办结3.5%。") == ProseReuse.normalized("2024年，全年收到申请15件，办结10.25%。"))
        #expect(ProseReuse.normalized("二〇二三年开展培训两次") == ProseReuse.normalized("二〇二四年开展培训三次"))
        #expect(ProseReuse.normalized("一是部分栏目更新不够及时") == Array("一是部分栏目更新不够及时"))
        #expect(ProseReuse.normalized("（一）主动公开情况").count < ProseReuse.minimumCharacters)
    }

    @Test func harvestModePairsEachOrganizationsConsecutiveYears() throws {
        var entries: [HarvestChecker.Entry] = []
        for name in ComparePairs.names {
            let p = try ComparePairs.load(name)
            entries += [p.to, p.from]
        }
        entries.append(entries[0])  // the same report twice: left out
        let (pairs, left) = ReportComparer.pairs(entries)
        #expect(left == [6])
        #expect(pairs.map { "\(entries[$0.from].path) → \(entries[$0.to].path)" }.sorted() == [
            "none/shuili-2023.html → none/shuili-2024.html", "planted/wenlv-2022.html → planted/wenlv-2023.html",
            "templates/shenji-2020.html → templates/shenji-2021.html",
        ])
    }

    @Test func theJSONContract() throws {
        let json = CompareJSONWriter().json(try ComparePairs.load("planted").comparison)
        #expect(json.members?.map(\.key) == ["schema", "from", "to", "cells", "only_in_from", "only_in_to", "carry_over", "prose", "findings"])
        #expect(json["schema"]?.string == "govreport-compare/1")
        #expect(json["from"]?.members?.map(\.key) == ["path", "sha256", "organization", "year", "template"])
        let cell = try #require(json["cells"]?.array?.first)
        #expect(cell.members?.map(\.key) == ["table", "row", "column", "from", "to", "change"])
        #expect(json["carry_over"]?.array?.first?.members?.map(\.key) == ["column", "carried_forward", "carried_over", "ok"])
        let reused = try #require(json["prose"]?["reused"]?.array?.first)
        #expect(reused.members?.map(\.key) == ["part", "to_paragraph", "from_paragraph", "similarity"])
        #expect(json["prose"]?["reused_share"]?["other_matters"]?.decimal == Decimal(string: "0.81"))
        let findings = try #require(json["findings"]?.array)
        #expect(findings.contains { $0["code"]?.string == "cross.prose_reused" && $0["report"]?.string == "to" })
        // Deterministic.
        #expect(CompareJSONWriter().json(try ComparePairs.load("planted").comparison).serialized() == json.serialized())
    }

    @Test func theTextViewListsTheBiggestChangeFirst() throws {
        let c = try ComparePairs.load("planted").comparison
        let text = CompareTextWriter().write(c)
        let first = try #require(c.biggestChangesFirst.first)
        let lines = text.split(separator: "\n").map(String.init)
        let at = try #require(lines.firstIndex { $0.hasPrefix("cells: ") })
        #expect(lines[at + 1].hasPrefix("  \(first.key) "))
        #expect(text.contains("carry-over (from 四、结转下年度继续办理 → to 二、上年结转): every column agrees"))
        #expect(text.contains("overview ¶4 ← ¶5"))
        #expect(!text.contains("\u{1B}["))
        #expect(CompareTextWriter(color: true).write(c).contains("\u{1B}["))
    }
}

@Suite struct ProseReuseTests {
    static func similarity(_ a: String, _ b: String) -> Double {
        ProseReuse.dice(ProseReuse.trigrams(ProseReuse.normalized(a)), ProseReuse.trigrams(ProseReuse.normalized(b)))
    }

    /// Nearly the same: one clause of a paragraph reworded, or a short clause added.
    @Test func oneClauseInTenRewordedIsStillReused() {
        let last = "2023年，我局政府信息公开工作取得一定成效，但仍存在不足：一是部分栏目更新不够及时，公开内容的深度和广度有待拓展；二是政策解读形式较为单一，图解、音视频等解读方式运用不多；三是依申请公开答复的规范化水平仍需提升。"
        let edited = "2024年，我局政府信息公开工作取得一定成效，但仍存在不足：一是部分栏目更新不够及时，公开内容的深度和广度有待拓展；二是政策解读形式较为单一，图解、音视频等解读方式运用较少；三是依申请公开答复的规范化水平仍需提升。"
        let added = last + "四是培训不足。"
        #expect(Self.similarity(last, edited) >= ProseReuse.threshold, "\(Self.similarity(last, edited))")
        #expect(Self.similarity(last, added) >= ProseReuse.threshold, "\(Self.similarity(last, added))")
        let old = CanonicalReport.Sections(overview: nil, problemsAndImprovements: "（一）存在问题\n" + last, otherMatters: nil)
        let new = CanonicalReport.Sections(overview: nil, problemsAndImprovements: "（一）存在问题\n" + edited, otherMatters: "无。")
        let r = ProseReuse.compare(from: old, to: new)
        // The heading is too short to compare; 六 has text but nothing to compare it with.
        #expect(r.reused.map { "\($0.part) \($0.toParagraph) ← \($0.fromParagraph)" } == ["problems_and_improvements 2 ← 2"])
        #expect(r.reusedShare.map(\.part) == ["problems_and_improvements", "other_matters"])
        #expect(r.reusedShare[0].share > 0.9 && r.reusedShare[1].share == 0)
        #expect(ProseReuse.mostlyReusedParts(r).map(\.part) == ["problems_and_improvements"])
    }

    /// Two different paragraphs on one subject share stock phrases, not the text.
    @Test func differentParagraphsOnOneSubjectAreNot() {
        let a = "（一）主动公开情况。全年通过门户网站公开各类政府信息1234条，其中政策文件56件，及时发布工作动态、通知公告和人事信息。"
        let b = "（一）主动公开情况。本年度依托政府网站专栏和政务微信公众号累计发布信息1301条，重点公开规划计划、财政资金和项目建设，发布文件61件。"
        #expect(Self.similarity(a, b) < 0.5, "\(Self.similarity(a, b))")
    }
}

extension ProseReuseTests {
    /// Lines an extraction left unjoined wrap at other places once a number gets longer; a
    /// paragraph split in two still repeats last year's one.
    @Test func wrappedLinesAndSplitParagraphsStillMatch() {
        func wrap(_ s: String, _ width: Int) -> String {
            var lines: [String] = [], line = ""
            for c in s { line.append(c); if line.count == width { lines.append(line); line = "" } }
            return (lines + (line.isEmpty ? [] : [line])).joined(separator: "\n")
        }
        let last = "2023年，全年共收到政府信息公开申请8件，上年结转1件，共办结9件，其中予以公开6件，部分公开1件，不予公开1件，无法提供1件。严格执行登记、审核、答复等程序，所有申请均在法定期限内答复，未发生行政复议和行政诉讼。"
        let this = "2024年，全年共收到政府信息公开申请126件，上年结转13件，共办结131件，其中予以公开96件，部分公开11件，不予公开10件，无法提供14件。严格执行登记、审核、答复等程序，所有申请均在法定期限内答复，未发生行政复议和行政诉讼。"
        let old = CanonicalReport.Sections(overview: wrap(last, 28), problemsAndImprovements: nil, otherMatters: nil)
        let new = CanonicalReport.Sections(overview: wrap(this, 28), problemsAndImprovements: nil, otherMatters: nil)
        let r = ProseReuse.compare(from: old, to: new)
        let lines = ProseReuse.paragraphs(new.overview).filter { ProseReuse.normalized($0).count >= ProseReuse.minimumCharacters }
        #expect(r.reused.count == lines.count, "\(r.reused.map { ($0.toParagraph, $0.fromParagraph, $0.similarity) })")
        #expect(r.reusedShare.first!.share > 0.9)

        let half = last.firstIndex(of: "严")!
        let split = CanonicalReport.Sections(overview: String(last[..<half]) + "\n" + String(last[half...]),
                                             problemsAndImprovements: nil, otherMatters: nil)
        let whole = CanonicalReport.Sections(overview: last, problemsAndImprovements: nil, otherMatters: nil)
        #expect(ProseReuse.compare(from: whole, to: split).reused.map(\.fromParagraph) == [1, 1])
        #expect(ProseReuse.compare(from: split, to: whole).reused.map(\.similarity) == [1])
    }
}
