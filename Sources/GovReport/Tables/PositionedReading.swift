/// A positioned-text report (a PDF, or laid-out text on its character grid) with what its
/// reading saw: the page layouts its tables were read from (with rulings when they were used)
/// and every stage of the table finder as that reading ran. The debug view draws these, so it
/// shows the run that made the report.
public struct PositionedReading: Sendable {
    public var report: CanonicalReport
    public var layouts: [PageLayout]
    var stages: [TableStages]
    /// Pages (by number) whose text is turned 90°: their layouts are in the text's frame.
    public var turns: [Int: RotatedText.Turn] = [:]
}
