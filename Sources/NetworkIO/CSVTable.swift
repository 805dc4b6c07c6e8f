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
    public internal(set) var columns: [CSVColumn]
    /// Line each data row starts on.
    public let lines: RowLines
    /// Columns whose codes index one list of values (a tie table's two ends); empty when none do.
    public let sharedValues: [Int]

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
        sharedValues = []
    }

    init(file: String, delimiter: Character, header: [String], headerLine: Int, columns: [CSVColumn], lines: [Int32], sharedValues: [Int] = []) {
        self.file = file
        self.delimiter = delimiter
        self.header = header
        self.headerLine = headerLine
        self.columns = columns
        self.lines = RowLines(lines)
        self.sharedValues = sharedValues
    }

    /// - Throws: `InputError` for an empty file, a file with no header, an unclosed quote, or text after a closing quote.
    public init(text: String, file: String) throws {
        try self.init(text: text, file: file, parts: nil)
    }

    /// `parts`: how many threads read the rows (`nil`: as many as are worth it); the table is the same for any.
    init(text: String, file: String, parts: Int?, plan: (([String]) -> CSVColumnPlan?)? = nil) throws {
        var text = text
        self = try text.withUTF8 { try CSVParser.table(CSVSource(memory: UnsafeRawBufferPointer($0), start: 0, file: file), parts: parts, plan: plan) }
    }

    /// The table in a file's bytes, checked as `TextDecoding` checks text (UTF-8 or UTF-16 with a byte-order
    /// mark, no NUL bytes) without first making it a `String`.
    /// - Throws: `InputError` for text that is not UTF-8 and for every problem `init(text:file:)` throws for.
    public init(data: Data, file: String) throws {
        if data.isEmpty {
            throw InputError(file: file, message: "the file is empty", hint: "a header row is needed at least")
        }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            try self.init(text: TextDecoding.decode(data, file: file), file: file)
            return
        }
        self = try data.withUnsafeBytes { raw in
            try CSVParser.table(CSVSource(memory: raw, start: raw.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0, file: file))
        }
    }

    /// The table in the file at `path`, read a block at a time (never whole) and checked as `init(data:file:)`
    /// checks; `file` names it in messages (the path when `nil`). `parts`: as for `init(text:file:parts:)`.
    public init(contentsOf path: String, file: String? = nil) throws {
        try self.init(contentsOf: path, file: file, parts: nil)
    }

    /// `plan`: see `CSVParser.table`.
    init(contentsOf path: String, file: String?, parts: Int?, plan: (([String]) -> CSVColumnPlan?)? = nil) throws {
        let name = file ?? path
        let source = try CSVSource(path: path, file: name)
        var opening = [UInt8](repeating: 0, count: 3)
        let got = try opening.withUnsafeMutableBytes { try source.read(into: $0.baseAddress!, at: 0, count: 3) }
        if got == 0 {
            throw InputError(file: name, message: "the file is empty", hint: "a header row is needed at least")
        }
        if opening.starts(with: [0xFF, 0xFE]) || opening.starts(with: [0xFE, 0xFF]) {
            // UTF-16 (Excel's "Unicode text"): decoded whole, as text.
            try self.init(text: TextDecoding.readText(at: path, displayName: name), file: name, parts: parts)
            return
        }
        let skip = got == 3 && opening == [0xEF, 0xBB, 0xBF] ? 3 : 0
        self = try CSVParser.table(CSVSource(path: path, file: name, start: skip), parts: parts, plan: plan)
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
