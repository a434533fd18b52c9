/// govreport's version: the one place it is written. `govreport --version` prints it, the batch
/// manifest records it with each result and the SQLite archive keeps it in `meta`.
public enum GovReportVersion {
    public static let current = "1.0.0"
}
