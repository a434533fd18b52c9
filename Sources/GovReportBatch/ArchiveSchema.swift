/// The SQLite archive's schema (`govreport-batch/1`). The README shows it with example queries;
/// keep the two together.
public enum ArchiveSchema {
    public static let name = "govreport-batch/1"
    public static let userVersion = 1

    /// The `meta` rows: the schema, the document schema and the govreport version that wrote it.
    static let insertMeta =
        "INSERT INTO meta(key, value) VALUES ('schema', ?), ('document_schema', ?), ('govreport_version', ?)"

    /// Tables, created empty before the rows go in.
    public static let tables = """
        CREATE TABLE meta (
          key   TEXT PRIMARY KEY,
          value TEXT NOT NULL
        );
        -- One row per extracted report. id is a surrogate key in source order (1, 2, …).
        CREATE TABLE reports (
          id            INTEGER PRIMARY KEY,
          source        TEXT NOT NULL UNIQUE,   -- input path, as source.path
          sha256        TEXT NOT NULL,
          kind          TEXT NOT NULL,          -- pdf | text | html
          pages         INTEGER,
          title         TEXT,
          organization  TEXT,
          year          INTEGER,                -- the year the report covers
          template      TEXT NOT NULL,          -- 2021 | 2019
          overview                  TEXT,
          problems_and_improvements TEXT,
          other_matters             TEXT,
          findings      INTEGER NOT NULL,       -- number of validator findings
          diagnostics   INTEGER NOT NULL,       -- number of extractor diagnostics
          document      TEXT NOT NULL           -- the canonical govreport/1 JSON, one line
        );
        -- Every table cell: NULL for a cell printed blank; a row the report does not print has none.
        CREATE TABLE cells (
          report_id   INTEGER NOT NULL REFERENCES reports(id),
          table_name  TEXT NOT NULL,            -- active_disclosure | applications | review_litigation
          row_key     TEXT NOT NULL,            -- e.g. new_received, licensing, review
          column_key  TEXT NOT NULL,            -- e.g. total, decisions, upheld (amount_unit: text)
          value       NUMERIC,
          PRIMARY KEY (report_id, table_name, row_key, column_key)
        ) WITHOUT ROWID;
        -- The validator's findings (findings) and the extractor's notes (diagnostics), in document order.
        CREATE TABLE findings (
          report_id   INTEGER NOT NULL REFERENCES reports(id),
          seq         INTEGER NOT NULL,
          code        TEXT NOT NULL,            -- the rule, e.g. applications.balance
          severity    TEXT NOT NULL,            -- error | warning | info
          message     TEXT NOT NULL,
          table_name  TEXT, row_key TEXT, column_key TEXT, page INTEGER,
          expected    NUMERIC, actual NUMERIC,
          PRIMARY KEY (report_id, seq)
        ) WITHOUT ROWID;
        CREATE TABLE diagnostics (
          report_id   INTEGER NOT NULL REFERENCES reports(id),
          seq         INTEGER NOT NULL,
          code        TEXT NOT NULL,            -- e.g. label.fuzzy_match
          severity    TEXT NOT NULL,
          message     TEXT NOT NULL,
          table_name  TEXT, row_key TEXT, column_key TEXT, page INTEGER,
          expected    NUMERIC, actual NUMERIC,
          PRIMARY KEY (report_id, seq)
        ) WITHOUT ROWID;
        -- Inputs that could not be extracted.
        CREATE TABLE failures (
          source   TEXT PRIMARY KEY,
          sha256   TEXT,                        -- NULL when the file could not be read
          error    TEXT NOT NULL,               -- damaged_pdf, encrypted_pdf, timeout, crash, …
          message  TEXT NOT NULL
        );
        """

    /// `check --sqlite`: each finding's scope — `report` (a rule of the spec on the report's
    /// tables), `prose` (its text against its tables) or `cross_report` (across reports).
    public static let findingsScope = "ALTER TABLE findings ADD COLUMN scope TEXT NOT NULL DEFAULT 'report'"

    /// Indexes for the usual questions, made after the rows are in (faster than keeping them up),
    /// and the statistics that let SQLite choose between them (ANALYZE, on a sample).
    public static let indexes = """
        CREATE INDEX reports_by_organization ON reports(organization, year);
        CREATE INDEX reports_by_year ON reports(year, organization);
        CREATE INDEX reports_by_sha256 ON reports(sha256);
        CREATE INDEX cells_by_cell ON cells(table_name, row_key, column_key);
        CREATE INDEX findings_by_rule ON findings(code, severity);
        CREATE INDEX diagnostics_by_code ON diagnostics(code);
        CREATE INDEX failures_by_error ON failures(error);
        PRAGMA analysis_limit = 1000;
        ANALYZE;
        """

    /// The tables in the order rows are copied (parents first).
    public static let tableNames = ["reports", "cells", "findings", "diagnostics", "failures"]
}
