/// One column of a table: each row's cell as a code into the column's distinct values.
///
/// A tie table repeats each stakeholder id and each weight many times; storing every cell as a code
/// (4 bytes) and each distinct text once lets readers parse, type and look up a value once however often
/// it is written, and keeps a million-row column at 4 MB. Code 0 is always the empty cell, which short
/// rows get.
public struct CSVColumn: RandomAccessCollection, Sendable {
    /// `codes[r]`: the value of row `r`, an index into `values`.
    public let codes: [Int32]
    /// The distinct cell texts, exactly as written (untrimmed); `values[0]` is "". A column whose values are
    /// shared with another (`CSVTable.sharedValues`) may hold values that only the other's cells have.
    public let values: [String]
    /// How many values were given before the cells were read (`values[1 ... seedCount]`, in the order given).
    public let seedCount: Int

    init(codes: [Int32], values: [String], seedCount: Int = 0) {
        precondition(values.first == "" && values.count > seedCount)
        self.codes = codes
        self.values = values
        self.seedCount = seedCount
    }

    /// A column of cells read elsewhere (a workbook sheet).
    init(_ cells: [String]) {
        var index: [String: Int32] = ["": 0]
        var values = [""]
        codes = cells.map { cell in
            if let code = index[cell] { return code }
            let code = Int32(values.count)
            index[cell] = code
            values.append(cell)
            return code
        }
        self.values = values
        seedCount = 0
    }

    /// A column whose cells a reader has taken and let go.
    static let released = CSVColumn(codes: [], values: [""])

    public var startIndex: Int { 0 }
    public var endIndex: Int { codes.count }
    public subscript(row: Int) -> String { values[Int(codes[row])] }

    /// `transform` of each distinct value, by code: evaluate once per value, then look rows up by `codes[row]`.
    public func mapValues<T>(_ transform: (String) throws -> T) rethrows -> [T] { try values.map(transform) }

    /// Whether some row holds a value satisfying `predicate` (each distinct value tested once).
    public func anyRow(_ predicate: (String) -> Bool) -> Bool {
        var used = [Bool](repeating: false, count: values.count)
        for code in codes { used[Int(code)] = true }
        return values.indices.contains { used[$0] && predicate(values[$0]) }
    }
}
