import Foundation
import NetworkModel

/// How a table of numbers holds a network.
public enum MatrixLayout: String, Sendable, CaseIterable {
    /// Rows and columns the same stakeholders; cell (i, j) the weight of the tie from i to j.
    case adjacency
    /// Rows one kind of stakeholder, columns another (people and the events they attend); a non-empty
    /// cell a tie between them.
    case incidence
}

/// Networks kept as matrices, as UCINET, R (`write.csv` of a sociomatrix) and many spreadsheets keep them: the
/// first row names the columns, the first column names the rows (its header cell may be empty), and each
/// cell is a tie's weight, blank, `0` or `NA` for none.
///
/// - An **adjacency** matrix is found by itself when the table is square-labelled (its row names are its
///   column names); `--matrix adjacency` insists. A symmetric matrix is an undirected network (one tie per
///   pair, the diagonal as self-loops), any other a directed one, unless the direction is given.
/// - An **incidence** (two-mode) matrix needs `--matrix incidence`: rows and columns become stakeholders
///   with the property `mode` (`row`, `column`), ready for `stakenet two-mode --modes-by mode`; a tie runs
///   from the row to the column.
///
/// - Complexity: O(rows · columns).
enum MatrixFormat {
    /// Whether the table's first column names the same stakeholders as its header, after its first cell.
    static func isSquareLabelled(_ table: CSVTable) -> Bool {
        let names = Array(table.header.dropFirst())
        guard table.header.count >= 2, table.columns.count == table.header.count, table.rowCount == names.count else { return false }
        // An edge list's first header names the tie's source, never a matrix's row names.
        if TieColumn.source.synonyms.contains(HeaderMatching.normalised(table.header[0])) { return false }
        let rows = table.columns[0].map(\.trimmingSpaces)
        return Set(rows) == Set(names) && Set(names).count == names.count
    }

    static func read(_ table: CSVTable, layout: MatrixLayout, name: String, options: NetworkReadOptions, report: inout ValidationReport) -> StakeholderNetwork? {
        guard table.header.count >= 2 else {
            report.error(table.file, line: table.headerLine, "a matrix needs a column of row names and at least one column",
                         hint: "the first row names the columns, the first column the rows")
            return nil
        }
        let columnNames = table.header.dropFirst().map(\.trimmingSpaces)
        let rowNames = table.columns[0].map(\.trimmingSpaces)
        // The names.
        var seen: [String: Int] = [:]
        for (c, name) in columnNames.enumerated() {
            if name.isEmpty { report.error(table.file, line: table.headerLine, field: "column \(c + 2)", "the column has no name", hint: "name every column of the matrix") }
            if let first = seen[name], !name.isEmpty {
                report.error(table.file, line: table.headerLine, field: name, "the matrix names this column twice (columns \(first + 2) and \(c + 2))", hint: "names must be unique")
            }
            seen[name] = c
        }
        var rowIndex: [String: Int] = [:]
        for (r, name) in rowNames.enumerated() {
            if name.isEmpty { report.error(table.file, line: table.lines[r], field: table.header[0].isEmpty ? nil : table.header[0], "the row has no name", hint: "name every row of the matrix in its first cell") }
            if let first = rowIndex[name], !name.isEmpty {
                report.error(table.file, line: table.lines[r], "the matrix names row '\(name)' twice (lines \(table.lines[first]) and \(table.lines[r]))", hint: "names must be unique")
            }
            rowIndex[name] = r
        }
        if layout == .adjacency {
            for name in rowNames where !name.isEmpty && seen[name] == nil {
                let hint = ClosestMatch.suggestion(for: name, among: columnNames).map { "did you mean '\($0)'?" } ?? "an adjacency matrix has a column for each row"
                report.error(table.file, line: table.lines[rowIndex[name]!], "row '\(name)' has no column of the same name", hint: hint)
            }
            for name in columnNames where !name.isEmpty && rowIndex[name] == nil {
                report.error(table.file, line: table.headerLine, field: name, "column '\(name)' has no row of the same name", hint: "an adjacency matrix has a row for each column")
            }
        } else {
            for name in rowNames where seen[name] != nil && !name.isEmpty {
                report.error(table.file, line: table.lines[rowIndex[name]!], "'\(name)' names both a row and a column", hint: "in an incidence matrix rows and columns are different stakeholders; rename one")
            }
        }
        // The weights.
        var weights = [[Double]](repeating: [Double](repeating: 0, count: columnNames.count), count: rowNames.count)
        for c in columnNames.indices {
            for r in rowNames.indices {
                let cell = table.columns[c + 1][r]
                if AttributeParsing.isMissing(cell) { continue }
                guard let value = CellReading.number(cell, decimalComma: table.allowsDecimalComma) else {
                    report.error(table.file, line: table.lines[r], field: table.header[c + 1], "'\(cell.trimmingSpaces)' is not a number",
                                 hint: "a matrix cell holds a tie's weight, 0 or blank for none")
                    continue
                }
                guard value.isFinite, value >= 0 else {
                    report.error(table.file, line: table.lines[r], field: table.header[c + 1], "the weight \(cell.trimmingSpaces) is \(value.isFinite ? "negative" : "not a finite number")",
                                 hint: "a weight is a tie's strength, a number 0 or above")
                    continue
                }
                weights[r][c] = value
            }
        }
        guard !report.hasErrors else { return nil }
        switch layout {
        case .adjacency:
            let stakeholders = columnNames.map { Stakeholder(id: $0) }
            // Cell of (from, to) in the table's own row order.
            func weight(_ from: Int, _ to: Int) -> Double { weights[rowIndex[columnNames[from]]!][to] }
            let n = stakeholders.count
            var symmetric = true
            for i in 0 ..< n { for j in 0 ..< i where weight(i, j) != weight(j, i) { symmetric = false } }
            let isDirected = options.directed ?? !symmetric
            var ties: [Tie] = []
            for i in 0 ..< n {
                for j in 0 ..< n where (isDirected || j >= i) && weight(i, j) > 0 {
                    let line = table.lines[rowIndex[columnNames[i]]!]
                    ties.append(Tie(source: Int32(i), target: Int32(j), weight: weight(i, j), line: Int32(clamping: line)))
                }
            }
            if !isDirected && !symmetric {
                report.warning(table.file, "the matrix is not symmetric but the network is read as undirected: each pair's tie takes the weight above the diagonal",
                               hint: "leave out --undirected to read it as directed")
            }
            return StakeholderNetwork(name: name, isDirected: isDirected, stakeholders: stakeholders, ties: ties, stakeholderFile: table.file, tieFile: table.file)
        case .incidence:
            let rows = rowNames.map { Stakeholder(id: $0, attributes: ["mode": .text("row")]) }
            let columns = columnNames.map { Stakeholder(id: $0, attributes: ["mode": .text("column")]) }
            var ties: [Tie] = []
            for r in rowNames.indices {
                for c in columnNames.indices where weights[r][c] > 0 {
                    ties.append(Tie(source: Int32(r), target: Int32(rows.count + c), weight: weights[r][c], line: Int32(clamping: table.lines[r])))
                }
            }
            return StakeholderNetwork(name: name, isDirected: options.directed ?? false, stakeholders: rows + columns, ties: ties,
                                      stakeholderFile: table.file, tieFile: table.file)
        }
    }

    /// The network as an adjacency matrix: a row and a column per stakeholder, each cell the summed
    /// strength of the ties from the row to the column (both ways for an undirected tie).
    static func adjacencyCSV(_ network: StakeholderNetwork) throws -> String {
        let n = network.stakeholderCount
        var weights = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for tie in network.ties {
            let (i, j) = (Int(tie.source), Int(tie.target))
            weights[i][j] += tie.weight
            if !network.isDirected(tie) && i != j { weights[j][i] += tie.weight }
        }
        let ids = network.stakeholders.map(\.id)
        return try CSVText.render(header: [""] + ids, rows: (0 ..< n).map { i in [ids[i]] + weights[i].map { $0 == 0 ? "0" : AttributeValue.format($0) } })
    }

    /// The network as an incidence matrix: its first mode as rows, its second as columns (by the property
    /// `mode`, else by the ties' direction), each cell the summed strength of the ties between them.
    static func incidenceCSV(_ network: StakeholderNetwork) throws -> String {
        let modes: TwoModeAssignment
        do {
            modes = network.stakeholders.contains(where: { $0.attributes["mode"] != nil }) ? try network.twoModes(by: "mode") : try network.twoModesFromTies()
        } catch let error as TwoModeError {
            throw InputError(file: network.name, message: "cannot be written as an incidence matrix: \(error.description)",
                             hint: "give stakeholders a 'mode' column of two values, or write an adjacency matrix")
        }
        // Rows: the mode named "row" when there is one, else the first.
        let rowMode = modes.names.firstIndex(of: "row") ?? 0
        let rows = network.stakeholders.indices.filter { modes.modes[$0] == rowMode }
        let columns = network.stakeholders.indices.filter { modes.modes[$0] != rowMode }
        let columnPosition = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
        let rowPosition = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1, $0) })
        var weights = [[Double]](repeating: [Double](repeating: 0, count: columns.count), count: rows.count)
        for tie in network.ties {
            let (a, b) = (Int(tie.source), Int(tie.target))
            if let r = rowPosition[a], let c = columnPosition[b] { weights[r][c] += tie.weight } else if let r = rowPosition[b], let c = columnPosition[a] { weights[r][c] += tie.weight }
        }
        let ids = network.stakeholders.map(\.id)
        return try CSVText.render(header: [""] + columns.map { ids[$0] }, rows: rows.enumerated().map { r, v in
            [ids[v]] + weights[r].map { $0 == 0 ? "0" : AttributeValue.format($0) }
        })
    }
}
