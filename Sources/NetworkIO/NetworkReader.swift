import Foundation
import NetworkModel

/// How to read a network, beyond what its files say.
public struct NetworkReadOptions: Sendable, Equatable {
    /// Overrides the direction the files declare (`--directed` / `--undirected`).
    public var directed: Bool?
    /// Headers for roles (`--ties-columns`, `--stakeholders-columns`), over `network.json`'s.
    public var columns: ColumnMapping
    /// How a one-table file holds the network when it is a matrix (`--matrix`); `nil`: an adjacency matrix
    /// when the table is square-labelled, else an edge list.
    public var matrix: MatrixLayout?

    public init(directed: Bool? = nil, columns: ColumnMapping = ColumnMapping(), matrix: MatrixLayout? = nil) {
        self.directed = directed
        self.columns = columns
        self.matrix = matrix
    }
}

/// Reads a network from where a user points: a folder of CSV files, a single edge-list CSV, or a GraphML,
/// GEXF, node-link JSON, Pajek or UCINET DL file (by its extension; see `NetworkFormat`).
///
/// A folder holds a tie table (`edges.csv`, also named `ties.csv` or `connections.csv`), usually a
/// stakeholder table (`nodes.csv`, `stakeholders.csv` or `elements.csv`; without one, stakeholders are
/// inferred from the ties), and optionally `network.json`. When ties name their respondent, the folder may
/// also hold `respondents.csv` and `perceptions.csv` (see `InterviewTablesReader`).
///
/// Direction: `--directed`/`--undirected` first, then `network.json`'s `"directed"`, then the ties'
/// own direction column when it gives every tie one and they all agree; otherwise directed.
/// A tie from a stakeholder to itself, and a tie repeating another's ends and kind, are warnings:
/// both are kept in the network; graphs leave self-loops out and add repeated ties' weights (see `GraphSelection`).
public enum NetworkReader {
    static let stakeholderFileNames = ["nodes", "stakeholders", "elements", "vertices"]
    static let tieFileNames = ["edges", "ties", "connections", "links"]
    static let tableExtensions = ["csv", "tsv", "txt"]

    /// Reads the network, or throws the first error (counting the others).
    public static func read(_ path: String, options: NetworkReadOptions = NetworkReadOptions(), format: NetworkFormat? = nil) throws -> (network: StakeholderNetwork, warnings: [InputProblem]) {
        var report = ValidationReport()
        let network = load(path, options: options, format: format, report: &report)
        try report.throwIfErrors()
        guard let network else { throw InputError(file: path, message: "cannot be read as a network") }
        return (network, report.warnings)
    }

    /// Reads as much as it can and reports every problem found; the network is `nil` when there were errors.
    /// Beyond reading, it warns of free attributes whose values are spelled several ways (`State`, `state`).
    public static func validate(_ path: String, options: NetworkReadOptions = NetworkReadOptions(), format: NetworkFormat? = nil) -> (network: StakeholderNetwork?, report: ValidationReport) {
        var report = ValidationReport()
        let network = load(path, options: options, format: format, report: &report)
        if let network, !report.hasErrors {
            for (attribute, variants) in ValueSpellings.attributeVariants(network) {
                ValueSpellings.warn(variants, role: "'\(attribute)'", file: network.stakeholderFile ?? path, report: &report)
            }
        }
        return (report.hasErrors ? nil : network, report)
    }

    static func load(_ path: String, options: NetworkReadOptions, format given: NetworkFormat? = nil, report: inout ValidationReport) -> StakeholderNetwork? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            report.error(path, "no such file or folder", hint: "give a folder holding nodes.csv and edges.csv, or an edge-list .csv file")
            return nil
        }
        if isFolder.boolValue { return loadFolder(path, options: options, report: &report) }
        let fileExtension = (path as NSString).pathExtension.lowercased()
        let format = given ?? NetworkFormat.allCases.first { $0.extensions.contains(fileExtension) }
        if let reader = format.flatMap(fileReader) {
            do {
                let (network, warnings) = try reader(path, options)
                for warning in warnings { report.add(warning) }
                return network
            } catch let error as InputError {
                report.add(error.problem)
                return nil
            } catch {
                report.error(path, "cannot be read: \(error)")
                return nil
            }
        }
        guard format == .edgeList || format == .adjacency || format == .incidence else {
            report.error(path, format == .dot ? "DOT files are read by the stakenet tool through Graphviz" : "StakeNet cannot read '.\(fileExtension)' files",
                         hint: "give a folder holding nodes.csv and edges.csv, or a file ending in \(NetworkFormat.knownExtensions)")
            return nil
        }
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        // Read as an edge list would be (its two ends interned together); a matrix reads the same table cell by cell.
        let plan = { (header: [String]) in TieTableReader.plan(header: header, mapping: options.columns, labelKeyed: false, seeds: []) }
        guard let table = table(at: path, plan: plan, report: &report) else { return nil }
        return oneTable(consume table, name: name, given: format == .adjacency ? .adjacency : format == .incidence ? .incidence : nil,
                        options: options, report: &report)
    }

    /// A network in one table: a matrix (asked for, or an adjacency matrix found by its labels) or an edge list.
    static func oneTable(_ table: consuming CSVTable, name: String, given: MatrixLayout? = nil, options: NetworkReadOptions,
                         report: inout ValidationReport) -> StakeholderNetwork? {
        if let layout = given ?? options.matrix ?? (MatrixFormat.isSquareLabelled(table) ? .adjacency : nil) {
            guard let network = MatrixFormat.read(table, layout: layout, name: name, options: options, report: &report) else { return nil }
            TieWarnings.check(network, declaredByUser: options.directed != nil, report: &report)
            return report.hasErrors ? nil : network
        }
        return assemble(name: name, settings: NetworkSettings(), stakeholders: nil, ties: .handingOver(consume table),
                        options: options, report: &report)
    }

    /// The reader of a one-file format other than an edge list.
    static func fileReader(_ format: NetworkFormat) -> ((String, NetworkReadOptions) throws -> (StakeholderNetwork, [InputProblem]))? {
        switch format {
        case .graphml: return GraphMLFormat.read
        case .gexf: return GEXFFormat.read
        case .json: return NodeLinkJSONFormat.read
        case .pajek: return PajekFormat.read
        case .dl: return UCINETFormat.read
        case .xlsx: return WorkbookFormat.read
        case .folder, .edgeList, .dot, .adjacency, .incidence: return nil
        }
    }

    static func loadFolder(_ folder: String, options: NetworkReadOptions, report: inout ValidationReport) -> StakeholderNetwork? {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        func find(_ stems: [String]) -> String? {
            for stem in stems {
                for ext in tableExtensions {
                    if let entry = entries.first(where: { $0.lowercased() == "\(stem).\(ext)" }) {
                        return (folder as NSString).appendingPathComponent(entry)
                    }
                }
            }
            return nil
        }
        guard let tiePath = find(tieFileNames) else {
            report.error(folder, "holds no table of ties (looked for \(tieFileNames.map { $0 + ".csv" }.joined(separator: ", ")))",
                         hint: "a network folder holds nodes.csv and edges.csv")
            return nil
        }
        var settings = NetworkSettings()
        let settingsPath = (folder as NSString).appendingPathComponent("network.json")
        if FileManager.default.fileExists(atPath: settingsPath) {
            do { settings = try NetworkSettings.read(at: settingsPath, displayName: settingsPath) } catch let error as InputError {
                report.add(error.problem)
            } catch {}
        }
        let name = settings.name ?? (URL(fileURLWithPath: folder).standardizedFileURL.lastPathComponent)
        return assemble(name: name, settings: settings, stakeholders: find(stakeholderFileNames).map(TableSource.file), ties: .file(tiePath),
                        respondents: find(InterviewTablesReader.respondentFileNames).map(TableSource.file),
                        perceptions: find(InterviewTablesReader.perceptionFileNames).map(TableSource.file),
                        options: options, report: &report)
    }

    /// Where a table comes from: a CSV file, or a table already read (a workbook sheet), named as its
    /// problems are filed.
    struct TableSource {
        let name: String
        /// The table; a CSV file is read with the column plan given (see `CSVParser.table`), a sheet without.
        let read: (inout ValidationReport, (([String]) -> CSVColumnPlan?)?) -> CSVTable?

        init(name: String, read: @escaping (inout ValidationReport, (([String]) -> CSVColumnPlan?)?) -> CSVTable?) {
            self.name = name
            self.read = read
        }

        init(name: String, load: @escaping (inout ValidationReport) -> CSVTable?) {
            self.init(name: name) { report, _ in load(&report) }
        }

        func load(_ report: inout ValidationReport, plan: (([String]) -> CSVColumnPlan?)? = nil) -> CSVTable? { read(&report, plan) }

        /// A table already read, handed over at the one load (so that the reader may let its columns go).
        static func handingOver(_ table: CSVTable) -> TableSource {
            let held = HeldTable(table)
            return TableSource(name: table.file) { _ in held.take() }
        }

        static func file(_ path: String) -> TableSource {
            TableSource(name: path) { report, plan in NetworkReader.table(at: path, plan: plan, report: &report) }
        }
    }

    static func table(at path: String, plan: (([String]) -> CSVColumnPlan?)? = nil, report: inout ValidationReport) -> CSVTable? {
        do {
            return try CSVTable(contentsOf: path, file: nil, parts: nil, plan: plan)
        } catch let error as InputError {
            report.add(error.problem)
        } catch {
            report.error(path, "cannot be read: \(error)")
        }
        return nil
    }

    static func assemble(name: String, settings: NetworkSettings, stakeholders stakeholderSource: TableSource?, ties tieSource: TableSource,
                         respondents: TableSource? = nil, perceptions: TableSource? = nil,
                         options: NetworkReadOptions, report: inout ValidationReport) -> StakeholderNetwork? {
        let stakeholderPath = stakeholderSource?.name, tiePath = tieSource.name
        let mapping = (settings.columns ?? ColumnMapping()).overridden(by: options.columns)
        var stakeholderResult: StakeholderTableReader.Result?
        if let stakeholderSource {
            if let table = stakeholderSource.load(&report) {
                stakeholderResult = StakeholderTableReader.read(table, mapping: mapping, report: &report)
            }
            if stakeholderResult == nil {
                // Without stakeholders, tie ends cannot be checked; still read the ties for their own problems.
                if let table = tieSource.load(&report) {
                    _ = TieTableReader.read(table, stakeholders: .inferred, labelKeyed: false, mapping: mapping, report: &report)
                }
                return nil
            }
        }
        let lookup: TieTableReader.Stakeholders
        if let stakeholderResult, let stakeholderPath {
            lookup = .known(ids: TieTableReader.KnownIDs(stakeholderResult.stakeholders.map(\.id)), file: stakeholderPath)
        } else {
            lookup = .inferred
        }
        // The table is read and dropped inside: its cells are not kept beside the ties.
        func readTies(report: inout ValidationReport) -> TieTableReader.Result? {
            let labelKeyed = stakeholderResult?.keyedByLabel ?? false
            let seeds: [String]
            if case .known(let ids, _) = lookup { seeds = ids.ids } else { seeds = [] }
            let plan = { (header: [String]) in TieTableReader.plan(header: header, mapping: mapping, labelKeyed: labelKeyed, seeds: seeds) }
            guard let table = tieSource.load(&report, plan: plan) else { return nil }
            return TieTableReader.read(consume table, stakeholders: lookup, labelKeyed: stakeholderResult?.keyedByLabel ?? false, mapping: mapping, report: &report)
        }
        guard var tieResult = readTies(report: &report) else { return nil }
        var stakeholders = stakeholderResult?.stakeholders ?? tieResult.inferredIDs.map { Stakeholder(id: $0) }
        if stakeholders.isEmpty && !report.hasErrors {
            report.error(stakeholderPath ?? tiePath, "holds no stakeholders\(stakeholderPath == nil ? " (and no ties to infer them from)" : "")",
                         hint: "a network needs at least one stakeholder")
            return nil
        }

        let isDirected: Bool
        if let directed = options.directed {
            isDirected = directed
        } else if let directed = settings.directed {
            isDirected = directed
        } else if tieResult.everyTieHasDirection, tieResult.ties.directions.allSatisfy({ $0 == .undirected }) {
            isDirected = false
        } else {
            isDirected = true
        }
        // A direction column that only repeats the network's direction on every tie says nothing of its own.
        var ties = tieResult.ties
        tieResult.ties = TieColumns() // so that changing `ties` does not copy them
        ValueSpellings.unify(&stakeholders, &ties, stakeholderFile: stakeholderPath ?? tiePath, tieFile: tiePath, report: &report)
        let same: TieDirection = isDirected ? .directed : .undirected
        if tieResult.everyTieHasDirection, ties.directions.allSatisfy({ $0 == same }) {
            ties.setEveryDirection(.asNetwork)
        }
        // Rows with errors were left out, so what remains is consistent and can be checked for warnings too.
        var network = StakeholderNetwork(name: name, description: settings.description, isDirected: isDirected,
                                         stakeholders: stakeholders, ties: ties,
                                         stakeholderFile: stakeholderPath, tieFile: tiePath)
        TieWarnings.check(network, declaredByUser: options.directed != nil, report: &report)
        if !report.hasErrors {
            network = InterviewTablesReader.read(into: network, respondents: respondents, perceptions: perceptions, report: &report)
        }
        return report.hasErrors ? nil : network
    }
}

/// A table held until one reader takes it.
private final class HeldTable {
    private var table: CSVTable?
    init(_ table: CSVTable) { self.table = table }
    func take() -> CSVTable? {
        defer { table = nil }
        return table
    }
}
