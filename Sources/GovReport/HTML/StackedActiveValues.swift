extension HTMLTableReader {
    /// An active-disclosure row's value slots (each filled cell's lines, nil for a blank slot)
    /// with each cell that stacks n numbers one a line spread over itself and the n − 1 blank
    /// slots before it, in print order; nil when no cell spreads.
    ///
    /// pymupdf4llm's `text` strategy draws no line between columns it did not see ruled and
    /// writes their numbers in one cell, one a line (`3<br>51`), leaving the other slots blank;
    /// run together the lines read as one wrong number (351). The lines could also be one
    /// number wrapped in a narrow cell, so the reader marks the row's cells in doubt.
    static func spreadStacked(_ slots: [[String]?], named: Int = 0) -> [String?]? {
        var values: [String?] = slots.map { $0?.joined() }
        var spread = false
        for (k, lines) in slots.enumerated() {
            guard let lines, lines.count >= 2, lines.count - 1 <= k,
                  lines.allSatisfy({ if case .number = ValueParser.parse($0) { true } else { false } }),
                  slots[(k - lines.count + 1)..<k].allSatisfy({ $0 == nil })
            else { continue }
            for (i, line) in lines.enumerated() { values[k - lines.count + 1 + i] = line }
            spread = true
        }
        return spread ? values : spreadOver(slots, named: named)
    }

    /// A row with fewer value slots than its header names fields, none blank, and one cell
    /// stacking as many numbers as are missing and its own (`规章 | 0 | 0<br>1` under
    /// 本年制发件数 | 本年废止件数现行有效件数: the converter drew no line between the last two
    /// columns and merged their header cells too): that cell's numbers each take a slot, in
    /// print order.
    static func spreadOver(_ slots: [[String]?], named: Int) -> [String?]? {
        let missing = named - slots.count
        guard missing > 0, !slots.contains(where: { $0 == nil }) else { return nil }
        let stacked = slots.indices.filter { k in
            guard let lines = slots[k], lines.count >= 2 else { return false }
            return lines.allSatisfy { if case .number = ValueParser.parse($0) { true } else { false } }
        }
        guard stacked.count == 1, let k = stacked.first, let lines = slots[k], lines.count == missing + 1 else { return nil }
        var values: [String?] = slots.map { $0?.joined() }
        values.replaceSubrange(k...k, with: lines.map { Optional($0) })
        return values
    }

    /// How many value columns an active-disclosure sub-table's header names (信息内容
    /// 本年制发件数 本年废止件数现行有效件数: three), each field name counted once where names
    /// run together.
    static func namedFields(_ header: String) -> Int {
        let key = Array(TextNormalizer.key(header))
        var count = 0, i = 0
        while i < key.count {
            if let name = activeFieldNames.first(where: { key[i...].starts(with: $0) }) {
                count += 1
                i += name.count
            } else {
                i += 1
            }
        }
        return count
    }

    /// Both formats' active-disclosure field headers, longest first (本年处理决定数量 before
    /// 处理决定数量), as keys.
    static let activeFieldNames: [[Character]] = [
        "本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额", "本年新制作数量", "本年新公开数量",
        "对外公开总数量", "上一年项目数量", "本年增/减", "处理决定数量", "采购项目数量", "采购总金额",
    ].map { Array(TextNormalizer.key($0)) }.sorted { $0.count > $1.count }
}
