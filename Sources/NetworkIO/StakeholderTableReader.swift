import NetworkModel

/// Reads a table of stakeholders (`nodes.csv`, Gephi's nodes table, Kumu's elements sheet).
///
/// The `id` column keys stakeholders; a table with no id column but a `label` (Kumu) is keyed by label.
struct StakeholderTableReader {
    struct Result {
        var stakeholders: [Stakeholder]
        /// File line of each stakeholder.
        var lines: [Int]
        /// Whether ids were taken from the label column (Kumu's elements sheet).
        var keyedByLabel: Bool
    }

    /// Reads what it can, recording every problem; `nil` when the table cannot be read at all.
    static func read(_ table: CSVTable, mapping: ColumnMapping = ColumnMapping(), report: inout ValidationReport) -> Result? {
        let header: HeaderMatch<StakeholderColumn>
        do {
            let mapped = try mapping.columns(for: mapping.stakeholders, header: table.header, file: table.file, line: table.headerLine,
                                             option: "--stakeholders-columns", role: StakeholderColumn.init(rawValue:))
            header = try HeaderMatch(header: table.header, file: table.file, line: table.headerLine, mapped: mapped) { $0.synonyms }
        } catch let error as InputError {
            report.add(error.problem)
            return nil
        } catch { return nil }

        let keyedByLabel = header[.id] == nil
        guard let idColumn = header[.id] ?? header[.label] else {
            let closest = ClosestMatch.suggestion(for: "id", among: table.header).map { "did you mean '\($0)'? " } ?? ""
            report.error(table.file, line: table.headerLine,
                         "no id column (looked for \(StakeholderColumn.id.synonyms.joined(separator: ", ")) and label, name); found: \(table.headerSummary())",
                         hint: "\(closest)name the column of unique stakeholder ids 'id', or say which it is: --stakeholders-columns id=HEADER")
            return nil
        }
        let ids = table.columns[idColumn]
        // Ids, labels, kinds and sectors are trimmed and parsed once per distinct cell, and looked up by code.
        let trimmedIDs = ids.values.map(\.trimmingSpaces)
        let missingID = trimmedIDs.map(AttributeParsing.isMissing)
        func present(_ cell: String) -> String? {
            let trimmed = cell.trimmingSpaces
            return AttributeParsing.isMissing(trimmed) ? nil : trimmed
        }
        let labels = header[.label].map { table.columns[$0] }
        let labelValues = labels?.values.map(present)
        let kinds = header[.kind].map { table.columns[$0] }
        let kindValues = kinds?.values.map { AttributeParsing.isMissing($0) ? nil : StakeholderKind(parsing: $0) }
        let sectors = header[.sector].map { table.columns[$0] }
        let sectorValues = sectors?.values.map(present)
        let attributeValues = header.attributes.map {
            CellReading.attributeValues(table.columns[$0.column], decimalComma: table.allowsDecimalComma, lists: keyedByLabel)
        }
        let idName = table.header[idColumn]

        var result = Result(stakeholders: [], lines: [], keyedByLabel: keyedByLabel)
        result.stakeholders.reserveCapacity(table.rowCount)
        // A repeated id is a repeated code, unless some cell needs trimming (` a` and `a` are one id): then by text.
        var firstLineOfCode = [Int](repeating: 0, count: ids.values.count)
        let byText = zip(ids.values, trimmedIDs).contains { $0.utf8.count != $1.utf8.count }
        var firstLineOf: [String: Int] = [:]
        for row in 0 ..< table.rowCount {
            let line = table.lines[row]
            let code = Int(ids.codes[row])
            let id = trimmedIDs[code]
            if missingID[code] {
                report.error(table.file, line: line, field: idName, "the stakeholder has no id", hint: "give every row a unique id")
                continue
            }
            if let first = byText ? firstLineOf[id] : firstLineOfCode[code] > 0 ? firstLineOfCode[code] : nil {
                report.error(table.file, line: line, field: idName, "duplicate id '\(id)' (first on line \(first))",
                             hint: "ids must be unique; merge the rows or rename one")
                continue
            }
            if byText { firstLineOf[id] = line } else { firstLineOfCode[code] = line }
            let label = labels.flatMap { labelValues![Int($0.codes[row])] }
            let kind = kinds.flatMap { kindValues![Int($0.codes[row])] }
            let sector = sectors.flatMap { sectorValues![Int($0.codes[row])] }
            var attributes: [String: AttributeValue] = [:]
            for (a, column) in header.attributes.enumerated() where !attributeValues[a][row].isMissing {
                attributes[column.name] = attributeValues[a][row]
            }
            result.stakeholders.append(Stakeholder(id: id, label: label, kind: kind, sector: sector, attributes: attributes))
            result.lines.append(line)
        }
        return result
    }
}
