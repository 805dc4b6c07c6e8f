import ArgumentParser
import Foundation
import GraphvizRendering
import NetworkIO
import NetworkModel
import NetworkPerception

/// Where the network is and how to read it: shared by every command that reads one.
struct NetworkOptions: ParsableArguments {
    @Argument(help: "A folder with nodes.csv and edges.csv (and optionally network.json), an edge-list .csv, or a .graphml, .gexf, .json, .net, .dl or .gv file.")
    var network: String

    @OptionGroup var reading: ReadingOptions

    var quiet: Bool { reading.quiet }
    var readOptions: NetworkReadOptions { reading.readOptions }

    /// Reads the network, printing warnings unless quiet; throws the first error.
    func load(keepingReports: Bool = false, unlessAsked fallback: ConsensusMethod? = nil) throws -> StakeholderNetwork {
        try reading.load(network, keepingReports: keepingReports, unlessAsked: fallback)
    }
}

/// How to read networks, for commands that read one or several.
struct ReadingOptions: ParsableArguments {
    @Flag(name: .customLong("directed"), help: "Read the network as directed, whatever its files say.")
    var forceDirected = false

    @Flag(name: .customLong("undirected"), help: "Read the network as undirected, whatever its files say.")
    var forceUndirected = false

    @Flag(name: .shortAndLong, help: "Print no warnings or progress.")
    var quiet = false

    @Option(name: .customLong("ties-columns"), help: ArgumentHelp("Which headers of the ties table play which roles: source=person,target=organisation,kind=relation,weight=hours (roles: \(ColumnMapping.tieRoles.joined(separator: ", "))).", valueName: "role=header,…"))
    var tiesColumns: String?

    @Option(name: .customLong("stakeholders-columns"), help: ArgumentHelp("Which headers of the stakeholders table play which roles: id=Name,kind=Type (roles: \(ColumnMapping.stakeholderRoles.joined(separator: ", "))).", valueName: "role=header,…"))
    var stakeholdersColumns: String?

    @Option(help: ArgumentHelp("Read a one-table file as a matrix: adjacency (rows and columns the same stakeholders; found by itself when square-labelled) or incidence (rows one mode, columns another).", valueName: "layout"))
    var matrix: MatrixLayoutOption?

    @Option(name: .customLong("where"), help: ArgumentHelp("Only the stakeholders meeting these conditions, and the ties among them: kind=spin-out,funder;sector!=leisure;founded>=2000 (';' joins conditions that must all hold).", valueName: "conditions"))
    var whereConditions: String?

    @Option(name: .customLong("consensus"), help: ArgumentHelp("When ties name the respondent who reported them, analyse this consensus of their reports: \(ConsensusMethod.names.joined(separator: ", ")) (default \(ConsensusMethod.standard): \(ConsensusMethod.standard.explanation)).", valueName: "method"))
    var consensus: String?

    @Flag(name: .customLong("roster"), help: "Every respondent was asked about every pair of stakeholders (a roster design), not only the stakeholders on their own map.")
    var roster = false

    @Option(name: .customLong("label-width"), help: ArgumentHelp("Cut labels in aligned tables to this many characters (CSV and JSON keep them whole).", valueName: "N"))
    var labelWidth: Int = 40

    func validate() throws {
        if labelWidth < 5 { throw ValidationError("--label-width takes a number of at least 5") }
        TextTable.labelWidth = labelWidth
        if forceDirected && forceUndirected {
            throw ValidationError("--directed and --undirected cannot both be given")
        }
        _ = try columns()
        if let consensus {
            do { _ = try ConsensusMethod(parsing: consensus) } catch let error as ConsensusError { throw ValidationError("--consensus: \(error.description)") }
        }
        if let whereConditions {
            do { _ = try StakeholderFilter(whereConditions) } catch let error as StakeholderFilterError { throw ValidationError(error.message) }
        }
    }

    func columns() throws -> ColumnMapping {
        do {
            return ColumnMapping(ties: try tiesColumns.map { try ColumnMapping.parse($0, roles: ColumnMapping.tieRoles, option: "--ties-columns") } ?? [:],
                                 stakeholders: try stakeholdersColumns.map { try ColumnMapping.parse($0, roles: ColumnMapping.stakeholderRoles, option: "--stakeholders-columns") } ?? [:])
        } catch let error as ColumnMappingError {
            throw ValidationError(error.message)
        }
    }

    var readOptions: NetworkReadOptions {
        NetworkReadOptions(directed: forceDirected ? true : (forceUndirected ? false : nil), columns: (try? columns()) ?? ColumnMapping(),
                           matrix: matrix.map { MatrixLayout(rawValue: $0.rawValue)! })
    }

    /// Reads a network (in `format`, else as its extension says), printing warnings unless quiet; throws the first error.
    /// Then keeps the stakeholders `--where` chooses, saying how many it kept.
    /// The consensus method asked for, else the standard one.
    var consensusMethod: ConsensusMethod { consensus.flatMap { try? ConsensusMethod(parsing: $0) } ?? .standard }

    /// Reads a network; when its ties were reported by respondents, and `keepingReports` is false, the
    /// network analysed is their consensus structure (`--consensus`), as a note on standard error says.
    func load(_ path: String, as format: NetworkFormat? = nil, keepingReports: Bool = false, unlessAsked fallback: ConsensusMethod? = nil) throws -> StakeholderNetwork {
        let read = try loadAsRecorded(path, as: format)
        guard !keepingReports else { return read }
        return try analysed(read, path: path, unlessAsked: fallback)
    }

    /// The network a command analyses: `read` itself, or, when its ties are respondents' reports, their
    /// consensus structure (`--consensus`, else `fallback`, else the standard one), as a note says.
    func analysed(_ read: StakeholderNetwork, path: String, unlessAsked fallback: ConsensusMethod? = nil) throws -> StakeholderNetwork {
        guard read.hasReports else {
            if consensus != nil && !quiet { Terminal.warning("--consensus: no tie of \(path) names a respondent, so there are no reports to merge; the ties are analysed as recorded") }
            return read
        }
        let method = consensus == nil ? (fallback ?? consensusMethod) : consensusMethod
        let reports = Reports(read, roster: roster)
        let structure: ConsensusStructure
        do { structure = try reports.consensus(method) } catch let error as ConsensusError {
            throw CommandFailure(message: "\(path): \(error.description)")
        }
        let network = read.consensusNetwork(structure, reports: reports)
        if !quiet {
            let reported = read.ties.lazy.filter { $0.respondent != nil }.count
            let recorded = read.tieCount - reported
            Terminal.note("\(path): ties reported by \(reports.respondentCount) respondents; analysing their consensus \(method) (\(method.explanation)): \(structure.ties.count) of the \(structure.reportedTies.count) ties reported (in \(reported) reports)\(recorded > 0 ? ", with the \(recorded) ties known from other sources" : ""); --consensus METHOD for another")
            if !structure.unusedRespondents.isEmpty {
                Terminal.warning("\(structure.unusedRespondents.count) respondents have no organisation, so \(method) cannot use their reports")
            }
            let loops = read.ties.lazy.filter { $0.respondent != nil && $0.isSelfLoop }.count
            if loops > 0 { Terminal.warning("\(loops) reported ties from a stakeholder to itself are not questions of the consensus and are left out of it") }
        }
        return network
    }

    func loadAsRecorded(_ path: String, as format: NetworkFormat? = nil) throws -> StakeholderNetwork {
        let progress = Progress(quiet: quiet)
        progress.say("reading \(path)")
        defer { progress.done() }
        let network: StakeholderNetwork
        if format == .dot || (format == nil && DOTNetworkReader.handles(path)) {
            network = try DOTNetworkReader.read(path, options: readOptions)
        } else {
            let (read, warnings) = try NetworkReader.read(path, options: readOptions, format: format)
            if !quiet { for warning in warnings { Terminal.warning(warning.description) } }
            network = read
        }
        guard let whereConditions else { return network }
        let subset: StakeholderNetwork
        do { subset = try StakeholderFilter(whereConditions).apply(to: network) } catch let error as StakeholderFilterError {
            throw CommandFailure(message: "\(path): \(error.message)")
        }
        if !quiet {
            Terminal.note("--where \(whereConditions) kept \(subset.stakeholderCount) of \(network.stakeholderCount) stakeholders and \(subset.tieCount) of \(network.tieCount) ties")
        }
        return subset
    }
}

/// Which ties make up the graph that analyses run on.
struct GraphOptions: ParsableArguments {
    @Option(name: .customLong("tie-kinds"), help: ArgumentHelp("Only ties of these kinds, comma-separated.", valueName: "kinds"))
    var tieKinds: String?

    @Option(name: .customLong("period"), help: ArgumentHelp("Only ties active in these years: 2010-2015 (or 2010..2015), or one year; compare takes several.", valueName: "years"))
    var periods: [String] = []

    /// The one --period given (compare alone takes several).
    var period: String? { periods.last }

    @Option(help: "How ties between the same stakeholders combine: sum (weights add), max, or count.")
    var parallel: ParallelOption = .sum

    @Flag(name: .customLong("keep-self-loops"), help: "Keep ties from a stakeholder to itself.")
    var keepSelfLoops = false

    func validate() throws { _ = try allYears() }

    /// Every --period, as years.
    func allYears() throws -> [ClosedRange<Int>] {
        try periods.map { period in
            let text = period.replacingOccurrences(of: "..", with: "-")
            let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard (1 ... 2).contains(parts.count), let first = Int(parts[0]), let last = Int(parts.last!) else {
                throw ValidationError("--period takes years as 2010-2015, 2010..2015 or 2012, not '\(period)'")
            }
            guard first <= last else { throw ValidationError("--period \(period) starts after it ends") }
            return first ... last
        }
    }

    func years() throws -> ClosedRange<Int>? {
        let all = try allYears()
        guard all.count <= 1 else {
            throw ValidationError("--period is given \(all.count) times; only compare sets periods side by side (compare --by ATTR --period A..B --period C..D)")
        }
        return all.first
    }

    /// The tie kinds named by --tie-kinds, as given and as kinds.
    func namedKinds() -> [(name: String, kind: TieKind)]? {
        tieKinds.map { list in
            list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map { ($0, TieKind(parsing: $0)) }
        }
    }

    /// The selection as given, unchecked (for analyses that build their own layers from it).
    func selection(weighting: GraphSelection.Weighting = .none, ignoringPeriod: Bool = false) throws -> GraphSelection {
        GraphSelection(tieKinds: namedKinds().map { Set($0.map(\.kind)) }, period: ignoringPeriod ? nil : try years(), direction: .asDeclared,
                       parallelTies: parallel.value, weighting: weighting, keepSelfLoops: keepSelfLoops)
    }

    /// The selection, checked against the network: a tie kind no tie has is an error (with the kinds
    /// present and a did-you-mean); --period on a network without years is an error; a selection that
    /// keeps no tie is an error naming it; one that keeps some says how many on standard error (unless quiet).
    /// `ignoringPeriod`: for commands that go through periods themselves (compare over periods).
    func selection(for network: StakeholderNetwork, weighting: GraphSelection.Weighting = .none, quiet: Bool, ignoringPeriod: Bool = false) throws -> GraphSelection {
        let selection = try selection(weighting: weighting, ignoringPeriod: ignoringPeriod)
        var named: [String] = []
        if let kinds = namedKinds() {
            let present = Set(network.ties.compactMap(\.kind))
            let known = present.map(\.name).sorted()
            guard !kinds.isEmpty else { throw ValidationError("--tie-kinds names no kind") }
            for (name, kind) in kinds where !present.contains(kind) {
                let hint = ClosestMatch.suggestion(for: name, among: known).map { "; did you mean '\($0)'?" } ?? ""
                let listing = known.isEmpty ? "no tie of \(network.name) has a kind" : "kinds in \(network.name): \(known.joined(separator: ", "))"
                throw CommandFailure(message: "--tie-kinds: no tie has the kind '\(name)'\(hint) (\(listing))")
            }
            named.append("--tie-kinds \(tieKinds!)")
        }
        if let period = selection.period {
            guard network.ties.contains(where: { $0.start != nil || $0.end != nil }) else {
                throw CommandFailure(message: "--period \(self.period!): no tie of \(network.name) has a start or end year, so no tie can be chosen by period "
                    + "(add start and end columns to the ties, or leave --period out)")
            }
            named.append("--period \(period.lowerBound == period.upperBound ? String(period.lowerBound) : "\(period.lowerBound)-\(period.upperBound)")")
        }
        guard !named.isEmpty else { return selection }
        var chooser = selection
        chooser.keepSelfLoops = true
        let kept = network.ties.filter { chooser.includes($0) }.count
        let description = named.joined(separator: " and ")
        if kept == 0 && network.tieCount > 0 {
            throw CommandFailure(message: "\(description) keeps none of the \(network.tieCount) ties of \(network.name)")
        }
        if !quiet && kept < network.tieCount {
            Terminal.note("\(description) kept \(kept) of \(network.tieCount) ties")
        }
        return selection
    }
}

enum MatrixLayoutOption: String, ExpressibleByArgument, CaseIterable {
    case adjacency, incidence
}

enum ParallelOption: String, ExpressibleByArgument, CaseIterable {
    case sum, max, count
    var value: GraphSelection.ParallelTies { GraphSelection.ParallelTies(rawValue: rawValue)! }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}
