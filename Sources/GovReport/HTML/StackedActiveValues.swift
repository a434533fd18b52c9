extension HTMLTableReader {
    /// An active-disclosure row's value slots (each filled cell's lines, nil for a blank slot)
    /// with each cell that stacks n numbers one a line spread over itself and the n − 1 blank
    /// slots before it, in print order; nil when no cell spreads.
    ///
    /// pymupdf4llm's `text` strategy draws no line between columns it did not see ruled and
    /// writes their numbers in one cell, one a line (`3<br>51`), leaving the other slots blank;
    /// run together the lines read as one wrong number (351). The lines could also be one
    /// number wrapped in a narrow cell, so the reader marks the row's cells in doubt.
    static func spreadStacked(_ slots: [[String]?]) -> [String?]? {
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
        return spread ? values : nil
    }
}
