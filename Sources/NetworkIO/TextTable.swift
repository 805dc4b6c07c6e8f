/// Aligned plain-text tables for the terminal: text columns left-aligned, numbers right-aligned.
public struct TextTable: Sendable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]] = []) {
        self.header = header
        self.rows = rows
    }

    public var rendered: String {
        let all = [header] + rows
        let columnCount = all.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columnCount)
        var numeric = [Bool](repeating: true, count: columnCount)
        for row in all { for (c, cell) in row.enumerated() { widths[c] = max(widths[c], cell.count) } }
        for row in rows { for (c, cell) in row.enumerated() where Double(cell) == nil && !cell.isEmpty { numeric[c] = false } }
        return all.map { row in
            row.enumerated().map { c, cell in
                let padding = String(repeating: " ", count: widths[c] - cell.count)
                return numeric[c] ? padding + cell : (c == row.count - 1 ? cell : cell + padding)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
