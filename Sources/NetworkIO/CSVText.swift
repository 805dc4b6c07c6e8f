import CSV
import Foundation

/// Writing rows as CSV text (RFC 4180 quoting, LF line ends) through yaslab/CSV.swift.
public enum CSVText {
    public static func render(header: [String], rows: [[String]]) throws -> String {
        let stream = OutputStream(toMemory: ())
        stream.open()
        let writer = try CSVWriter(stream: stream)
        try writer.write(row: header)
        for row in rows { try writer.write(row: row) }
        stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Full double precision (the shortest text that reads back as the same number); NaN as an empty cell.
    public static func number(_ value: Double) -> String {
        value.isNaN ? "" : "\(value)"
    }
}
