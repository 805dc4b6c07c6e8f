import NetworkModel

/// Reads a table of ties (`edges.csv`, a plain edge list, Gephi's edges table, Kumu's connections sheet).
///
/// - Gephi: a `Type` column whose values are all `Directed`/`Undirected` gives each tie's direction,
///   not its kind.
/// - Kumu: with `From`/`To` headers, or when stakeholders are keyed by label, `a|b` in `From` or `To`
///   means one tie to each, and `|` separates several values in attribute cells.
struct TieTableReader {
    /// Where tie ends are looked up: the stakeholders of a node table, or none (stakeholders are then
    /// inferred from the ties in order of first mention).
    enum Stakeholders {
        case known(ids: [String: Int32], file: String)
        case inferred
    }

    struct Result {
        var ties: [Tie] = []
        /// Ids of the stakeholders inferred from ties, in order of first mention (empty for `.known`).
        var inferredIDs: [String] = []
        /// Whether the table gave every tie an explicit direction.
        var everyTieHasDirection = false
    }

    static func read(_ table: CSVTable, stakeholders: Stakeholders, labelKeyed: Bool, mapping: ColumnMapping = ColumnMapping(),
                     report: inout ValidationReport) -> Result? {
        let header: HeaderMatch<TieColumn>
        do {
            let mapped = try mapping.columns(for: mapping.ties, header: table.header, file: table.file, line: table.headerLine,
                                             option: "--ties-columns", role: TieColumn.init(rawValue:))
            header = try HeaderMatch(header: table.header, file: table.file, line: table.headerLine, mapped: mapped) { $0.synonyms }
        } catch let error as InputError {
            report.add(error.problem)
            return nil
        } catch { return nil }

        for role in [TieColumn.source, .target] where header[role] == nil {
            let closest = ClosestMatch.suggestion(for: role.rawValue, among: table.header).map { "did you mean '\($0)'? " } ?? ""
            report.error(table.file, line: table.headerLine,
                         "no \(role.rawValue) column (looked for \(role.synonyms.joined(separator: ", "))); found: \(table.headerSummary())",
                         hint: "\(closest)name the columns of tie ends 'source' and 'target', or say which they are: --ties-columns source=HEADER,target=HEADER")
        }
        guard let sourceColumn = header[.source], let targetColumn = header[.target] else { return nil }

        var kindColumn = header[.kind]
        var directionColumn = header[.directed]
        if directionColumn == nil, let column = kindColumn, table.header[column].lowercased() == "type",
           table.columns[column].allSatisfy({ AttributeParsing.isMissing($0) || isGephiDirection($0) }),
           table.columns[column].contains(where: { !AttributeParsing.isMissing($0) }) {
            directionColumn = column
            kindColumn = nil
        }
        let splitsLists = labelKeyed || HeaderMatching.normalised(table.header[sourceColumn]) == "from"
        let attributeValues = header.attributes.map {
            CellReading.attributeValues(table.columns[$0.column], decimalComma: table.allowsDecimalComma, lists: splitsLists)
        }

        var result = Result()
        result.ties.reserveCapacity(table.rowCount)
        var inferredIndex: [String: Int32] = [:]
        var suggestions: [String: String?] = [:]
        var everyTieHasDirection = directionColumn != nil
        let file = table.file

        func resolve(_ id: String, role: TieColumn, line: Int) -> Int32? {
            switch stakeholders {
            case .inferred:
                if let index = inferredIndex[id] { return index }
                let index = Int32(result.inferredIDs.count)
                inferredIndex[id] = index
                result.inferredIDs.append(id)
                return index
            case .known(let ids, let nodesFile):
                if let index = ids[id] { return index }
                if suggestions[id] == nil, suggestions.count < 50 {
                    suggestions[id] = .some(ClosestMatch.suggestion(for: id, among: ids.keys))
                }
                let hint = (suggestions[id] ?? nil).map { "did you mean '\($0)'?" } ?? "add it to \(nodesFile) or correct the id"
                report.error(file, line: line, field: table.header[role == .source ? sourceColumn : targetColumn],
                             "tie \(role.rawValue) '\(id)' is not a stakeholder in \(nodesFile)", hint: hint)
                return nil
            }
        }

        func ends(_ cell: String, role: TieColumn, line: Int) -> [Int32]? {
            let column = role == .source ? sourceColumn : targetColumn
            if !splitsLists {
                // The usual case: one id per cell.
                let id = cell.trimmingSpaces
                if !AttributeParsing.isMissing(id) { return resolve(id, role: role, line: line).map { [$0] } }
            }
            let parts = splitsLists ? cell.split(separator: "|").map { String($0).trimmingSpaces } : [cell.trimmingSpaces]
            let ids = parts.filter { !AttributeParsing.isMissing($0) }
            if ids.isEmpty {
                report.error(file, line: line, field: table.header[column], "the tie has no \(role.rawValue)",
                             hint: "every tie needs a source and a target")
                return nil
            }
            var indices: [Int32] = []
            var allKnown = true
            for id in ids {
                if let index = resolve(id, role: role, line: line) { indices.append(index) } else { allKnown = false }
            }
            return allKnown ? indices : nil
        }

        let sourceCells = table.columns[sourceColumn], targetCells = table.columns[targetColumn]
        let weightColumn = header[.weight], startColumn = header[.start], endColumn = header[.end], respondentColumn = header[.respondent]
        for row in 0 ..< table.rowCount {
            let line = table.lines[row]
            let sources = ends(sourceCells[row], role: .source, line: line)
            let targets = ends(targetCells[row], role: .target, line: line)
            var rowIsValid = sources != nil && targets != nil

            var weight = 1.0
            if let column = weightColumn, case let cell = table.columns[column][row], !AttributeParsing.isMissing(cell) {
                let field = table.header[column]
                if let value = CellReading.number(cell, decimalComma: table.allowsDecimalComma) {
                    if !value.isFinite {
                        report.error(file, line: line, field: field, "weight '\(cell.trimmingSpaces)' is not a finite number",
                                     hint: "a weight is a tie's strength, a number 0 or above")
                        rowIsValid = false
                    } else if value < 0 {
                        report.error(file, line: line, field: field, "weight \(cell.trimmingSpaces) is negative",
                                     hint: "a weight is a tie's strength, a number 0 or above; record opposition as a tie kind")
                        rowIsValid = false
                    } else {
                        weight = value
                    }
                } else {
                    report.error(file, line: line, field: field, "weight '\(cell.trimmingSpaces)' is not a number",
                                 hint: "a weight is a tie's strength, a number 0 or above")
                    rowIsValid = false
                }
            }

            var direction = TieDirection.asNetwork
            if let column = directionColumn {
                let cell = table.columns[column][row]
                if AttributeParsing.isMissing(cell) {
                    everyTieHasDirection = false
                } else if let parsed = CellReading.direction(cell) {
                    direction = parsed
                } else {
                    report.error(file, line: line, field: table.header[column], "'\(cell.trimmingSpaces)' is not a direction",
                                 hint: "write directed or undirected (also true/false, yes/no)")
                    rowIsValid = false
                }
            }

            func year(_ role: TieColumn, in yearColumn: Int?) -> Int32? {
                guard let column = yearColumn, case let cell = table.columns[column][row], !AttributeParsing.isMissing(cell) else { return nil }
                if let year = CellReading.year(cell) { return year }
                report.error(file, line: line, field: table.header[column], "\(role.rawValue) year '\(cell.trimmingSpaces)' is not a whole number",
                             hint: "write a year such as 2012, or leave the cell empty")
                rowIsValid = false
                return nil
            }
            let startYear = year(.start, in: startColumn), endYear = year(.end, in: endColumn)
            if let startYear, let endYear, startYear > endYear {
                report.error(file, line: line, field: table.header[startColumn!], "the tie starts in \(startYear), after it ends in \(endYear)",
                             hint: "swap the start and end years")
                rowIsValid = false
            }

            guard rowIsValid, let sources, let targets else { continue }
            let kind = kindColumn.flatMap { column -> TieKind? in
                let cell = table.columns[column][row]
                return AttributeParsing.isMissing(cell) ? nil : TieKind(parsing: cell)
            }
            var attributes: [String: AttributeValue] = [:]
            for (a, column) in header.attributes.enumerated() where !attributeValues[a][row].isMissing {
                attributes[column.name] = attributeValues[a][row]
            }
            // Who reported the tie: an id, kept as text whatever it looks like (a row without one is a tie known otherwise).
            if let column = respondentColumn, case let cell = table.columns[column][row].trimmingSpaces, !AttributeParsing.isMissing(cell) {
                attributes[Tie.respondentAttribute] = .text(cell)
            }
            for source in sources {
                for target in targets {
                    result.ties.append(Tie(source: source, target: target, kind: kind, weight: weight, direction: direction,
                                           start: startYear, end: endYear, attributes: attributes, line: Int32(clamping: line)))
                }
            }
        }
        result.everyTieHasDirection = everyTieHasDirection && table.rowCount > 0
        return result
    }

    static func isGephiDirection(_ cell: String) -> Bool {
        ["directed", "undirected", "mutual"].contains(cell.trimmingSpaces.lowercased())
    }
}
