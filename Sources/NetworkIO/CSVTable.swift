import CSV
import NetworkModel

/// A spreadsheet read from CSV text: a header and, column by column, the cells of every data row,
/// with the file line each row starts on.
///
/// Parsing is done by yaslab/CSV.swift; this type adds what messages and real files need: the delimiter
/// detected from the header (`,`, `;` or tab, or an Excel `sep=` line), line numbers that stay right
/// across quoted line breaks, a clear error for an unclosed quote, blank rows skipped, and rows longer
/// than the header refused unless the extra cells are empty (as Excel leaves them).
///
/// - Complexity: O(size of the text); about 16 bytes per cell beyond the cell text itself.
public struct CSVTable: Sendable {
    public let file: String
    public let delimiter: Character
    /// Header cells, trimmed of spaces.
    public let header: [String]
    /// Line the header is on (2 after a `sep=` line).
    public let headerLine: Int
    /// `columns[c][r]`: the cell of data row `r` in column `c` (empty when the row is short).
    public let columns: [[String]]
    /// `lines[r]`: the line data row `r` starts on.
    public let lines: [Int]

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
        self.columns = columns
        self.lines = lines
    }

    /// - Throws: `InputError` for an empty file, a file with no header, an unclosed quote, or text after a closing quote.
    public init(text: String, file: String) throws {
        self.file = file
        var body = Substring(text)
        var line = 1
        var explicitDelimiter: Character?
        // Excel's hint line, `sep=;`, names the delimiter and is not part of the table.
        let firstBreak = body.firstIndex(where: \.isNewline) ?? body.endIndex
        let firstLine = body[..<firstBreak]
        if firstLine.count == 5, firstLine.lowercased().hasPrefix("sep=") {
            explicitDelimiter = firstLine.last
            body = firstBreak < body.endIndex ? body[body.index(after: firstBreak)...] : ""
            line = 2
        }
        let delimiter = explicitDelimiter ?? CSVTable.detectDelimiter(in: body)
        self.delimiter = delimiter
        try CSVTable.checkQuotes(in: body, delimiter: delimiter, file: file, firstLine: line)

        let scalar = delimiter.unicodeScalars.first!
        let reader = try CSVReader(string: line == 1 ? text : String(body), hasHeaderRow: false, trimFields: false, delimiter: scalar)
        var header: [String]?
        var headerLine = line
        var columns: [[String]] = []
        var lines: [Int] = []
        var overlong: [(line: Int, count: Int)] = []
        while let row = reader.next() {
            let rowLine = line
            line += 1 + row.reduce(0) { $0 + CSVTable.lineBreaks(in: $1) }
            if row.allSatisfy({ $0.trimmingSpaces.isEmpty }) { continue }
            if let (column, cell) = row.enumerated().first(where: { $0.element.utf8.count > CSVTable.cellLimit }) {
                throw InputError(file: file, line: rowLine, field: header.map { column < $0.count ? $0[column] : nil } ?? nil,
                                 message: "a cell holds \(cell.utf8.count >> 10) KB of text, over the \(CSVTable.cellLimit >> 20) MB a cell may hold",
                                 hint: "is a quote left open, or is this not a table of stakeholders or ties?")
            }
            if header == nil && row.count > CSVTable.columnLimit {
                throw InputError(file: file, line: rowLine, message: "the header has \(row.count) columns, over the \(CSVTable.columnLimit) a table may have",
                                 hint: "is this the right file, and is its delimiter detected (a 'sep=,' first line names it)?")
            }
            guard let known = header else {
                header = row.map { $0.trimmingSpaces }
                headerLine = rowLine
                columns = Array(repeating: [], count: row.count)
                continue
            }
            if row.count > known.count, row[known.count...].contains(where: { !$0.trimmingSpaces.isEmpty }) {
                overlong.append((rowLine, row.count))
            }
            for c in 0 ..< known.count {
                columns[c].append(c < row.count ? row[c] : "")
            }
            lines.append(rowLine)
        }
        if let error = reader.error {
            throw InputError(file: file, message: "cannot be parsed as CSV: \(error)")
        }
        guard let header else {
            throw InputError(file: file, message: "holds no rows, not even a header", hint: "a header row is needed at least")
        }
        if let first = overlong.first {
            let more = overlong.count > 1 ? "; \(overlong.count - 1) more rows like it" : ""
            throw InputError(file: file, line: first.line,
                             message: "the row has \(first.count) cells but the header has \(header.count)\(more)",
                             hint: "quote cells that contain '\(CSVTable.name(of: delimiter))', or add a header for the extra column")
        }
        self.header = header
        self.headerLine = headerLine
        self.columns = columns
        self.lines = lines
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

    /// Number of line breaks inside a field (CRLF, LF or a lone CR each count once).
    static func lineBreaks(in field: String) -> Int {
        var count = 0
        var previousCR = false
        for byte in field.utf8 {
            if byte == 0x0A { if !previousCR { count += 1 } } else if byte == 0x0D { count += 1 }
            previousCR = byte == 0x0D
        }
        return count
    }

    /// The delimiter of the first line: whichever of tab, `;` and `,` occurs most often outside quotes
    /// (tab, then `;`, on a tie); `,` when none does.
    static func detectDelimiter(in text: Substring) -> Character {
        var counts: [UInt8: Int] = [0x09: 0, 0x3B: 0, 0x2C: 0]
        var inQuotes = false
        for byte in text.utf8 {
            if byte == 0x22 { inQuotes.toggle(); continue }
            if !inQuotes, byte == 0x0A || byte == 0x0D { break }
            if !inQuotes, counts[byte] != nil { counts[byte]! += 1 }
        }
        let preference: [UInt8] = [0x09, 0x3B, 0x2C]
        let most = preference.map { counts[$0]! }.max()!
        let chosen = most == 0 ? 0x2C : preference.first { counts[$0]! == most }!
        return Character(Unicode.Scalar(chosen))
    }

    /// Finds an unclosed quoted field, or text after a closing quote, reporting the line it starts on.
    static func checkQuotes(in text: Substring, delimiter: Character, file: String, firstLine: Int) throws {
        let delimiterByte = delimiter.asciiValue ?? 0x2C
        var line = firstLine
        var atFieldStart = true
        var inQuotes = false
        var openedOn = 0
        var bytes = text.utf8.makeIterator()
        var pending: UInt8? = nil
        func nextByte() -> UInt8? {
            if let byte = pending { pending = nil; return byte }
            return bytes.next()
        }
        while let byte = nextByte() {
            if byte == 0x0A { line += 1 }
            if inQuotes {
                guard byte == 0x22 else { continue }
                let after = nextByte()
                if after == 0x22 { continue }
                inQuotes = false
                if let after, after != delimiterByte, after != 0x0A, after != 0x0D {
                    throw InputError(file: file, line: line, message: "text follows the closing quote of a field",
                                     hint: "write a quote inside a quoted field as two quotes (\"\")")
                }
                pending = after
                atFieldStart = false
            } else {
                if byte == 0x22, atFieldStart {
                    inQuotes = true
                    openedOn = line
                }
                atFieldStart = byte == delimiterByte || byte == 0x0A || byte == 0x0D
            }
        }
        if inQuotes {
            throw InputError(file: file, line: openedOn, message: "a quoted field starts here and is never closed",
                             hint: "add the closing quote, or write a quote inside a field as two quotes (\"\")")
        }
    }

    static func name(of delimiter: Character) -> String { delimiter == "\t" ? "tab" : String(delimiter) }
}
