import Foundation

/// Writing rows as CSV text: RFC 4180 quoting (a field holding a comma, a quote or a line break is
/// quoted, its quotes doubled), LF line ends. Written by hand rather than through CSV.swift's writer,
/// which took over a minute for the five million ties of a generated network; this takes seconds.
/// (Reading is `CSVParser`'s; `CSVStreamWriter` writes a file too large to hold as text.)
public enum CSVText {
    public static func render(header: [String], rows: [[String]]) throws -> String {
        var out = ""
        out.reserveCapacity(64 * (rows.count + 1))
        append(header, to: &out)
        for row in rows { append(row, to: &out) }
        return out
    }

    /// Appends one record and its line end.
    public static func append(_ row: [String], to out: inout String) {
        for (i, field) in row.enumerated() {
            if i > 0 { out += "," }
            if field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) {
                out += "\""
                out += field.replacingOccurrences(of: "\"", with: "\"\"")
                out += "\""
            } else {
                out += field
            }
        }
        out += "\n"
    }

    /// Full double precision (the shortest text that reads back as the same number); NaN as an empty cell.
    public static func number(_ value: Double) -> String {
        value.isNaN ? "" : "\(value)"
    }
}
