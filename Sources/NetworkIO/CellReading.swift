import NetworkModel

/// Reading single spreadsheet cells as numbers, years and directions, as Excel and R write them.
enum CellReading {
    /// A number; with `decimalComma`, `0,5` reads as 0.5 (European Excel, R's `write.csv2`).
    /// NaN and infinities are returned as read: callers decide whether they are allowed.
    static func number(_ cell: String, decimalComma: Bool) -> Double? {
        let trimmed = cell.trimmingSpaces
        if let value = Double(trimmed) { return value }
        if decimalComma, let comma = trimmed.firstIndex(of: ","), !trimmed.contains("."),
           trimmed[trimmed.index(after: comma)...].firstIndex(of: ",") == nil {
            return Double(trimmed.replacingCharacters(in: comma ... comma, with: "."))
        }
        return nil
    }

    /// A year: a whole number, possibly written `2012.0` by a tool that stores years as numbers.
    /// A year: a whole number (2012, 2012.0), or the year of an ISO date (2012-03-31, as workbooks' date
    /// cells are read, and as spreadsheets export dates).
    static func year(_ cell: String) -> Int32? {
        let trimmed = cell.trimmingSpaces
        if let value = Int32(trimmed) { return value }
        if let value = Double(trimmed), value == value.rounded(), abs(value) < 100_000 { return Int32(value) }
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count == 4, let year = Int32(parts[0]), let month = Int(parts[1]), let day = Int(parts[2].prefix(2)),
           (1 ... 12).contains(month), (1 ... 31).contains(day), parts[2].count == 2 || parts[2].dropFirst(2).first == "T" {
            return year
        }
        return nil
    }

    /// A tie direction: `directed`/`true`/`yes`/`1`, or `undirected`/`mutual`/`false`/`no`/`0`.
    static func direction(_ cell: String) -> TieDirection? {
        switch cell.trimmingSpaces.lowercased() {
        case "directed", "true", "yes", "y", "t", "1", "->", "one-way": return .directed
        case "undirected", "mutual", "false", "no", "n", "f", "0", "--", "two-way", "both": return .undirected
        default: return nil
        }
    }

    /// Cells of a free-attribute column as typed values. With `lists`, a cell holding `|` is a list (Kumu).
    /// The type is inferred, and each value parsed, once per distinct cell text.
    static func attributeValues(_ column: CSVColumn, decimalComma: Bool, lists: Bool) -> CodedAttribute {
        let cells = column.values
        if lists, cells.contains(where: { $0.contains("|") }) {
            return CodedAttribute(codes: column.codes, values: cells.map { AttributeParsing.value($0, as: .list) })
        }
        var prepared = cells
        if decimalComma {
            prepared = cells.map { cell in
                guard cell.contains(","), !AttributeParsing.isMissing(cell), let value = number(cell, decimalComma: true) else { return cell }
                return "\(value)"
            }
        }
        let type = AttributeParsing.inferType(of: prepared)
        return CodedAttribute(codes: column.codes, values: prepared.map { AttributeParsing.value($0, as: type) })
    }
}

/// A column's typed values: `values[codes[row]]` is row `row`'s.
struct CodedAttribute {
    let codes: [Int32]
    let values: [AttributeValue]
    subscript(row: Int) -> AttributeValue { values[Int(codes[row])] }
}
