import Dispatch
import NetworkModel

/// Reads CSV bytes into a `CSVTable`: the delimiter from the first line (or an Excel `sep=` line), the
/// header, then the rows (`CSVScanner`), each column's cells interned as they are met (`ByteInterner`), so
/// no cell becomes a `String` until its distinct value does.
///
/// Large inputs are read in parts on several threads: the bytes after the header are cut into equal
/// stretches, each part starting after the first line break of its stretch and stopping at the first row
/// that starts in the next. A part's codes and lines are then renumbered into the first part's (its values
/// interned there in its own order of first mention, its lines shifted by the lines before it), so the
/// table is the same, code for code, whatever the number of parts. A part that started inside a quoted
/// field (its first line break was not a row's end) is read again from where the part before it ended.
///
/// The checks are those messages name a line for: an unclosed quote (the line it opens on), text after
/// a closing quote, a cell over `CSVTable.cellLimit`, a header over `CSVTable.columnLimit` columns, rows
/// longer than the header with something in the extra cells, and text that is not UTF-8 or holds a NUL
/// byte (each distinct value checked once, the error naming the line of the bad byte). Blank rows (every
/// cell empty or spaces) are skipped. The first problem in the file's order is the one thrown; over-long
/// rows are counted and the first thrown once every row has been read.
///
/// - Complexity: O(bytes) time on `parts` threads; per row 4 bytes a column and 4 for its line, plus the
///   distinct values (while reading, a column of at most 256 or 65,536 distinct values takes 1 or 2 bytes a
///   row: `PartCodes`); one block of the file per part (`CSVSource.blockSize`).
enum CSVParser {
    /// Inputs smaller than this are read by one thread.
    static let bytesPerPart = 4 << 20

    /// `plan`, given the header, may name columns whose cells are interned together (a tie table's two
    /// ends: each id is then one value of both), with values to intern first, in order (the known
    /// stakeholders' ids: a cell naming one then has its position + 1 as its code).
    static func table(_ source: CSVSource, parts requested: Int? = nil, plan: (([String]) -> CSVColumnPlan?)? = nil) throws -> CSVTable {
        let file = source.file
        var window = try CSVWindow(source: source, offset: source.start)
        // The first line decides the delimiter: Excel's hint line, `sep=;`, names it and is not part of the table.
        while !window.atEnd, firstLineEnd(window.bytes) == nil { _ = try window.refill(keepingFrom: 0) }
        let first = window.bytes
        var firstBreak = 0
        while firstBreak < first.count, first[firstBreak] != CSVScanner.lineFeed, first[firstBreak] != CSVScanner.carriageReturn { firstBreak += 1 }
        var skip = 0, line = 1
        let delimiter: UInt8
        if firstBreak == 5, first[4] < 0x80, zip([0x73, 0x65, 0x70, 0x3D] as [UInt8], first.prefix(4)).allSatisfy({ $0 == $1 | 0x20 }) {
            delimiter = first[4]
            skip = 5
            if skip < first.count, first[skip] == CSVScanner.carriageReturn { skip += 1 }
            if skip < first.count, first[skip] == CSVScanner.lineFeed { skip += 1 }
            line = 2
        } else {
            delimiter = detectDelimiter(first)
        }

        // The header: the first row that is not blank.
        var scanner = CSVScanner(window: try CSVWindow(source: source, offset: source.start + skip), line: line, delimiter: delimiter, file: file)
        var header: [String]?
        var headerLine = line
        while try scanner.nextRow() {
            if scanner.rowIsBlank() { continue }
            if scanner.cells.count > CSVTable.columnLimit {
                throw InputError(file: file, line: scanner.rowLine, message: "the header has \(scanner.cells.count) columns, over the \(CSVTable.columnLimit) a table may have",
                                 hint: "is this the right file, and is its delimiter detected (a 'sep=,' first line names it)?")
            }
            for cell in scanner.cells { try scanner.checkText(of: cell) }
            header = scanner.cells.map { String(decoding: scanner.bytes(of: $0), as: UTF8.self).trimmingSpaces }
            headerLine = scanner.rowLine
            break
        }
        guard let header else {
            throw InputError(file: file, message: "holds no rows, not even a header", hint: "a header row is needed at least")
        }
        scanner.header = header
        var columnPlan = plan?(header) ?? CSVColumnPlan(shared: [], seeds: [])
        if columnPlan.shared.contains(where: { $0 < 0 || $0 >= header.count }) || Set(columnPlan.shared).count != columnPlan.shared.count {
            columnPlan = CSVColumnPlan(shared: [], seeds: [])
        }
        let layout = PartLayout(columns: header.count, plan: columnPlan)

        // The rows, in parts.
        let bodyStart = scanner.offset, bodyEnd = source.end
        let partCount = max(1, min(requested ?? min(Parallel.defaultThreads, 8), max(1, (bodyEnd - bodyStart) / (requested == nil ? bytesPerPart : 1))))
        let cuts = (0 ... partCount).map { k in k == partCount ? Int.max : bodyStart + (bodyEnd - bodyStart) / partCount * k }
        let results = PartResults(count: partCount)
        let firstPart = ScannerBox(scanner)
        let readPart: @Sendable (Int) -> Void = { k in
            if k == 0 {
                results[0] = parsePart(&firstPart.scanner, stop: cuts[1], layout: layout, startLine: firstPart.scanner.line)
                return
            }
            do {
                let start = try rowStart(after: cuts[k], in: source)
                var partScanner = CSVScanner(window: try CSVWindow(source: source, offset: start), line: 0, delimiter: delimiter, file: file)
                partScanner.header = header
                results[k] = parsePart(&partScanner, stop: cuts[k + 1], layout: layout, startLine: 0)
            } catch {
                results[k] = PartResult(layout: layout, startOffset: -1, startLine: 0)
            }
        }
        if partCount == 1 {
            readPart(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: partCount, execute: readPart)
        }

        layout.seedTable.table = nil
        // The parts joined in order, each renumbered into the first.
        var table = results.take(0)
        for k in 1 ..< partCount {
            if let error = table.error { throw error }
            var part = results.take(k)
            if part.startOffset != table.endOffset {
                // The part began inside a quoted field: read it again from where the rows before it ended.
                if layout.seedTable.table == nil { layout.seedTable.table = PartLayout.seedTable(layout.seeds) }
                var again = CSVScanner(window: try CSVWindow(source: source, offset: table.endOffset), line: table.endLine, delimiter: delimiter, file: file)
                again.header = header
                part = parsePart(&again, stop: cuts[k + 1], layout: layout, startLine: table.endLine)
            } else {
                part.shiftLines(by: table.endLine)
            }
            table.append(part, layout: layout)
        }
        if let error = table.error { throw error }
        let delimiterCharacter = Character(Unicode.Scalar(delimiter))
        if let first = table.overlong.first {
            let more = table.overlong.count > 1 ? "; \(table.overlong.count - 1) more rows like it" : ""
            throw InputError(file: file, line: first.line,
                             message: "the row has \(first.count) cells but the header has \(header.count)\(more)",
                             hint: "quote cells that contain '\(CSVTable.name(of: delimiterCharacter))', or add a header for the extra column")
        }
        let values = table.interners.indices.map { slot in slot == layout.sharedSlot ? layout.sharedValues(table.interners[slot]) : table.interners[slot].strings() }
        let seeded = table.interners.indices.map { $0 == layout.sharedSlot ? Int(layout.seedLimit) - 1 : 0 }
        table.interners = []
        var columnValues: [CSVColumn] = []
        for c in table.codes.indices {
            columnValues.append(CSVColumn(codes: table.codes[c].takeAll(), values: values[layout.slotOf[c]], seedCount: seeded[layout.slotOf[c]]))
        }
        return CSVTable(file: file, delimiter: delimiterCharacter, header: header, headerLine: headerLine, columns: columnValues, lines: table.lines,
                        sharedValues: columnPlan.shared.count > 1 ? columnPlan.shared : [])
    }

    /// Which interner each column's cells go to, and the values given before the first row.
    ///
    /// The values given (`seeds`) are interned once, into a table every part reads and none changes: a
    /// shared column's cell is looked up there first, and only a value not given goes into the part's own
    /// interner, its code there offset by the number of values given (code 0, the empty cell, is in both).
    struct PartLayout: Sendable {
        let slotOf: [Int]
        let slotCount: Int
        let sharedSlot: Int?
        /// The empty cell and the seeds, in order (read-only once made, let go once every part is read).
        let seedTable: SeedTable
        let seeds: [String]
        /// Codes below this are the seed table's: the empty cell (0) and the seeds (1 ... seeds).
        let seedLimit: Int32
        /// Whether the seeds were all different (each then has its own code, its position + 1).
        let seedsAreDistinct: Bool

        init(columns: Int, plan: CSVColumnPlan) {
            var slotOf = Array(0 ..< columns)
            var next = 0
            var shared: Int?
            for c in 0 ..< columns {
                if plan.shared.contains(c) {
                    if shared == nil { shared = next; next += 1 }
                    slotOf[c] = shared!
                } else {
                    slotOf[c] = next
                    next += 1
                }
            }
            self.slotOf = slotOf
            slotCount = next
            sharedSlot = shared
            let seeds = shared == nil ? [] : plan.seeds
            let table = Self.seedTable(seeds)
            seedTable = SeedTable(table)
            self.seeds = seeds
            seedsAreDistinct = table.count == seeds.count + 1
            seedLimit = seedsAreDistinct ? Int32(table.count) : 1
        }

        /// The empty cell, then the seeds.
        static func seedTable(_ seeds: [String]) -> ByteInterner {
            var table = ByteInterner(capacity: seeds.count + 1)
            _ = table.intern(UnsafeBufferPointer(start: nil, count: 0))
            for seed in seeds {
                var seed = seed
                seed.withUTF8 { _ = table.intern($0) }
            }
            return table
        }

        /// Fresh interners, each holding the empty cell (code 0).
        func interners() -> [ByteInterner] {
            (0 ..< slotCount).map { _ in
                var interner = ByteInterner()
                _ = interner.intern(UnsafeBufferPointer(start: nil, count: 0))
                return interner
            }
        }

        /// The values of the shared column: the empty cell, the seeds, then the part's own values after its empty cell.
        func sharedValues(_ own: ByteInterner) -> [String] {
            seedLimit > 1 ? [""] + seeds + own.strings().dropFirst() : own.strings()
        }
    }

    /// The rows of one part, with codes into its own interners and lines counted from `startLine`.
    struct PartResult {
        /// One interner per slot of the layout; `slotOf[c]` is column c's.
        var interners: [ByteInterner]
        var slotOf: [Int]
        var codes: [PartCodes]
        var lines: [Int32] = []
        var overlong: [(line: Int, count: Int)] = []
        /// The first error met; the part stopped there.
        var error: InputError?
        /// Where the part started, and where it stopped (the start of the first row it left, or the end).
        var startOffset: Int
        var endOffset = 0
        var endLine = 0

        init(layout: PartLayout, startOffset: Int, startLine: Int) {
            interners = layout.interners()
            slotOf = layout.slotOf
            codes = Array(repeating: PartCodes(), count: layout.slotOf.count)
            self.startOffset = startOffset
            endLine = startLine
        }

        /// Lines counted from 0 made absolute: the part started on line `base`.
        mutating func shiftLines(by base: Int) {
            let shift = Int32(clamping: base)
            for i in lines.indices { lines[i] &+= shift }
            for i in overlong.indices { overlong[i].line += base }
            endLine += base
            if let error {
                let problem = error.problem
                self.error = InputError(file: problem.file, line: problem.line.map { $0 + base }, field: problem.field, message: problem.message, hint: problem.hint)
            }
        }

        /// Appends the rows of the part after this one, its values interned here in their order of first mention.
        mutating func append(_ next: consuming PartResult, layout: PartLayout) {
            let codesHere = next.interners.indices.map { slot in
                let own = (0 ..< next.interners[slot].count).map { code in next.interners[slot].withBytes(of: code) { interners[slot].intern($0) } }
                guard slot == layout.sharedSlot, layout.seedLimit > 1 else { return own }
                // Codes below the limit are the seeds', the same in every part; the others are offset.
                let offset = layout.seedLimit - 1
                return Array(0 ..< layout.seedLimit) + own.dropFirst().map { $0 + offset }
            }
            next.interners = []
            // Column by column, each of the next part's let go once appended (at the peak of reading, these are most of the memory).
            for c in codes.indices {
                let codeHere = codesHere[slotOf[c]]
                let appended = next.codes[c]
                next.codes[c] = PartCodes()
                codes[c].reserveCapacity(codes[c].count + appended.count)
                appended.forEach { code in codes[c].append(codeHere[Int(code)]) }
            }
            lines.append(contentsOf: next.lines)
            overlong.append(contentsOf: next.overlong)
            error = next.error
            endOffset = next.endOffset
            endLine = next.endLine
        }
    }

    /// Reads rows until `stop` (or the end, or an error), interning each column's cells.
    static func parsePart(_ scanner: inout CSVScanner, stop: Int, layout: PartLayout, startLine: Int) -> PartResult {
        var part = PartResult(layout: layout, startOffset: scanner.offset, startLine: startLine)
        let file = scanner.file
        let columns = layout.slotOf.count
        let slotOf = layout.slotOf
        let sharedSlot = layout.seedLimit > 1 ? layout.sharedSlot ?? -1 : -1
        let seedTable = layout.seedTable.table ?? ByteInterner()
        let offset = layout.seedLimit - 1
        do {
            while try scanner.nextRow(stop: stop) {
                if scanner.rowIsBlank() { continue }
                let count = scanner.cells.count
                if count > columns, (columns ..< count).contains(where: { !CSVScanner.isBlank(scanner.bytes(ofCell: $0)) }) {
                    part.overlong.append((scanner.rowLine, count))
                }
                for c in 0 ..< columns {
                    guard c < count else {
                        part.codes[c].append(0)
                        continue
                    }
                    let bytes = scanner.bytes(ofCell: c)
                    let slot = slotOf[c]
                    var code: Int32
                    if slot == sharedSlot, let seed = seedTable.code(of: bytes) {
                        code = seed
                    } else {
                        let known = part.interners[slot].count
                        code = part.interners[slot].intern(bytes)
                        if Int(code) >= known { try CSVScanner.checkText(bytes, line: scanner.cells[c].line, file: file) }
                        if slot == sharedSlot, code > 0 { code += offset }
                    }
                    part.codes[c].append(code)
                }
                part.lines.append(Int32(clamping: scanner.rowLine))
            }
        } catch let error as InputError {
            part.error = error
        } catch {
            part.error = InputError(file: file, message: "cannot be read: \(error)")
        }
        part.endOffset = scanner.offset
        part.endLine = scanner.line
        return part
    }

    /// Where the first row after `offset` would start if no quoted field spans it: just after the first
    /// line break at or after `offset - 1` (the end of the source when there is none).
    static func rowStart(after offset: Int, in source: CSVSource) throws -> Int {
        var window = try CSVWindow(source: source, offset: offset - 1)
        var i = 0
        while true {
            if i >= window.bytes.count {
                guard try window.refill(keepingFrom: i) else { return source.end }
                i = 0
            }
            let byte = window.bytes[i]
            if byte == CSVScanner.lineFeed { return window.offset + i + 1 }
            if byte == CSVScanner.carriageReturn {
                if i + 1 >= window.bytes.count, !window.atEnd {
                    guard try window.refill(keepingFrom: i) else { return source.end }
                    i = 0
                    continue
                }
                let next = i + 1 < window.bytes.count && window.bytes[i + 1] == CSVScanner.lineFeed ? 2 : 1
                return window.offset + i + next
            }
            i += 1
        }
    }

    /// Where the first line ends (its first line break outside quotes), or nil when these bytes do not hold it.
    static func firstLineEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var inQuotes = false
        for (i, byte) in bytes.enumerated() {
            if byte == CSVScanner.quote { inQuotes.toggle() } else if !inQuotes, byte == CSVScanner.lineFeed || byte == CSVScanner.carriageReturn { return i }
        }
        return nil
    }

    /// The delimiter of the first line: whichever of tab, `;` and `,` occurs most often outside quotes
    /// (tab, then `;`, on a tie); `,` when none does.
    static func detectDelimiter(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var tabs = 0, semicolons = 0, commas = 0
        var inQuotes = false
        for byte in bytes {
            if byte == CSVScanner.quote { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if byte == CSVScanner.lineFeed || byte == CSVScanner.carriageReturn { break }
            if byte == 0x09 { tabs += 1 } else if byte == 0x3B { semicolons += 1 } else if byte == 0x2C { commas += 1 }
        }
        let most = max(tabs, semicolons, commas)
        if most == 0 { return 0x2C }
        return tabs == most ? 0x09 : semicolons == most ? 0x3B : 0x2C
    }
}

/// Columns whose cells are interned together, and values interned before any cell (see `CSVParser.table`).
struct CSVColumnPlan: Sendable {
    var shared: [Int]
    var seeds: [String]
}

/// The table of values given before the first row, read by every part and let go when all are read.
final class SeedTable: @unchecked Sendable {
    var table: ByteInterner?
    init(_ table: ByteInterner) { self.table = table }
}

/// The scanner of the first part, handed to the thread that reads it.
private final class ScannerBox: @unchecked Sendable {
    var scanner: CSVScanner
    init(_ scanner: CSVScanner) { self.scanner = scanner }
}

/// The parts' results, each slot written by the one thread that reads the part, and read once all are done.
private final class PartResults: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<CSVParser.PartResult?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    subscript(k: Int) -> CSVParser.PartResult {
        get { slots[k]! }
        set { slots[k] = newValue }
    }

    /// The result of part `k`, given up by the slot.
    func take(_ k: Int) -> CSVParser.PartResult {
        defer { slots[k] = nil }
        return slots[k]!
    }
}
