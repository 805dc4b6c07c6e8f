import NetworkModel

/// Reads a table of ties (`edges.csv`, a plain edge list, Gephi's edges table, Kumu's connections sheet).
///
/// - Gephi: a `Type` column whose values are all `Directed`/`Undirected` gives each tie's direction,
///   not its kind.
/// - Kumu: with `From`/`To` headers, or when stakeholders are keyed by label, `a|b` in `From` or `To`
///   means one tie to each, and `|` separates several values in attribute cells.
struct TieTableReader {
    /// The known stakeholders' ids, in order, with an index by id made only if a cell needs one (tie ends
    /// interned after the ids resolve by position; see `plan`).
    final class KnownIDs {
        let ids: [String]
        private var table: [String: Int32]?

        init(_ ids: [String]) { self.ids = ids }

        var count: Int { ids.count }

        func index(of id: String) -> Int32? {
            if table == nil {
                var made: [String: Int32] = [:]
                made.reserveCapacity(ids.count)
                for (i, id) in ids.enumerated() { made[id] = Int32(i) }
                table = made
            }
            return table![id]
        }
    }

    /// Where tie ends are looked up: the stakeholders of a node table, or none (stakeholders are then
    /// inferred from the ties in order of first mention).
    enum Stakeholders {
        case known(ids: KnownIDs, file: String)
        case inferred
    }

    struct Result {
        var ties = TieColumns()
        /// Ids of the stakeholders inferred from ties, in order of first mention (empty for `.known`).
        var inferredIDs: [String] = []
        /// Whether the table gave every tie an explicit direction.
        var everyTieHasDirection = false
    }

    /// How to read a tie table's columns (`CSVParser.table`): its two ends interned together, after the
    /// known stakeholders' ids (`seeds`, in order), so that a cell naming one has its index + 1 as its code.
    /// `nil` when the header names no ends, or ends that may list several ids (Kumu).
    static func plan(header: [String], mapping: ColumnMapping, labelKeyed: Bool, seeds: [String]) -> CSVColumnPlan? {
        guard let mapped = try? mapping.columns(for: mapping.ties, header: header, file: "", line: 0, option: "--ties-columns", role: TieColumn.init(rawValue:)),
              let match = try? HeaderMatch(header: header, file: "", line: 0, mapped: mapped, synonyms: { $0.synonyms }),
              let source = match[.source], let target = match[.target], source != target else { return nil }
        if labelKeyed || HeaderMatching.normalised(header[source]) == "from" { return nil }
        return CSVColumnPlan(shared: [source, target], seeds: seeds)
    }

    /// Reads the ties of `table`, taking it: its columns are let go one by one as the ties' columns are made.
    static func read(_ table: consuming CSVTable, stakeholders: Stakeholders, labelKeyed: Bool, mapping: ColumnMapping = ColumnMapping(),
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
           !table.columns[column].anyRow({ !AttributeParsing.isMissing($0) && !isGephiDirection($0) }),
           table.columns[column].anyRow({ !AttributeParsing.isMissing($0) }) {
            directionColumn = column
            kindColumn = nil
        }
        let splitsLists = labelKeyed || HeaderMatching.normalised(table.header[sourceColumn]) == "from"

        var result = Result()
        var inferredIndex: [String: Int32] = [:]
        if case .inferred = stakeholders { inferredIndex.reserveCapacity(table.columns[sourceColumn].values.count + table.columns[targetColumn].values.count) }
        var suggestions: [String: String?] = [:]
        var everyTieHasDirection = directionColumn != nil
        let file = table.file

        /// The stakeholder `id` names: a new one in order of first mention when they are inferred, else the
        /// stakeholders table's or `nil`.
        func index(of id: String) -> Int32? {
            switch stakeholders {
            case .inferred:
                if let index = inferredIndex[id] { return index }
                let index = Int32(result.inferredIDs.count)
                inferredIndex[id] = index
                result.inferredIDs.append(id)
                return index
            case .known(let ids, _):
                return ids.index(of: id)
            }
        }

        /// `index(of:)`, reporting an id that is not a stakeholder.
        func resolve(_ id: String, role: TieColumn, line: Int) -> Int32? {
            if let index = index(of: id) { return index }
            guard case .known(let ids, let nodesFile) = stakeholders else { return nil }
            if suggestions[id] == nil, suggestions.count < 50 {
                suggestions[id] = .some(ClosestMatch.suggestion(for: id, among: ids.ids))
            }
            let hint = (suggestions[id] ?? nil).map { "did you mean '\($0)'?" } ?? "add it to \(nodesFile) or correct the id"
            report.error(file, line: line, field: table.header[role == .source ? sourceColumn : targetColumn],
                         "tie \(role.rawValue) '\(id)' is not a stakeholder in \(nodesFile)", hint: hint)
            return nil
        }

        /// One id per cell (the usual case): each distinct cell is looked up once, in order of first mention
        /// (so inferred stakeholders keep that order), to the stakeholder's index, or `missing` (no id) or
        /// `unknown` (reported row by row by `failedEnd`, as every row naming it is an error).
        let missing: Int32 = -2, unknown: Int32 = -1, unresolved: Int32 = -3
        var resolvedSources: [Int32] = [], resolvedTargets: [Int32] = []
        if !splitsLists {
            let sourceCells = table.columns[sourceColumn], targetCells = table.columns[targetColumn]
            func lookUp(_ cell: String) -> Int32 {
                let id = cell.trimmingSpaces
                return AttributeParsing.isMissing(id) ? missing : index(of: id) ?? unknown
            }
            if let shared = Self.sharedEnds(table, sourceColumn, targetColumn, stakeholders: stakeholders) {
                // The ends were interned together: values are ids in order of first mention (after the known
                // stakeholders' ids, when there are some), so most resolve by position.
                var resolved = [Int32](repeating: unresolved, count: sourceCells.values.count)
                resolved[0] = missing
                switch shared {
                case .seeded(let count):
                    if count > 0 { for code in 1 ... count { resolved[code] = Int32(code - 1) } }
                    for code in (count + 1) ..< resolved.count { resolved[code] = lookUp(sourceCells.values[code]) }
                case .plainIDs:
                    result.inferredIDs = Array(sourceCells.values.dropFirst())
                    for code in resolved.indices.dropFirst() { resolved[code] = Int32(code - 1) }
                }
                resolvedSources = resolved
                resolvedTargets = resolved
            } else {
                resolvedSources = [Int32](repeating: unresolved, count: sourceCells.values.count)
                resolvedTargets = [Int32](repeating: unresolved, count: targetCells.values.count)
                for row in 0 ..< table.rowCount {
                    let s = Int(sourceCells.codes[row]), t = Int(targetCells.codes[row])
                    if resolvedSources[s] == unresolved { resolvedSources[s] = lookUp(sourceCells.values[s]) }
                    if resolvedTargets[t] == unresolved { resolvedTargets[t] = lookUp(targetCells.values[t]) }
                }
            }
        }
        /// Reports why a cell's end is not a stakeholder.
        func failedEnd(_ code: Int32, role: TieColumn, line: Int) {
            let column = role == .source ? sourceColumn : targetColumn
            let index = role == .source ? resolvedSources[Int(code)] : resolvedTargets[Int(code)]
            if index == missing {
                report.error(file, line: line, field: table.header[column], "the tie has no \(role.rawValue)",
                             hint: "every tie needs a source and a target")
            } else {
                _ = resolve(table.columns[column].values[Int(code)].trimmingSpaces, role: role, line: line)
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

        let weightColumn = header[.weight], startColumn = header[.start], endColumn = header[.end], respondentColumn = header[.respondent]
        // Every cell but the ends is parsed once per distinct text and looked up by its code row by row.
        let decimalComma = table.allowsDecimalComma
        let weights = weightColumn.map { table.columns[$0].mapValues { cell -> Parsed<Double> in
            if AttributeParsing.isMissing(cell) { return .missing }
            guard let value = CellReading.number(cell, decimalComma: decimalComma) else { return .invalid("weight '\(cell.trimmingSpaces)' is not a number") }
            if !value.isFinite { return .invalid("weight '\(cell.trimmingSpaces)' is not a finite number") }
            if value < 0 { return .invalid("weight \(cell.trimmingSpaces) is negative") }
            return .value(value)
        } }
        let directions = directionColumn.map { table.columns[$0].mapValues { cell -> Parsed<TieDirection> in
            if AttributeParsing.isMissing(cell) { return .missing }
            return CellReading.direction(cell).map { .value($0) } ?? .invalid("'\(cell.trimmingSpaces)' is not a direction")
        } }
        func years(_ role: TieColumn, _ column: Int?) -> [Parsed<Int32>]? {
            column.map { table.columns[$0].mapValues { cell -> Parsed<Int32> in
                if AttributeParsing.isMissing(cell) { return .missing }
                return CellReading.year(cell).map { .value($0) } ?? .invalid("\(role.rawValue) year '\(cell.trimmingSpaces)' is not a whole number")
            } }
        }
        let startYears = years(.start, startColumn), endYears = years(.end, endColumn)
        let kinds = kindColumn.map { table.columns[$0].mapValues { AttributeParsing.isMissing($0) ? nil : TieKind(parsing: $0) } }
        // Who reported the tie: an id, kept as text whatever it looks like (a row without one is a tie known otherwise).
        let respondents = respondentColumn.map { table.columns[$0].mapValues { cell -> AttributeValue? in
            let id = cell.trimmingSpaces
            return AttributeParsing.isMissing(id) ? nil : .text(id)
        } }
        // Each distinct kind spelling parsed once, then numbered among the distinct kinds.
        var tieKinds: [TieKind] = []
        let kindCodeOfValue: [Int32]? = kinds.map { parsed in
            var codeOf: [TieKind: Int32] = [:]
            return parsed.map { kind in
                guard let kind else { return 0 }
                if let code = codeOf[kind] { return code }
                tieKinds.append(kind)
                codeOf[kind] = Int32(tieKinds.count)
                return Int32(tieKinds.count)
            }
        }

        // First, which rows make ties: each row checked in order, its problems reported field by field. A Kumu
        // row listing several ends makes a tie for each pair (`listed`); otherwise a valid row makes one.
        var rowIsValid = [Bool](repeating: true, count: table.rowCount)
        var validRows = 0
        var listedRows: [Int32] = [], listedSources: [Int32] = [], listedTargets: [Int32] = []
        // The columns' codes taken out of the table once, not on every row (in a scope of their own, so the
        // table's columns can be let go below).
        do {
            let sourceCodes = table.columns[sourceColumn].codes, targetCodes = table.columns[targetColumn].codes
            let weightCodes = weightColumn.map { table.columns[$0].codes }, directionCodes = directionColumn.map { table.columns[$0].codes }
            for row in 0 ..< table.rowCount {
                let line = table.lines[row]
                var valid: Bool
                var sources: [Int32] = [], targets: [Int32] = []
                if splitsLists {
                    let s = ends(table.columns[sourceColumn][row], role: .source, line: line), t = ends(table.columns[targetColumn][row], role: .target, line: line)
                    sources = s ?? []
                    targets = t ?? []
                    valid = s != nil && t != nil
                } else {
                    let sourceCode = sourceCodes[row], targetCode = targetCodes[row]
                    let s = resolvedSources[Int(sourceCode)], t = resolvedTargets[Int(targetCode)]
                    if s < 0 { failedEnd(sourceCode, role: .source, line: line) }
                    if t < 0 { failedEnd(targetCode, role: .target, line: line) }
                    valid = s >= 0 && t >= 0
                }
                if let weights, let column = weightColumn, let weightCodes, case .invalid(let message) = weights[Int(weightCodes[row])] {
                    report.error(file, line: line, field: table.header[column], message,
                                 hint: message.hasSuffix("negative") ? "a weight is a tie's strength, a number 0 or above; record opposition as a tie kind"
                                                                     : "a weight is a tie's strength, a number 0 or above")
                    valid = false
                }
                if let directions, let column = directionColumn, let directionCodes {
                    switch directions[Int(directionCodes[row])] {
                    case .missing: everyTieHasDirection = false
                    case .value: break
                    case .invalid(let message):
                        report.error(file, line: line, field: table.header[column], message, hint: "write directed or undirected (also true/false, yes/no)")
                        valid = false
                    }
                }
                func year(_ parsed: [Parsed<Int32>]?, in yearColumn: Int?) -> Int32? {
                    guard let parsed, let column = yearColumn else { return nil }
                    switch parsed[Int(table.columns[column].codes[row])] {
                    case .missing: return nil
                    case .value(let year): return year
                    case .invalid(let message):
                        report.error(file, line: line, field: table.header[column], message, hint: "write a year such as 2012, or leave the cell empty")
                        valid = false
                        return nil
                    }
                }
                let startYear = year(startYears, in: startColumn), endYear = year(endYears, in: endColumn)
                if let startYear, let endYear, startYear > endYear {
                    report.error(file, line: line, field: table.header[startColumn!], "the tie starts in \(startYear), after it ends in \(endYear)",
                                 hint: "swap the start and end years")
                    valid = false
                }
                rowIsValid[row] = valid
                if valid { validRows += 1 }
                if valid, splitsLists {
                    for source in sources {
                        for target in targets {
                            listedRows.append(Int32(row))
                            listedSources.append(source)
                            listedTargets.append(target)
                        }
                    }
                }
            }
        }

        // Then the ties' columns, one at a time, each table column let go once read (at a million rows the
        // table's codes are as large as the ties). `tieRows[i]` is tie i's row; nil when tie i is row i.
        let tieRows: [Int32]? = splitsLists ? listedRows : validRows == table.rowCount ? nil : rowIsValid.indices.filter { rowIsValid[$0] }.map { Int32($0) }
        rowIsValid = []
        func take<T>(_ column: Int, _ value: (Int) -> T) -> [T] {
            let codes = table.columns[column].codes
            table.columns[column] = CSVColumn.released
            return tieRows.map { $0.map { value(Int(codes[Int($0)])) } } ?? codes.map { value(Int($0)) }
        }
        let tieSources = splitsLists ? listedSources : take(sourceColumn) { resolvedSources[$0] }
        let tieTargets = splitsLists ? listedTargets : take(targetColumn) { resolvedTargets[$0] }
        let lines = table.lines.storage
        let tieLines = tieRows.map { $0.map { lines[Int($0)] } } ?? lines
        func parsed<T>(_ parsed: [Parsed<T>], missing: T) -> (Int) -> T {
            { code in if case .value(let value) = parsed[code] { return value } else { return missing } }
        }
        let tieWeights = weightColumn.map { take($0, parsed(weights!, missing: 1.0)) } ?? []
        let tieDirections = directionColumn.map { take($0, parsed(directions!, missing: TieDirection.asNetwork)) } ?? []
        let tieStarts = startColumn.map { take($0, parsed(startYears!, missing: TieColumns.noYear)) } ?? []
        let tieEnds = endColumn.map { take($0, parsed(endYears!, missing: TieColumns.noYear)) } ?? []
        let tieKindCodes = kindColumn.map { take($0) { kindCodeOfValue![$0] } } ?? []
        // Free attributes: each typed once per distinct cell, values missing folded into code 0.
        var tieAttributes: [TieAttributeColumn] = []
        for column in header.attributes {
            let typed = CellReading.attributeValues(table.columns[column.column], decimalComma: table.allowsDecimalComma, lists: splitsLists)
            table.columns[column.column] = CSVColumn.released
            tieAttributes.append(Self.attributeColumn(name: column.name, values: typed.values, rowCodes: typed.codes, tieRows: tieRows))
        }
        if let respondents, let column = respondentColumn {
            let respondentColumn = Self.attributeColumn(name: Tie.respondentAttribute, values: respondents.map { $0 ?? .missing },
                                                        rowCodes: table.columns[column].codes, tieRows: tieRows)
            if let clash = tieAttributes.firstIndex(where: { $0.name == Tie.respondentAttribute }) {
                tieAttributes[clash] = Self.overriding(tieAttributes[clash], with: respondentColumn)
            } else {
                tieAttributes.append(respondentColumn)
            }
        }
        result.ties = TieColumns(sources: tieSources, targets: tieTargets, lines: tieLines, weights: tieWeights, kindCodes: tieKindCodes,
                                 kinds: tieKinds, starts: tieStarts, ends: tieEnds, directions: tieDirections,
                                 attributes: tieAttributes.filter { $0.codes.contains { $0 != 0 } })
        result.everyTieHasDirection = everyTieHasDirection && table.rowCount > 0
        return result
    }

    /// How a table's two end columns share their values, when they do (`plan`).
    enum SharedEnds {
        /// The first `count` values after the empty cell are the known stakeholders' ids, in order.
        case seeded(Int)
        /// Every value is an id as written (trimmed, not a missing marker), in order of first mention.
        case plainIDs
    }

    static func sharedEnds(_ table: CSVTable, _ source: Int, _ target: Int, stakeholders: Stakeholders) -> SharedEnds? {
        guard Set(table.sharedValues) == [source, target] else { return nil }
        let values = table.columns[source].values
        switch stakeholders {
        case .known(let ids, _):
            let count = table.columns[source].seedCount
            return count == ids.count && count == table.columns[target].seedCount ? .seeded(count) : nil
        case .inferred:
            // Cells are interned row by row from the left: the order of first mention is the inferred one
            // (each row's source before its target) only when the source column comes first.
            guard table.columns[source].seedCount == 0, source < target else { return nil }
            for value in values.dropFirst() {
                if value.isEmpty || value.trimmingSpaces.utf8.count != value.utf8.count || AttributeParsing.isMissing(value) { return nil }
            }
            return .plainIDs
        }
    }

    /// A tie attribute column from a table column's typed distinct values and its rows' codes: tie i has
    /// row `tieRows[i]`'s value (row i's when `tieRows` is nil), and every missing value is code 0.
    static func attributeColumn(name: String, values: [AttributeValue], rowCodes: [Int32], tieRows: [Int32]?) -> TieAttributeColumn {
        // Code 0 (the empty cell) is missing; any other missing spelling (NA …) becomes 0 too.
        var recode = values.indices.map { Int32($0) }
        for (code, value) in values.enumerated() where value.isMissing { recode[code] = 0 }
        var kept = values
        if kept.isEmpty { kept = [.missing] } else { kept[0] = .missing }
        let codes = tieRows.map { $0.map { recode[Int(rowCodes[Int($0)])] } } ?? rowCodes.map { recode[Int($0)] }
        return TieAttributeColumn(name: name, codes: codes, values: kept)
    }

    /// `base`'s values, with `override`'s wherever it has one.
    static func overriding(_ base: TieAttributeColumn, with override: TieAttributeColumn) -> TieAttributeColumn {
        let offset = Int32(base.values.count - 1)
        let codes = zip(base.codes, override.codes).map { $1 != 0 ? $1 + offset : $0 }
        return TieAttributeColumn(name: base.name, codes: codes, values: base.values + override.values.dropFirst())
    }

    /// A cell parsed once: missing, a value, or the message of why it is not one.
    enum Parsed<Value> {
        case missing
        case value(Value)
        case invalid(String)
    }

    static func isGephiDirection(_ cell: String) -> Bool {
        ["directed", "undirected", "mutual"].contains(cell.trimmingSpaces.lowercased())
    }
}
