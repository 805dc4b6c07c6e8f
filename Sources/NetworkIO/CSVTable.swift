import Foundation
import NetworkModel

/// A spreadsheet read from CSV text: a header and, column by column, the cells of every data row,
/// with the file line each row starts on.
///
/// Read byte by byte (`CSVParser`): the delimiter detected from the header (`,`, `;` or tab, or an Excel
/// `sep=` line), RFC 4180 quoting, line numbers that stay right across quoted line breaks, a clear error
/// for an unclosed quote or text after a closing quote, blank rows skipped, and rows longer than the
/// header refused unless the extra cells are empty (as Excel leaves them). Each column's cells are
/// interned (`CSVColumn`), so a value written many times is stored and parsed once.
///
/// - Complexity: O(size of the text); 4 bytes per cell plus each column's distinct values, and 4 bytes
///   per row for its line.
public struct CSVTable: Sendable {
    public let file: String
    public let delimiter: Character
    /// Header cells, trimmed of spaces.
    public let header: [String]
    /// Line the header is on (2 after a `sep=` line).
    public let headerLine: Int
    /// `columns[c][r]`: the cell of data row `r` in column `c` (empty when the row is short).
    public let columns: [CSVColumn]
    /// Line each data row starts on.
    public let lines: RowLines

    public var rowCount: Int { lines.count }

    /// Whether numbers may be written with a decimal comma (`0,5`), as in `;`-separated files from
    /// European Excel and R's `write.csv2`.
    public var allowsDecimalComma: Bool { delimiter == ";" }

    /// A table whose cells were read elsewhere (a workbook sheet, a matrix): `lines[r]` is where row r is
    /// (a sheet's row number).
    init(file: String, header: [String], headerLine: Int, columns: [[String]], lines: [Int]) {
        precondition(columns.count == header.count && columns.allSatisfy { $0.count == lines.count })
        self.file = file
        self.delimiter = ","
        self.header = header.map { $0.trimmingSpaces }
        self.headerLine = headerLine
        self.columns = columns.map(CSVColumn.init)
        self.lines = RowLines(lines.map { Int32(clamping: $0) })
    }

    init(file: String, delimiter: Character, header: [String], headerLine: Int, columns: [CSVColumn], lines: [Int32]) {
        self.file = file
        self.delimiter = delimiter
        self.header = header
        self.headerLine = headerLine
        self.columns = columns
        self.lines = RowLines(lines)
    }

    /// - Throws: `InputError` for an empty file, a file with no header, an unclosed quote, or text after a closing quote.
    public init(text: String, file: String) throws {
        var text = text
        self = try text.withUTF8 { try CSVParser.table(UnsafeRawBufferPointer($0), file: file) }
    }

    /// The table in a file's bytes, checked as `TextDecoding` checks text (UTF-8 or UTF-16 with a byte-order
    /// mark, no NUL bytes) without first making it a `String`.
    /// - Throws: `InputError` for text that is not UTF-8 and for every problem `init(text:file:)` throws for.
    public init(data: Data, file: String) throws {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            try self.init(text: TextDecoding.decode(data, file: file), file: file)
            return
        }
        self = try data.withUnsafeBytes { raw in
            let skip = raw.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            let body = UnsafeRawBufferPointer(rebasing: raw[skip...])
            try TextDecoding.checkUTF8(body, whole: data, offset: skip, file: file)
            return try CSVParser.table(body, file: file)
        }
    }

    /// Cells longer than this (bytes) are refused: no name or value is that long, a runaway quote is.
    public static let cellLimit = 1 << 20
    /// Headers wider than this are refused.
    public static let columnLimit = 10_000

    /// The header for messages: its first `count` names, then how many more.
    public func headerSummary(_ count: Int = 20) -> String { CSVTable.summary(header, count) }

    static func summary(_ header: [String], _ count: Int = 20) -> String {
        header.count <= count ? header.joined(separator: ", ") : header.prefix(count).joined(separator: ", ") + ", … (\(header.count - count) more)"
    }

    static func name(of delimiter: Character) -> String { delimiter == "\t" ? "tab" : String(delimiter) }
}

/// The line each row of a table starts on, 4 bytes a row.
public struct RowLines: RandomAccessCollection, Sendable {
    let storage: [Int32]
    init(_ storage: [Int32]) { self.storage = storage }
    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.count }
    public subscript(row: Int) -> Int { Int(storage[row]) }
}
