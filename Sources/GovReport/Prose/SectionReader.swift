/// Collects the prose of parts 一、五、六 into paragraphs separated by "\n".
public enum SectionReader {
    public static func sections(in lines: [DocumentLine]) -> CanonicalReport.Sections {
        var parts: [ReportPart: [DocumentLine]] = [:]
        var current: ReportPart?
        for line in lines {
            if let h = ReportPart.heading(line.text), h.rawValue > (current?.rawValue ?? 0) {
                current = h
                continue
            }
            if let current { parts[current, default: []].append(line) }
        }
        return CanonicalReport.Sections(overview: paragraphs(parts[.overview]),
                                        problemsAndImprovements: paragraphs(parts[.problems]),
                                        otherMatters: paragraphs(parts[.otherMatters]))
    }

    static func paragraphs(_ lines: [DocumentLine]?) -> String? {
        guard let lines, !lines.isEmpty else { return nil }
        var paras: [String] = []
        for line in lines {
            let text = TextNormalizer.display(line.text)
            guard !text.isEmpty else { continue }
            if line.startsParagraph || paras.isEmpty {
                paras.append(text)
            } else {
                paras[paras.count - 1] = TextNormalizer.display(paras[paras.count - 1] + " " + text)
            }
        }
        return paras.isEmpty ? nil : paras.joined(separator: "\n")
    }
}
