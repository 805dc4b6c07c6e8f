/// One column's codes as `CSVParser` reads a part of a table: in the narrowest width that has held every
/// code so far (1, 2 or 4 bytes a cell), widened once or twice as larger codes are met.
///
/// Most columns of a tie table (kinds, weights, years, directions) have a few distinct values, and while a
/// large table is read these codes are most of the memory: a 10^6-tie folder's seven columns take 13 bytes
/// a row this way rather than 28 (its two ends need 4 bytes each, the rest 1). The joined table's columns
/// are 4-byte codes (`CSVColumn`), made a column at a time as each is handed over (`takeAll`).
///
/// - Complexity: `append` O(1) amortized; widening copies the column once per width.
struct PartCodes {
    private var narrow: [UInt8] = []
    private var medium: [UInt16] = []
    private var wide: [Int32] = []
    /// 1, 2 or 4: the bytes a code takes.
    private(set) var width = 1

    var count: Int { width == 1 ? narrow.count : width == 2 ? medium.count : wide.count }

    @inline(__always)
    mutating func append(_ code: Int32) {
        if width == 4 {
            wide.append(code)
        } else if width == 1, code <= 0xFF {
            narrow.append(UInt8(truncatingIfNeeded: code))
        } else if width == 2, code <= 0xFFFF {
            medium.append(UInt16(truncatingIfNeeded: code))
        } else {
            appendWidening(code)
        }
    }

    /// `append`'s rare path, kept out of line: widens, then appends.
    @inline(never)
    private mutating func appendWidening(_ code: Int32) {
        widen(toHold: code)
        if width == 2 { medium.append(UInt16(truncatingIfNeeded: code)) } else { wide.append(code) }
    }

    mutating func reserveCapacity(_ capacity: Int) {
        switch width {
        case 1: narrow.reserveCapacity(capacity)
        case 2: medium.reserveCapacity(capacity)
        default: wide.reserveCapacity(capacity)
        }
    }

    /// Calls `body` with each code in order.
    @inline(__always)
    func forEach(_ body: (Int32) -> Void) {
        switch width {
        case 1: for code in narrow { body(Int32(code)) }
        case 2: for code in medium { body(Int32(code)) }
        default: for code in wide { body(code) }
        }
    }

    /// The codes as 4-byte integers; this column is left empty.
    mutating func takeAll() -> [Int32] {
        defer { self = PartCodes() }
        switch width {
        case 1: return narrow.map { Int32($0) }
        case 2: return medium.map { Int32($0) }
        default: return wide
        }
    }

    /// Moves the codes to the next width that holds `code` (2 bytes when it fits, else 4), keeping the capacity.
    private mutating func widen(toHold code: Int32) {
        let capacity = max(width == 1 ? narrow.capacity : medium.capacity, 16)
        if width == 1, code <= 0xFFFF {
            medium.reserveCapacity(capacity)
            for old in narrow { medium.append(UInt16(old)) }
            narrow = []
            width = 2
            return
        }
        wide.reserveCapacity(capacity)
        if width == 1 {
            for old in narrow { wide.append(Int32(old)) }
            narrow = []
        } else {
            for old in medium { wide.append(Int32(old)) }
            medium = []
        }
        width = 4
    }
}
