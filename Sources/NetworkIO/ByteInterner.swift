/// Gives each distinct byte string a small code, the first one met 0, the next 1, and so on: the cells of a
/// CSV column are interned as they are read, so a stakeholder id written a million times is hashed a
/// million times but stored, decoded and parsed once.
///
/// Open addressing with linear probing over a power-of-two table of 24-byte slots, each holding a string's
/// hash (its bytes read a word at a time, mixed by MurmurHash3's 64-bit finaliser) and code and, for strings of up to
/// 15 bytes (most ids and numbers), the string itself: looking one up then touches one cache line instead of three. Longer strings are
/// compared against their bytes, which lie back to back in one pool. Growing never rehashes text.
///
/// Cells that are small whole numbers written plainly (`0` or 1–9 digits without a leading zero: the ids of
/// most large edge lists) are never hashed: their code is looked up by value in an array of 4 bytes per
/// value up to the largest met (kept within a few times the number of strings), which stays in cache
/// where the table would not. A number too large for the array when first met goes into the table, and
/// into the array once it has grown past it.
///
/// - Complexity: O(length) per `intern` on average; 8 bytes per distinct string beyond its text, plus
///   24 bytes per table slot (at most four times the number of strings).
struct ByteInterner {
    struct Slot {
        /// A string of up to 15 bytes: its bytes, and its length in the top byte of `high`; a longer one: its
        /// first 15 bytes and 0xFF.
        var low: UInt64
        var high: UInt64
        /// 0 for an empty slot, else `hash << 32 | (code + 1)`.
        var entry: UInt64
    }

    private var pool: [UInt8] = []
    /// `starts[c] ..< starts[c + 1]`: the bytes of string `c` in `pool`.
    private var starts: [Int] = [0]
    private var slots: [Slot]
    private var mask: Int
    private(set) var count = 0
    /// Strings in the table (plain numbers found by value are not).
    private var inTable = 0
    /// `byNumber[v]`: 1 + the code of the plain whole number `v`, or 0.
    private var byNumber: [Int32] = []
    /// Plain whole numbers put in the table (`byNumber` was too short for them), with their codes.
    private var hashedNumbers: [(number: Int, code: Int32)] = []

    init(capacity: Int = 16) {
        var size = 16
        while size < 2 * capacity { size <<= 1 }
        slots = [Slot](repeating: Slot(low: 0, high: 0, entry: 0), count: size)
        mask = size - 1
    }

    /// The code of `bytes`, a new one when they were not met before.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        if let number = Self.plainNumber(bytes) {
            if number < byNumber.count {
                let known = byNumber[number]
                if known > 0 { return known - 1 }
            } else if number < 4 * count + 65_536 {
                byNumber.append(contentsOf: repeatElement(0, count: max(number + 1, 2 * byNumber.count) - byNumber.count))
                var stillHashed: [(number: Int, code: Int32)] = []
                for entry in hashedNumbers {
                    if entry.number < byNumber.count { byNumber[entry.number] = entry.code + 1 } else { stillHashed.append(entry) }
                }
                hashedNumbers = stillHashed
                if byNumber[number] > 0 { return byNumber[number] - 1 }
            } else {
                let before = count
                let code = hashed(bytes)
                if count > before { hashedNumbers.append((number, code)) }
                return code
            }
            let code = add(bytes)
            byNumber[number] = code + 1
            return code
        }
        return hashed(bytes)
    }

    /// The code of `bytes` if they were met, without adding them (safe to call from several threads at once).
    func code(of bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        if let number = Self.plainNumber(bytes), number < byNumber.count {
            let known = byNumber[number]
            return known > 0 ? known - 1 : nil
        }
        let (low, high, hash) = Self.key(bytes)
        let tag = UInt64(hash) << 32
        var slot = Int(hash) & mask
        while true {
            let found = slots[slot]
            if found.entry == 0 { return nil }
            if found.entry & 0xFFFF_FFFF_0000_0000 == tag, found.low == low, found.high == high {
                let code = Int(truncatingIfNeeded: found.entry & 0xFFFF_FFFF) - 1
                if bytes.count <= 15 || equals(code, bytes) { return Int32(code) }
            }
            slot = (slot + 1) & mask
        }
    }

    /// A new code for `bytes`, which are not in the table (a plain number found by value).
    private mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let code = count
        count += 1
        pool.append(contentsOf: bytes)
        starts.append(pool.count)
        return Int32(code)
    }

    /// `0`, or 1 to 9 digits not starting with 0, as a number.
    @inline(__always)
    static func plainNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count >= 1, bytes.count <= 9, bytes[0] != 0x30 || bytes.count == 1 else { return nil }
        var value = 0
        for byte in bytes {
            let digit = Int(byte) &- 0x30
            guard digit >= 0, digit <= 9 else { return nil }
            value = value &* 10 &+ digit
        }
        return value
    }

    /// The code of `bytes` through the hash table.
    private mutating func hashed(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let (low, high, hash) = Self.key(bytes)
        let short = bytes.count <= 15
        let tag = UInt64(hash) << 32
        var slot = Int(hash) & mask
        while true {
            let found = slots[slot]
            if found.entry == 0 { break }
            if found.entry & 0xFFFF_FFFF_0000_0000 == tag, found.low == low, found.high == high {
                let code = Int(truncatingIfNeeded: found.entry & 0xFFFF_FFFF) - 1
                if short || equals(code, bytes) { return Int32(code) }
            }
            slot = (slot + 1) & mask
        }
        let code = count
        count += 1
        slots[slot] = Slot(low: low, high: high, entry: tag | UInt64(code + 1))
        pool.append(contentsOf: bytes)
        starts.append(pool.count)
        inTable += 1
        if 2 * inTable > slots.count { grow() }
        return Int32(code)
    }

    /// A string's first 15 bytes as two words (its length, or 0xFF when longer, in the top byte) and a
    /// 32-bit hash of all its bytes, read eight at a time: a multiply–xorshift mix (the finaliser of
    /// MurmurHash3's 64-bit variant) of each word, so ids that differ only in their last digits land far apart.
    @inline(__always)
    static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> (low: UInt64, high: UInt64, hash: UInt32) {
        let count = bytes.count
        var words: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &words) { target in
            if let base = bytes.baseAddress { target.baseAddress!.copyMemory(from: base, byteCount: min(count, 15)) }
        }
        let low = UInt64(littleEndian: words.0)
        let high = UInt64(littleEndian: words.1) | (count <= 15 ? UInt64(count) : 0xFF) << 56
        var h = (low &* 0x9E37_79B9_7F4A_7C15) ^ (high &+ UInt64(count)) &* 0xC2B2_AE3D_27D4_EB4F
        if count > 15, let base = bytes.baseAddress {
            var i = 15
            while i < count {
                var word: UInt64 = 0
                withUnsafeMutableBytes(of: &word) { $0.baseAddress!.copyMemory(from: base + i, byteCount: min(8, count - i)) }
                h = (h ^ UInt64(littleEndian: word)) &* 0x9E37_79B9_7F4A_7C15
                h ^= h >> 29
                i += 8
            }
        }
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return (low, high, UInt32(truncatingIfNeeded: h))
    }

    /// `body` of the bytes of string `code`.
    func withBytes<R>(of code: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try pool.withUnsafeBufferPointer { pool in try body(UnsafeBufferPointer(rebasing: pool[starts[code] ..< starts[code + 1]])) }
    }

    private func equals(_ code: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[code], length = starts[code + 1] - start
        guard length == bytes.count else { return false }
        return pool.withUnsafeBufferPointer { pool in
            for i in 0 ..< length where pool[start + i] != bytes[i] { return false }
            return true
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(low: 0, high: 0, entry: 0), count: old.count * 2)
        mask = slots.count - 1
        for found in old where found.entry != 0 {
            var slot = Int(truncatingIfNeeded: found.entry >> 32) & mask
            while slots[slot].entry != 0 { slot = (slot + 1) & mask }
            slots[slot] = found
        }
    }

    /// The strings in code order (the bytes were checked to be UTF-8 before they were interned).
    func strings() -> [String] {
        pool.withUnsafeBufferPointer { pool in
            (0 ..< count).map { code in
                String(decoding: UnsafeBufferPointer(rebasing: pool[starts[code] ..< starts[code + 1]]), as: UTF8.self)
            }
        }
    }
}
