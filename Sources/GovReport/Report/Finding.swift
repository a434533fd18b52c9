import Foundation

/// Something said about a report: a validator finding or an extractor diagnostic.
/// Fields that do not apply are nil and left out of the JSON.
public struct Finding: Sendable, Equatable {
    public enum Severity: String, Sendable, Codable, Comparable {
        case error, warning, info
        var rank: Int { switch self { case .error: 0; case .warning: 1; case .info: 2 } }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var code: String
    public var severity: Severity
    public var message: String
    public var table: String?
    public var row: String?
    public var column: String?
    public var page: Int?
    public var expected: Decimal?
    public var actual: Decimal?

    public init(code: String, severity: Severity, message: String, table: String? = nil, row: String? = nil,
                column: String? = nil, page: Int? = nil, expected: Decimal? = nil, actual: Decimal? = nil) {
        self.code = code; self.severity = severity; self.message = message
        self.table = table; self.row = row; self.column = column; self.page = page
        self.expected = expected; self.actual = actual
    }

    public var json: JSONValue {
        var m = [JSONMember("code", .string(code)), JSONMember("severity", .string(severity.rawValue)),
                 JSONMember("message", .string(message))]
        if let table { m.append(JSONMember("table", .string(table))) }
        if let row { m.append(JSONMember("row", .string(row))) }
        if let column { m.append(JSONMember("column", .string(column))) }
        if let page { m.append(JSONMember("page", .number(Decimal(page)))) }
        if let expected { m.append(JSONMember("expected", .number(expected))) }
        if let actual { m.append(JSONMember("actual", .number(actual))) }
        return .object(m)
    }

    public init?(json: JSONValue) {
        guard let code = json["code"]?.string else { return nil }
        self.init(code: code,
                  severity: json["severity"]?.string.flatMap(Severity.init(rawValue:)) ?? .error,
                  message: json["message"]?.string ?? "",
                  table: json["table"]?.string, row: json["row"]?.string, column: json["column"]?.string,
                  page: json["page"]?.integer(in: 1...JSONValue.maxPage),
                  expected: json["expected"]?.decimal, actual: json["actual"]?.decimal)
    }
}
