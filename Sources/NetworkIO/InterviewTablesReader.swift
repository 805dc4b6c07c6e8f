import NetworkModel

/// The columns of a respondents table (`respondents.csv`, a workbook's `respondents` sheet).
enum RespondentColumn: String, CaseIterable {
    case id, role, organisation

    var synonyms: [String] {
        switch self {
        case .id: return ["id", "respondent", "informant", "respondent id"]
        case .role: return ["role", "position", "level"]
        case .organisation: return ["organisation", "organization", "stakeholder", "org", "belongs to"]
        }
    }
}

/// The columns of a perceptions table (`perceptions.csv`, a workbook's `perceptions` sheet).
enum PerceptionColumn: String, CaseIterable {
    case respondent, stakeholder, influence

    var synonyms: [String] {
        switch self {
        case .respondent: return ["respondent", "reported by", "informant", "rated by"]
        case .stakeholder: return ["stakeholder", "actor", "id", "node", "target"]
        case .influence: return ["influence", "tower", "height", "rating", "score"]
        }
    }
}

/// Reads who was interviewed (`respondents.csv`) and how influential they thought each stakeholder
/// (`perceptions.csv`) beside a network whose ties name their respondent, and checks the three agree:
/// - with a respondents table, every tie's and every perception's respondent must be in it;
///   without one, respondents are the ones ties and perceptions name, in order of first mention, with no role;
/// - a respondent's `organisation` and a perception's `stakeholder` name a stakeholder by id or label;
/// - `influence` is a number (an empty cell is a rating not given: the row is left out with a warning);
///   a respondent rates a stakeholder at most once.
enum InterviewTablesReader {
    static let respondentFileNames = ["respondents", "informants", "interviewees"]
    static let perceptionFileNames = ["perceptions", "influence", "towers", "ratings"]

    static func read(into network: StakeholderNetwork, respondents respondentSource: NetworkReader.TableSource?,
                     perceptions perceptionSource: NetworkReader.TableSource?, report: inout ValidationReport) -> StakeholderNetwork {
        // Built only when there is a table to resolve names in: on a large network without interviews it is most of the reading time.
        lazy var names = StakeholderNames(network)
        var directory = Directory(respondents: [], indexOf: [:], declared: false, file: "respondents.csv")
        if let respondentSource, let table = respondentSource.load(&report) {
            directory = Directory(respondents: [], indexOf: [:], declared: true, file: table.file)
            readRespondents(table, names: names, into: &directory, report: &report)
        }
        let tieFile = network.tieFile ?? network.name
        // Each tie's respondent (`Tie.respondent`), from its column rather than tie by tie.
        if let column = network.ties.attribute(named: Tie.respondentAttribute) {
            for (index, code) in column.codes.enumerated() where code != 0 {
                if case .text(let id) = column.values[Int(code)], !id.isEmpty {
                    _ = directory.index(of: id, file: tieFile, line: Int(network.ties.line(at: index)), field: "respondent", report: &report)
                }
            }
        }
        var perceptions: [Perception] = []
        if let perceptionSource, let table = perceptionSource.load(&report) {
            readPerceptions(table, names: names, directory: &directory, into: &perceptions, report: &report)
        }
        let respondents = directory.respondents
        if respondents.isEmpty && perceptions.isEmpty { return network }
        if !network.hasReports, !respondents.isEmpty {
            report.warning(respondentSource?.name ?? perceptionSource?.name ?? tieFile,
                           "there are respondents but no tie names one, so every tie is taken as known from other sources",
                           hint: "add a 'respondent' column to the ties table naming who reported each tie")
        }
        return network.withInterviews(respondents: respondents, perceptions: perceptions)
    }

    static func readRespondents(_ table: CSVTable, names: StakeholderNames, into directory: inout Directory, report: inout ValidationReport) {
        guard let header = try? HeaderMatch<RespondentColumn>(header: table.header, file: table.file, line: table.headerLine, synonyms: { $0.synonyms }) else {
            report.error(table.file, line: table.headerLine, "the header names a column twice", hint: "rename one of them")
            return
        }
        guard let idColumn = header[.id] else {
            report.error(table.file, line: table.headerLine, "no id column (looked for \(RespondentColumn.id.synonyms.joined(separator: ", "))); found: \(table.headerSummary())",
                         hint: "name the column of respondent ids 'id'")
            return
        }
        let attributeValues = header.attributes.map {
            CellReading.attributeValues(table.columns[$0.column], decimalComma: table.allowsDecimalComma, lists: false)
        }
        var firstLine: [String: Int] = [:]
        for row in 0 ..< table.rowCount {
            let line = table.lines[row]
            let id = table.columns[idColumn][row].trimmingSpaces
            if AttributeParsing.isMissing(id) {
                report.error(table.file, line: line, field: table.header[idColumn], "the respondent has no id", hint: "give every respondent a unique id")
                continue
            }
            if let first = firstLine[id] {
                report.error(table.file, line: line, field: table.header[idColumn], "duplicate respondent '\(id)' (first on line \(first))", hint: "ids must be unique")
                continue
            }
            firstLine[id] = line
            var respondent = Respondent(id: id, line: Int32(clamping: line))
            if let column = header[.role], case let cell = table.columns[column][row].trimmingSpaces, !AttributeParsing.isMissing(cell) {
                respondent.role = cell
            }
            if let column = header[.organisation], case let cell = table.columns[column][row].trimmingSpaces, !AttributeParsing.isMissing(cell) {
                do { respondent.organisation = Int32(try names.resolve(cell)) } catch let error as StakeholderNameError {
                    report.error(table.file, line: line, field: table.header[column], "organisation: \(error.description)",
                                 hint: "name the stakeholder the respondent belongs to by its id or label, or leave the cell empty")
                    continue
                } catch { continue }
            }
            for (a, column) in header.attributes.enumerated() where !attributeValues[a][row].isMissing {
                respondent.attributes[column.name] = attributeValues[a][row]
            }
            directory.indexOf[id] = Int32(directory.respondents.count)
            directory.respondents.append(respondent)
        }
    }

    /// The respondents known so far, and how a name finds one (or adds one, when there is no respondents table).
    struct Directory {
        var respondents: [Respondent]
        var indexOf: [String: Int32]
        let declared: Bool
        let file: String

        mutating func index(of id: String, file: String, line: Int, field: String, report: inout ValidationReport) -> Int32? {
            if let index = indexOf[id] { return index }
            if declared {
                let hint = ClosestMatch.suggestion(for: id, among: Array(indexOf.keys)).map { "did you mean '\($0)'?" } ?? "add them to \(self.file) or correct the id"
                report.error(file, line: line, field: field, "respondent '\(id)' is not in \(self.file)", hint: hint)
                return nil
            }
            let index = Int32(respondents.count)
            respondents.append(Respondent(id: id))
            indexOf[id] = index
            return index
        }
    }

    static func readPerceptions(_ table: CSVTable, names: StakeholderNames, directory: inout Directory,
                                into perceptions: inout [Perception], report: inout ValidationReport) {
        guard let header = try? HeaderMatch<PerceptionColumn>(header: table.header, file: table.file, line: table.headerLine, synonyms: { $0.synonyms }) else {
            report.error(table.file, line: table.headerLine, "the header names a column twice", hint: "rename one of them")
            return
        }
        for role in PerceptionColumn.allCases where header[role] == nil {
            report.error(table.file, line: table.headerLine, "no \(role.rawValue) column (looked for \(role.synonyms.joined(separator: ", "))); found: \(table.headerSummary())",
                         hint: "a perceptions table has the columns respondent, stakeholder and influence")
        }
        guard let respondentColumn = header[.respondent], let stakeholderColumn = header[.stakeholder], let influenceColumn = header[.influence] else { return }
        let attributeValues = header.attributes.map {
            CellReading.attributeValues(table.columns[$0.column], decimalComma: table.allowsDecimalComma, lists: false)
        }
        var seen: [Int64: Int] = [:]
        var unrated = 0
        for row in 0 ..< table.rowCount {
            let line = table.lines[row]
            let who = table.columns[respondentColumn][row].trimmingSpaces
            if AttributeParsing.isMissing(who) {
                report.error(table.file, line: line, field: table.header[respondentColumn], "the rating names no respondent", hint: "say who gave each rating")
                continue
            }
            let r = directory.index(of: who, file: table.file, line: line, field: table.header[respondentColumn], report: &report)
            let named = table.columns[stakeholderColumn][row].trimmingSpaces
            var s: Int?
            do { s = try names.resolve(named) } catch let error as StakeholderNameError {
                report.error(table.file, line: line, field: table.header[stakeholderColumn], error.description,
                             hint: "a perception rates a stakeholder of the network, named by its id or label")
            } catch {}
            let cell = table.columns[influenceColumn][row].trimmingSpaces
            if AttributeParsing.isMissing(cell) {
                unrated += 1
                continue
            }
            guard let influence = CellReading.number(cell, decimalComma: table.allowsDecimalComma), influence.isFinite else {
                report.error(table.file, line: line, field: table.header[influenceColumn], "influence '\(cell)' is not a number",
                             hint: "write how influential the respondent thinks the stakeholder is as a number (a tower's height)")
                continue
            }
            guard let r, let s else { continue }
            let key = Int64(r) << 32 | Int64(s)
            if let first = seen[key] {
                report.error(table.file, line: line, field: table.header[stakeholderColumn],
                             "respondent '\(who)' rates '\(named)' again (first on line \(first))", hint: "keep one rating per respondent and stakeholder")
                continue
            }
            seen[key] = line
            var perception = Perception(respondent: r, stakeholder: Int32(s), influence: influence, line: Int32(clamping: line))
            for (a, column) in header.attributes.enumerated() where !attributeValues[a][row].isMissing {
                perception.attributes[column.name] = attributeValues[a][row]
            }
            perceptions.append(perception)
        }
        if unrated > 0 {
            report.warning(table.file, "\(unrated) row\(unrated == 1 ? " has" : "s have") no influence and \(unrated == 1 ? "is" : "are") left out",
                           hint: "an empty cell is a rating not given")
        }
    }
}
