import Foundation
import GovReport

/// Rules across the reports of a harvest: an organization's carried numbers from one year to
/// the next, the same report harvested twice, and a year missing in an organization's run.
/// Organizations are the same when their names are (after text normalization); the year is
/// the one the report covers.
public enum HarvestChecker {
    /// One report of a harvest: its path (as given, or as its canonical JSON records it) and the
    /// document.
    public struct Entry: Sendable {
        /// The report's path: its identity in findings and across reports.
        public var path: String
        /// The canonical document.
        public var report: CanonicalReport
        public init(path: String, report: CanonicalReport) { self.path = path; self.report = report }
    }

    /// A report with this many non-zero cells is unlikely to share all its numbers with another
    /// organization's by chance (two small bodies' reports are often all zeros).
    static let informativeCells = 8

    /// Cross-report findings for each entry, in the entries' order. A finding is put on the
    /// later report of the two it concerns (the later year, or the second copy).
    public static func findings(_ entries: [Entry]) -> [[CheckFinding]] {
        var out = [[CheckFinding]](repeating: [], count: entries.count)
        let copies = duplicates(entries)
        for (later, earlier, sameFile) in copies {
            out[later].append(duplicateFinding(entries[later], of: entries[earlier], sameFile: sameFile))
        }
        // A second copy of one report (same file, or same organization, year and numbers) is
        // left out of the year rules; a report that merely repeats another year's numbers is not.
        let skipped = Set(copies.filter { $0.sameFile || sameReport(entries[$0.later], entries[$0.earlier]) }.map(\.later))
        var byOrg: [String: [Int]] = [:]
        for (i, e) in entries.enumerated() where !skipped.contains(i) {
            guard let org = organizationKey(e.report), e.report.report.year != nil else { continue }
            byOrg[org, default: []].append(i)
        }
        for org in byOrg.keys.sorted() {
            let members = byOrg[org]!
            for b in members {
                let year = entries[b].report.report.year!
                for a in members where entries[a].report.report.year == year - 1 {
                    out[b] += carryFindings(from: entries[a], to: entries[b]) + proseFindings(from: entries[a], to: entries[b])
                }
            }
            let years = Set(members.map { entries[$0].report.report.year! }).sorted()
            for (prev, next) in zip(years, years.dropFirst()) where next - prev > 1 {
                let first = members.first { entries[$0].report.report.year == next }!
                let before = members.first { entries[$0].report.report.year == prev }!
                out[first].append(missingYearFinding(entries[first], previous: entries[before], prev: prev, next: next))
            }
        }
        return out
    }

    /// The organization as matched across reports: the report's organization, normalized.
    public static func organizationKey(_ r: CanonicalReport) -> String? {
        guard let org = r.report.organization else { return nil }
        let k = TextNormalizer.key(org)
        return k.isEmpty ? nil : k
    }

    // MARK: carried numbers

    /// One column of the carried numbers: year N's 四、结转下年度继续办理 against year N+1's
    /// 二、上年结转 (as printed; a blank counts as 0 in `ok`).
    public struct CarryOver: Sendable, Equatable {
        /// The applications column's JSON key (`natural_person`, …, `total`).
        public var column: String
        /// The earlier report's 四、结转下年度继续办理 in the column (nil: blank).
        public var carriedForward: Decimal?
        /// The later report's 二、上年结转政府信息公开申请数量 in the column (nil: blank).
        public var carriedOver: Decimal?
        /// Whether the two agree, a blank counting as 0.
        public var ok: Bool { (carriedForward ?? 0) == (carriedOver ?? 0) }
    }

    /// Column by column, the earlier report's carried-forward row against the later report's
    /// carried-over row; empty when either report does not print its row.
    public static func carryOver(from a: CanonicalReport, to b: CanonicalReport) -> [CarryOver] {
        guard let forward = a.applications[.carriedForward], let over = b.applications[.carriedOver] else { return [] }
        return ApplicationColumn.allCases.map {
            CarryOver(column: $0.rawValue, carriedForward: forward[$0], carriedOver: over[$0])
        }
    }

    static func carryFindings(from a: Entry, to b: Entry) -> [CheckFinding] {
        let page = b.report.applications[.carriedOver]?.page
        let yearA = a.report.report.year.map(String.init) ?? "?"
        return carryOver(from: a.report, to: b.report).filter { !$0.ok }.map { c in
            let column = c.column, was = c.carriedForward ?? 0, now = c.carriedOver ?? 0
            let cells = ApplicationColumn(rawValue: column).map { col in
                [CellRef.of(b.report, .application(.carriedOver, col)),
                 CellRef.of(a.report, .application(.carriedForward, col), in: a.path)]
            } ?? []
            return CheckFinding(
                Finding(code: "cross.carry_over", severity: .error,
                        message: "二、上年结转 is \(now) in column \(column) but the \(yearA) report (\(a.path)) carried \(was) forward (四、结转下年度继续办理)",
                        table: TemplateTable.applications.rawValue, row: ApplicationRow.carriedOver.rawValue,
                        column: column, page: page,
                        expected: was, actual: now),
                cells: cells.compactMap { $0 }, otherReports: [a.path])
        }
    }

    // MARK: prose copied from last year

    /// `cross.prose_reused`: a part of the later report that is mostly the earlier report's text.
    static func proseFindings(from a: Entry, to b: Entry) -> [CheckFinding] {
        let result = ProseReuse.compare(from: a.report.sections, to: b.report.sections)
        let yearA = a.report.report.year.map(String.init) ?? "?"
        return ProseReuse.mostlyReusedParts(result).map { part, share in
            let heading = ProseReuse.parts.first { $0.key == part }?.heading ?? part
            let mine = result.reused.filter { $0.part == part }
            let percent = Int((share * 100).rounded())
            return CheckFinding(
                Finding(code: "cross.prose_reused", severity: .warning,
                        message: "\(heading) is mostly the \(yearA) report's text (\(a.path)): \(percent)% of it repeats \(mine.count) paragraph(s) of that report, numbers aside"),
                quotes: mine.prefix(1).flatMap { ["本年：\($0.toText)", "上年：\($0.fromText)"] },
                otherReports: [a.path])
        }
    }

    // MARK: duplicates

    /// Pairs (later, earlier, same file) of entries that are one report harvested twice: the
    /// same file content under two names, or the same numbers in every table (for different
    /// organizations or years only when the tables are informative enough).
    static func duplicates(_ entries: [Entry]) -> [(later: Int, earlier: Int, sameFile: Bool)] {
        var out: [(later: Int, earlier: Int, sameFile: Bool)] = []
        var bySHA: [String: Int] = [:], byNumbers: [String: Int] = [:]
        for (i, e) in entries.enumerated() {
            let sha = e.report.source.sha256
            if !sha.isEmpty, let first = bySHA[sha] {
                if entries[first].path != e.path { out.append((i, first, true)) }
                continue
            }
            if !sha.isEmpty { bySHA[sha] = i }
            let numbers = signature(e.report)
            guard !numbers.isEmpty else { continue }
            if let first = byNumbers[numbers], entries[first].path != e.path {
                if sameReport(entries[first], e) || nonZeroCells(e.report) >= informativeCells { out.append((i, first, false)) }
                continue
            }
            byNumbers[numbers] = byNumbers[numbers] ?? i
        }
        return out
    }

    /// Same organization and year.
    static func sameReport(_ a: Entry, _ b: Entry) -> Bool {
        organizationKey(a.report) == organizationKey(b.report) && a.report.report.year == b.report.report.year
    }

    /// Every cell of the three tables in order (empty when the report has no tables).
    static func signature(_ r: CanonicalReport) -> String {
        [("a", r.activeDisclosure), ("b", r.applications), ("c", r.reviewLitigation)].flatMap { name, t in
            t.rows.map { row in "\(name).\(row.key)=" + row.values.map { $0.map { "\($0)" } ?? "-" }.joined(separator: ",") }
        }.joined(separator: ";")
    }

    static func nonZeroCells(_ r: CanonicalReport) -> Int {
        [r.activeDisclosure, r.applications, r.reviewLitigation].reduce(0) { n, t in
            n + t.rows.reduce(0) { $0 + $1.values.filter { ($0 ?? 0) != 0 }.count }
        }
    }

    static func duplicateFinding(_ e: Entry, of first: Entry, sameFile: Bool) -> CheckFinding {
        let what = sameFile ? "the same file (SHA-256) as" : "the same numbers in every table as"
        return CheckFinding(
            Finding(code: "cross.duplicate", severity: .warning,
                    message: "this report has \(what) \(first.path)\(describe(first.report))"),
            otherReports: [first.path])
    }

    static func describe(_ r: CanonicalReport) -> String {
        let name = [r.report.organization, r.report.year.map(String.init)].compactMap { $0 }.joined(separator: " ")
        return name.isEmpty ? "" : " (\(name))"
    }

    // MARK: missing years

    static func missingYearFinding(_ e: Entry, previous: Entry, prev: Int, next: Int) -> CheckFinding {
        let missing = (prev + 1)..<next
        let years = missing.count == 1 ? "\(prev + 1)" : "\(prev + 1)–\(next - 1)"
        return CheckFinding(
            Finding(code: "cross.missing_year", severity: .warning,
                    message: "no report of \(e.report.report.organization ?? "this organization") for \(years) between \(prev) (\(previous.path)) and \(next)"),
            otherReports: [previous.path])
    }
}
