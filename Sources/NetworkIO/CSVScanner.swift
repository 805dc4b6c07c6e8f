/// Splits CSV bytes into rows of cells: RFC 4180 fields (a quoted field may hold delimiters, line breaks
/// and doubled quotes), rows ended by LF, CRLF or a lone CR, with the line each row and cell starts on.
///
/// It reads through a `CSVWindow`; a row that runs past the bytes at hand is scanned again once more have
/// been read, so a cell's bytes are always in one piece: in the window, or (a quoted cell with doubled
/// quotes) in the row's scratch bytes. A quote that does not open a field is an ordinary character.
///
/// - Complexity: O(bytes), each byte looked at once (twice for a row that straddles two blocks).
struct CSVScanner {
    static let quote: UInt8 = 0x22, lineFeed: UInt8 = 0x0A, carriageReturn: UInt8 = 0x0D

    /// Where a cell's text is, and the line it starts on.
    struct Cell {
        var start: Int, end: Int, inScratch: Bool, line: Int
    }

    private(set) var window: CSVWindow
    /// Index in `window.bytes` of the next byte to scan.
    private var position = 0
    /// Line of the next byte to scan.
    private(set) var line: Int
    let delimiter: UInt8
    let file: String
    /// The header, once known, to name the column of an over-long cell.
    var header: [String]?
    /// The last row's cells, the line it starts on, and its offset in the source.
    private(set) var cells: [Cell] = []
    /// Quoted cells with doubled quotes, undoubled (held apart so that their address stays put while a row is read).
    private let scratch = ScratchBytes()
    private(set) var rowLine = 0
    private(set) var rowOffset = 0

    init(window: CSVWindow, line: Int, delimiter: UInt8, file: String) {
        self.window = window
        self.line = line
        self.delimiter = delimiter
        self.file = file
    }

    /// The source offset of the next byte to scan: where the next row starts.
    var offset: Int { window.offset + position }

    /// Scans the next row into `cells`; false at the end of the bytes, or when the next row would start at
    /// or after `stop` (a source offset).
    mutating func nextRow(stop: Int = Int.max) throws -> Bool {
        while true {
            if position >= window.bytes.count {
                guard try window.refill(keepingFrom: position) else { return false }
                position = 0
            }
            if offset >= stop { return false }
            let startPosition = position, startLine = line
            if try scanRow() { return true }
            // The row runs past the bytes at hand: read more and scan it again.
            position = startPosition
            line = startLine
            _ = try window.refill(keepingFrom: position)
            position = 0
        }
    }

    /// The bytes of a cell of the last row, valid until the next row is scanned.
    @inline(__always)
    func bytes(of cell: Cell) -> UnsafeBufferPointer<UInt8> {
        if cell.inScratch { return UnsafeBufferPointer(start: scratch.base + cell.start, count: cell.end - cell.start) }
        return UnsafeBufferPointer(rebasing: window.bytes[cell.start ..< cell.end])
    }

    /// The bytes of cell `index` of the last row, valid until the next row is scanned.
    @inline(__always)
    func bytes(ofCell index: Int) -> UnsafeBufferPointer<UInt8> { bytes(of: cells[index]) }

    /// Scans one row from `position`; false when it runs past the bytes at hand before the source ends.
    private mutating func scanRow() throws -> Bool {
        let bytes = window.bytes
        let n = bytes.count
        let final = window.atEnd
        let delimiter = self.delimiter
        var pos = position
        cells.removeAll(keepingCapacity: true)
        scratch.count = 0
        rowLine = line
        rowOffset = window.offset + pos
        while true {
            var cell: Cell
            let cellLine = line
            if pos < n, bytes[pos] == Self.quote {
                let openedOn = line
                pos += 1
                var segment = pos
                var escapedFrom: Int? = nil
                while true {
                    guard pos < n else {
                        if !final { return false }
                        throw InputError(file: file, line: openedOn, message: "a quoted field starts here and is never closed",
                                         hint: "add the closing quote, or write a quote inside a field as two quotes (\"\")")
                    }
                    let byte = bytes[pos]
                    if byte == Self.quote {
                        if pos + 1 >= n, !final { return false }
                        if pos + 1 < n, bytes[pos + 1] == Self.quote {
                            if escapedFrom == nil { escapedFrom = scratch.count }
                            scratch.append(UnsafeBufferPointer(rebasing: bytes[segment ... pos]))
                            pos += 2
                            segment = pos
                            continue
                        }
                        break
                    }
                    if byte == Self.lineFeed {
                        line += 1
                    } else if byte == Self.carriageReturn {
                        if pos + 1 >= n, !final { return false }
                        if !(pos + 1 < n && bytes[pos + 1] == Self.lineFeed) { line += 1 }
                    }
                    pos += 1
                }
                if let escapedFrom {
                    scratch.append(UnsafeBufferPointer(rebasing: bytes[segment ..< pos]))
                    cell = Cell(start: escapedFrom, end: scratch.count, inScratch: true, line: cellLine)
                } else {
                    cell = Cell(start: segment, end: pos, inScratch: false, line: cellLine)
                }
                pos += 1 // the closing quote
                if pos >= n, !final { return false }
                if pos < n, bytes[pos] != delimiter, bytes[pos] != Self.lineFeed, bytes[pos] != Self.carriageReturn {
                    throw InputError(file: file, line: line, message: "text follows the closing quote of a field",
                                     hint: "write a quote inside a quoted field as two quotes (\"\")")
                }
            } else {
                let start = pos
                while pos < n, case let byte = bytes[pos], byte != delimiter, byte != Self.lineFeed, byte != Self.carriageReturn { pos += 1 }
                if pos >= n, !final { return false }
                cell = Cell(start: start, end: pos, inScratch: false, line: cellLine)
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
                continue
            }
            if pos < n {
                if bytes[pos] == Self.carriageReturn {
                    if pos + 1 >= n, !final { return false }
                    if pos + 1 < n, bytes[pos + 1] == Self.lineFeed { pos += 1 }
                }
                pos += 1
                line += 1
            }
            position = pos
            return true
        }
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

    /// Whether every cell of the last row is blank.
    func rowIsBlank() -> Bool {
        for index in cells.indices where !Self.isBlank(bytes(ofCell: index)) { return false }
        return true
    }

    /// Checks a cell's text as `TextDecoding` checks a file's: no NUL byte, valid UTF-8; the error names
    /// the line of the first bad byte.
    func checkText(of cell: Cell) throws {
        try Self.checkText(bytes(of: cell), line: cell.line, file: file)
    }

    static func checkText(_ text: UnsafeBufferPointer<UInt8>, line: Int, file: String) throws {
        var ascii = true
        for byte in text {
            if byte == 0 || byte >= 0x80 { ascii = false; break }
        }
        if ascii { return }
        if let nul = text.firstIndex(of: 0) {
            throw InputError(file: file, line: line + Self.lineBreaks(in: UnsafeBufferPointer(rebasing: text[..<nul])),
                             message: "holds binary data (a NUL byte), so it is not a text file", hint: "export the sheet as CSV")
        }
        if String(validating: text, as: UTF8.self) != nil { return }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = text.makeIterator()
        var bad = 0
        scan: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): bad += scalar.count
            case .emptyInput, .error: break scan
            }
        }
        throw InputError(file: file, line: line + Self.lineBreaks(in: UnsafeBufferPointer(rebasing: text[..<bad])),
                         message: "is not UTF-8 text (byte 0x\(String(text[bad], radix: 16, uppercase: true).leftPadded(2)))",
                         hint: "save it as 'CSV UTF-8' in Excel, or with fileEncoding = \"UTF-8\" in R")
    }

    /// Line breaks in `bytes`: LF, CRLF and lone CR each one.
    static func lineBreaks(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for (i, byte) in bytes.enumerated() {
            if byte == lineFeed || (byte == carriageReturn && !(i + 1 < bytes.count && bytes[i + 1] == lineFeed)) { count += 1 }
        }
        return count
    }
}

/// Bytes that grow by doubling and stay where they are between growths.
final class ScratchBytes {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private var capacity = 256
    var count = 0

    init() { base = .allocate(capacity: capacity) }
    deinit { base.deallocate() }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        if count + bytes.count > capacity {
            while count + bytes.count > capacity { capacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.update(from: base, count: count)
            base.deallocate()
            base = grown
        }
        if let source = bytes.baseAddress { (base + count).update(from: source, count: bytes.count) }
        count += bytes.count
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
