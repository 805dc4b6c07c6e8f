import NetworkModel

/// Reads CSV bytes into a `CSVTable` in one pass: RFC 4180 fields (a quoted field may hold delimiters,
/// line breaks and doubled quotes), rows ended by LF, CRLF or a lone CR, each column's cells interned as
/// they are met (`ByteInterner`), so no cell becomes a `String` until its distinct value does.
///
/// The checks are those messages name a line for: an unclosed quote (the line it opens on), text after
/// a closing quote, a cell over `CSVTable.cellLimit`, a header over `CSVTable.columnLimit` columns, rows
/// longer than the header with something in the extra cells. Blank rows (every cell empty or spaces) are
/// skipped. A quote that does not open a field is an ordinary character.
///
/// - Complexity: O(bytes) time; per row 4 bytes a column and 4 for its line, plus the distinct values.
enum CSVParser {
    static let quote: UInt8 = 0x22, lineFeed: UInt8 = 0x0A, carriageReturn: UInt8 = 0x0D

    /// Where a cell's text is: in the file's bytes, or (a quoted cell with doubled quotes) in the row's scratch bytes.
    struct Cell {
        var start: Int, end: Int, inScratch: Bool
    }

    static func table(_ raw: UnsafeRawBufferPointer, file: String) throws -> CSVTable {
        let bytes = raw.bindMemory(to: UInt8.self)
        let n = bytes.count
        var pos = 0
        var line = 1
        // Excel's hint line, `sep=;`, names the delimiter and is not part of the table.
        var firstBreak = 0
        while firstBreak < n, bytes[firstBreak] != lineFeed, bytes[firstBreak] != carriageReturn { firstBreak += 1 }
        var delimiter: UInt8
        if firstBreak == 5, bytes[4] < 0x80, zip([0x73, 0x65, 0x70, 0x3D] as [UInt8], bytes.prefix(4)).allSatisfy({ $0 == $1 | 0x20 }) {
            delimiter = bytes[4]
            pos = 5
            if pos < n, bytes[pos] == carriageReturn { pos += 1 }
            if pos < n, bytes[pos] == lineFeed { pos += 1 }
            line = 2
        } else {
            delimiter = detectDelimiter(UnsafeBufferPointer(rebasing: bytes[pos...]))
        }

        var cells: [Cell] = []
        var scratch: [UInt8] = []
        var header: [String]?
        var headerLine = line
        var interners: [ByteInterner] = []
        var codes: [[Int32]] = []
        var lines: [Int32] = []
        var overlong: [(line: Int, count: Int)] = []

        while pos < n {
            let rowLine = line
            cells.removeAll(keepingCapacity: true)
            scratch.removeAll(keepingCapacity: true)
            var rowEnded = false
            while !rowEnded {
                var cell: Cell
                if pos < n, bytes[pos] == quote {
                    let openedOn = line
                    pos += 1
                    var segment = pos
                    var escapedFrom: Int? = nil
                    while true {
                        guard pos < n else {
                            throw InputError(file: file, line: openedOn, message: "a quoted field starts here and is never closed",
                                             hint: "add the closing quote, or write a quote inside a field as two quotes (\"\")")
                        }
                        let byte = bytes[pos]
                        if byte == quote {
                            if pos + 1 < n, bytes[pos + 1] == quote {
                                if escapedFrom == nil { escapedFrom = scratch.count }
                                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segment ... pos]))
                                pos += 2
                                segment = pos
                                continue
                            }
                            break
                        }
                        if byte == lineFeed {
                            line += 1
                        } else if byte == carriageReturn, !(pos + 1 < n && bytes[pos + 1] == lineFeed) {
                            line += 1
                        }
                        pos += 1
                    }
                    if let escapedFrom {
                        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segment ..< pos]))
                        cell = Cell(start: escapedFrom, end: scratch.count, inScratch: true)
                    } else {
                        cell = Cell(start: segment, end: pos, inScratch: false)
                    }
                    pos += 1 // the closing quote
                    if pos < n, bytes[pos] != delimiter, bytes[pos] != lineFeed, bytes[pos] != carriageReturn {
                        throw InputError(file: file, line: line, message: "text follows the closing quote of a field",
                                         hint: "write a quote inside a quoted field as two quotes (\"\")")
                    }
                } else {
                    let start = pos
                    while pos < n, case let byte = bytes[pos], byte != delimiter, byte != lineFeed, byte != carriageReturn { pos += 1 }
                    cell = Cell(start: start, end: pos, inScratch: false)
                }
                if cell.end - cell.start > CSVTable.cellLimit {
                    let column = cells.count
                    throw InputError(file: file, line: rowLine, field: header.map { column < $0.count ? $0[column] : nil } ?? nil,
                                     message: "a cell holds \((cell.end - cell.start) >> 10) KB of text, over the \(CSVTable.cellLimit >> 20) MB a cell may hold",
                                     hint: "is a quote left open, or is this not a table of stakeholders or ties?")
                }
                cells.append(cell)
                if pos < n, bytes[pos] == delimiter {
                    pos += 1
                } else {
                    rowEnded = true
                    if pos < n {
                        if bytes[pos] == carriageReturn, pos + 1 < n, bytes[pos + 1] == lineFeed { pos += 1 }
                        pos += 1
                        line += 1
                    }
                }
            }

            try scratch.withUnsafeBufferPointer { scratchBytes in
                func text(_ cell: Cell) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(rebasing: (cell.inScratch ? scratchBytes : bytes)[cell.start ..< cell.end])
                }
                if cells.allSatisfy({ isBlank(text($0)) }) { return }
                guard let known = header else {
                    if cells.count > CSVTable.columnLimit {
                        throw InputError(file: file, line: rowLine, message: "the header has \(cells.count) columns, over the \(CSVTable.columnLimit) a table may have",
                                         hint: "is this the right file, and is its delimiter detected (a 'sep=,' first line names it)?")
                    }
                    header = cells.map { String(decoding: text($0), as: UTF8.self).trimmingSpaces }
                    headerLine = rowLine
                    interners = (0 ..< cells.count).map { _ in
                        var interner = ByteInterner()
                        _ = interner.intern(UnsafeBufferPointer(start: nil, count: 0))
                        return interner
                    }
                    codes = Array(repeating: [], count: cells.count)
                    return
                }
                if cells.count > known.count, cells[known.count...].contains(where: { !isBlank(text($0)) }) {
                    overlong.append((rowLine, cells.count))
                }
                for c in 0 ..< known.count {
                    codes[c].append(c < cells.count ? interners[c].intern(text(cells[c])) : 0)
                }
                lines.append(Int32(clamping: rowLine))
            }
        }
        guard let header else {
            throw InputError(file: file, message: "holds no rows, not even a header", hint: "a header row is needed at least")
        }
        let delimiterCharacter = Character(Unicode.Scalar(delimiter))
        if let first = overlong.first {
            let more = overlong.count > 1 ? "; \(overlong.count - 1) more rows like it" : ""
            throw InputError(file: file, line: first.line,
                             message: "the row has \(first.count) cells but the header has \(header.count)\(more)",
                             hint: "quote cells that contain '\(CSVTable.name(of: delimiterCharacter))', or add a header for the extra column")
        }
        let columns = zip(codes, interners).map { CSVColumn(codes: $0, values: $1.strings()) }
        return CSVTable(file: file, delimiter: delimiterCharacter, header: header, headerLine: headerLine, columns: columns, lines: lines)
    }

    /// Whether a cell holds nothing but spaces, tabs and non-breaking spaces (as `trimmingSpaces` trims).
    static func isBlank(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < cell.count {
            let byte = cell[i]
            if byte == 0x20 || byte == 0x09 {
                i += 1
            } else if byte == 0xC2, i + 1 < cell.count, cell[i + 1] == 0xA0 {
                i += 2
            } else {
                return false
            }
        }
        return true
    }

    /// The delimiter of the first line: whichever of tab, `;` and `,` occurs most often outside quotes
    /// (tab, then `;`, on a tie); `,` when none does.
    static func detectDelimiter(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var tabs = 0, semicolons = 0, commas = 0
        var inQuotes = false
        for byte in bytes {
            if byte == quote { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if byte == lineFeed || byte == carriageReturn { break }
            if byte == 0x09 { tabs += 1 } else if byte == 0x3B { semicolons += 1 } else if byte == 0x2C { commas += 1 }
        }
        let most = max(tabs, semicolons, commas)
        if most == 0 { return 0x2C }
        return tabs == most ? 0x09 : semicolons == most ? 0x3B : 0x2C
    }
}
