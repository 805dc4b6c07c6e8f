/// Aligned plain-text tables for the terminal: text columns left-aligned, numbers right-aligned. Cells of
/// label columns (headed `label`, `…label`, `stakeholder`, `alter`) longer than `labelWidth`
/// are cut with "…", so that one long name cannot widen every row; CSV and JSON keep the whole text.
public struct TextTable: Sendable {
    public var header: [String]
    public var rows: [[String]]

    /// The width label cells are cut to (`--label-width`), set once by the tool before any table is made.
    nonisolated(unsafe) public static var labelWidth = 40

    public init(header: [String], rows: [[String]] = []) {
        self.header = header
        self.rows = rows
    }

    static func isLabelColumn(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix("label") || ["stakeholder", "alter"].contains(lower)
    }

    /// `text` cut to `width` characters, the last one "…".
    public static func shortened(_ text: String, to width: Int = TextTable.labelWidth) -> String {
        guard width > 0, text.count > width else { return text }
        return String(text.prefix(Swift.max(1, width - 1))) + "…"
    }

    public var rendered: String {
        let width = TextTable.labelWidth
        let labels = Set(header.indices.filter { TextTable.isLabelColumn(header[$0]) })
        let cut = labels.isEmpty ? rows : rows.map { row in row.enumerated().map { labels.contains($0.offset) ? TextTable.shortened($0.element, to: width) : $0.element } }
        let all = [header] + cut
        let columnCount = all.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columnCount)
        var numeric = [Bool](repeating: true, count: columnCount)
        for row in all { for (c, cell) in row.enumerated() { widths[c] = max(widths[c], cell.count) } }
        for row in cut { for (c, cell) in row.enumerated() where Double(cell) == nil && !cell.isEmpty { numeric[c] = false } }
        return all.map { row in
            row.enumerated().map { c, cell in
                let padding = String(repeating: " ", count: widths[c] - cell.count)
                return numeric[c] ? padding + cell : (c == row.count - 1 ? cell : cell + padding)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
