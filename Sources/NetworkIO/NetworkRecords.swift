import Foundation
import NetworkModel

/// Nodes and edges as a file format gives them — ids, named values, where each was read — turned into a
/// `StakeholderNetwork` the same way for every format (GraphML, GEXF, node-link JSON, Pajek, UCINET DL).
///
/// Named values play the roles the CSV tables' columns do, by the same synonyms: a node's `label`/`name`,
/// `kind`/`type`/`category` and `sector`; an edge's `weight`/`strength`/`value`, `kind`/`type`/`relation`,
/// `start`, `end` and `directed`. Everything else is a free attribute: typed as the format declares it, or,
/// for formats that give text only, by the same per-column inference as a spreadsheet's.
///
/// Records are kept column by column, as a table's cells are: every id (of a node or an edge's end) is
/// interned by its bytes, and each named value is a code into its column's distinct values
/// (`RecordColumns`), so an edge costs about 4 bytes per value and 12 for its ends and line, and each
/// distinct value is typed and parsed once.
public struct NetworkRecords: Sendable {
    /// A value as read: typed by the format's own declaration, or text to be typed per attribute.
    public enum Value: Sendable {
        case typed(AttributeValue)
        case text(String)
    }

    /// A node to add (`add(_:)`).
    public struct Node: Sendable {
        public var id: String
        public var values: [(String, Value)] = []
        public var line: Int?
        /// Where the node is, for messages (`node 'x'`, `<node id="x">`).
        public var element: String?

        public init(id: String, values: [(String, Value)] = [], line: Int? = nil, element: String? = nil) {
            self.id = id
            self.values = values
            self.line = line
            self.element = element
        }
    }

    /// An edge to add (`add(_:)`).
    public struct Edge: Sendable {
        public var source: String
        public var target: String
        public var values: [(String, Value)] = []
        public var line: Int?
        public var element: String?
        public var direction: TieDirection = .asNetwork

        public init(source: String, target: String, values: [(String, Value)] = [], line: Int? = nil, element: String? = nil) {
            self.source = source
            self.target = target
            self.values = values
            self.line = line
            self.element = element
        }
    }

    public let file: String
    /// Whether an edge may name a node that was not declared (it is then added, as NetworkX and igraph do).
    public var addsUndeclaredNodes = false
    /// Attribute names for roles (`--stakeholders-columns kind=Category`), as for a table's headers.
    public var mapping = ColumnMapping()
    /// Whether a record without an `element` of its own is named in messages as the XML element it was read
    /// from (`<node id="x">`, `<edge source="x" target="y">`), written only when a message needs it.
    public var namesXMLElements = false

    /// Every node id and edge end, by its bytes.
    private var ids = ByteInterner()
    private var nodeIDs: [Int32] = []
    private var nodeLines: [Int32] = []
    private var nodeElements: [Int: String] = [:]
    private var edgeSources: [Int32] = []
    private var edgeTargets: [Int32] = []
    private var edgeLines: [Int32] = []
    /// Each edge's own direction; empty while every edge is `.asNetwork`.
    private var edgeDirections: [TieDirection] = []
    private var edgeElements: [Int: String] = [:]
    /// The bytes of the last edge's source.
    private var lastSource: [UInt8] = []
    /// The ids the file gave nodes and edges, when they were renamed (`renameNodes`), for messages.
    private var fileNodeIDs: [Int32]?
    private var fileEdgeEnds: (sources: [Int32], targets: [Int32])?
    var nodeValues = RecordColumns()
    var edgeValues = RecordColumns()

    public init(file: String) { self.file = file }

    public var nodeCount: Int { nodeIDs.count }
    public var edgeCount: Int { edgeSources.count }

    /// The id of node `index`.
    public func nodeID(_ index: Int) -> String { idText(nodeIDs[index]) }

    private func idText(_ code: Int32) -> String { ids.withBytes(of: Int(code)) { String(decoding: $0, as: UTF8.self) } }

    // MARK: Adding records

    public mutating func add(_ node: Node) {
        var id = node.id
        let index = id.withUTF8 { addNode(id: $0, line: node.line ?? 0) }
        if let element = node.element { nodeElements[index] = element }
        for (name, value) in node.values { nodeValues.set(value, name: name, record: index) }
    }

    public mutating func add(_ edge: Edge) {
        var source = edge.source, target = edge.target
        let index = source.withUTF8 { s in target.withUTF8 { t in addEdge(source: s, target: t, line: edge.line ?? 0, direction: edge.direction) } }
        if let element = edge.element { edgeElements[index] = element }
        for (name, value) in edge.values { edgeValues.set(value, name: name, record: index) }
    }

    /// Adds a node by the bytes of its id; returns its number.
    mutating func addNode(id: UnsafeBufferPointer<UInt8>, line: Int) -> Int {
        nodeIDs.append(ids.intern(id))
        nodeLines.append(Int32(clamping: line))
        return nodeIDs.count - 1
    }

    /// Adds an edge by the bytes of its ends' ids; returns its number. An edge from the last edge's source
    /// (files list edges by source) finds it without a look-up.
    mutating func addEdge(source: UnsafeBufferPointer<UInt8>, target: UnsafeBufferPointer<UInt8>, line: Int, direction: TieDirection) -> Int {
        if let last = edgeSources.last, source.count == lastSource.count,
           lastSource.withUnsafeBufferPointer({ source.isEmpty || memcmp($0.baseAddress!, source.baseAddress!, source.count) == 0 }) {
            edgeSources.append(last)
        } else {
            edgeSources.append(ids.intern(source))
            lastSource.removeAll(keepingCapacity: true)
            lastSource.append(contentsOf: source)
        }
        edgeTargets.append(ids.intern(target))
        edgeLines.append(Int32(clamping: line))
        if direction != .asNetwork || !edgeDirections.isEmpty {
            if edgeDirections.isEmpty { edgeDirections = [TieDirection](repeating: .asNetwork, count: edgeSources.count - 1) }
            edgeDirections.append(direction)
        }
        return edgeSources.count - 1
    }

    public func direction(ofEdge edge: Int) -> TieDirection { edgeDirections.isEmpty ? .asNetwork : edgeDirections[edge] }

    public mutating func setDirection(_ direction: TieDirection, ofEdge edge: Int) {
        if edgeDirections.isEmpty {
            if direction == .asNetwork { return }
            edgeDirections = [TieDirection](repeating: .asNetwork, count: edgeSources.count)
        }
        edgeDirections[edge] = direction
    }

    /// Names nodes anew (`names[i]` for node i) and edges' ends with them; messages keep naming the
    /// elements by the ids the file gave.
    mutating func renameNodes(_ names: [String]) {
        precondition(names.count == nodeIDs.count)
        fileNodeIDs = nodeIDs
        fileEdgeEnds = (edgeSources, edgeTargets)
        var renamed = [Int32](repeating: -1, count: ids.count)
        for (i, name) in names.enumerated() {
            var name = name
            let code = name.withUTF8 { ids.intern($0) }
            renamed[Int(nodeIDs[i])] = code
            nodeIDs[i] = code
        }
        for e in edgeSources.indices {
            if renamed[Int(edgeSources[e])] >= 0 { edgeSources[e] = renamed[Int(edgeSources[e])] }
            if renamed[Int(edgeTargets[e])] >= 0 { edgeTargets[e] = renamed[Int(edgeTargets[e])] }
        }
    }

    func element(ofNode index: Int) -> String? {
        if let element = nodeElements[index] { return element }
        guard namesXMLElements else { return nil }
        return "<node id=\"\(idText(fileNodeIDs?[index] ?? nodeIDs[index]))\">"
    }

    func element(ofEdge index: Int) -> String? {
        if let element = edgeElements[index] { return element }
        guard namesXMLElements else { return nil }
        let source = fileEdgeEnds?.sources[index] ?? edgeSources[index], target = fileEdgeEnds?.targets[index] ?? edgeTargets[index]
        return "<edge source=\"\(idText(source))\" target=\"\(idText(target))\">"
    }

    // MARK: The network

    /// The network, or the first problem found (with the count of the others). Consumes the records.
    public consuming func network(name: String, description: String? = nil, isDirected: Bool) throws -> (StakeholderNetwork, [InputProblem]) {
        var report = ValidationReport()
        // Stakeholders: the nodes in order (then, when allowed, the ids edges name that no node declared).
        var stakeholderOfID = [Int32](repeating: -1, count: ids.count)
        var stakeholderIDs: [Int32] = []
        var stakeholderNode: [Int32] = []
        /// Declares the stakeholder of id `code`, read from node `node` or else from edge `edge` (for messages).
        func declare(_ code: Int32, node: Int32, edge: Int) {
            func place() -> (line: Int?, element: String?) {
                let line = node >= 0 ? nodeLines[Int(node)] : edgeLines[edge]
                return (line > 0 ? Int(line) : nil, node >= 0 ? element(ofNode: Int(node)) : element(ofEdge: edge))
            }
            if ids.withBytes(of: Int(code), { $0.isEmpty }) {
                let (line, element) = place()
                report.error(file, line: line, field: element, "a node has an empty id", hint: "give every node a unique id")
                return
            }
            if stakeholderOfID[Int(code)] >= 0 {
                let (line, element) = place()
                report.error(file, line: line, field: element, "duplicate node id '\(idText(code))'", hint: "ids must be unique")
                return
            }
            stakeholderOfID[Int(code)] = Int32(stakeholderIDs.count)
            stakeholderIDs.append(code)
            stakeholderNode.append(node)
        }
        var declared = [Bool](repeating: false, count: ids.count)
        for code in nodeIDs { declared[Int(code)] = true }
        for (i, code) in nodeIDs.enumerated() { declare(code, node: Int32(i), edge: -1) }
        if addsUndeclaredNodes {
            for e in edgeSources.indices {
                for code in [edgeSources[e], edgeTargets[e]] where !declared[Int(code)] {
                    declared[Int(code)] = true
                    declare(code, node: -1, edge: e)
                }
            }
        }
        declared = []

        var stakeholders: [Stakeholder] = stakeholderIDs.map { Stakeholder(id: idText($0)) }
        // Node values: each column's role worked out once, each distinct value typed (and a kind parsed) once.
        for number in nodeValues.columns.indices {
            let column = nodeValues.columns[number]
            let values = nodeValues.values(of: number)
            let texts = values.map(\.text)
            let role = nodeRole(column.name)
            let kinds = role == .kind ? texts.map { $0.map(StakeholderKind.init(parsing:)) } : []
            for (s, node) in stakeholderNode.enumerated() where node >= 0 {
                let entry = Int(column.entry(of: Int(node)))
                guard let text = texts[entry] else { continue }
                switch role {
                case .label?: stakeholders[s].label = text
                case .kind?: stakeholders[s].kind = kinds[entry]
                case .sector?: stakeholders[s].sector = text
                default: stakeholders[s].attributes[column.name] = values[entry]
                }
            }
        }

        // Ties: each column's values parsed once; the problems of each edge reported in the edges' order,
        // each edge's as it gives them (its ends, then its values, then its years).
        let edgeCount = edgeSources.count
        var valid = [Bool](repeating: true, count: edgeCount)
        var edgeProblems: [(edge: Int, order: Int, problem: InputProblem)] = []
        func problem(_ e: Int, order: Int, _ message: String, hint: String) {
            edgeProblems.append((e, order, InputProblem(.error, file: file, line: edgeLines[e] > 0 ? Int(edgeLines[e]) : nil, field: element(ofEdge: e),
                                                        message: message, hint: hint)))
            valid[e] = false
        }
        lazy var known = stakeholderIDs.map(idText)
        for e in 0 ..< edgeCount {
            for (order, (code, role)) in [(edgeSources[e], "source"), (edgeTargets[e], "target")].enumerated() where stakeholderOfID[Int(code)] < 0 {
                let id = idText(code)
                let hint = ClosestMatch.suggestion(for: id, among: known).map { "did you mean '\($0)'?" } ?? "declare the node or correct the id"
                problem(e, order: order, "edge \(role) '\(id)' is not a node", hint: hint)
            }
        }
        var weights: [Double] = [], kindCodes: [Int32] = [], starts: [Int32] = [], ends: [Int32] = []
        var directions = edgeDirections
        var tieKinds: [TieKind] = []
        var attributes: [TieAttributeColumn] = []
        var order = 2
        /// Reports, for each edge whose value in `column` has a message, the message (`\0` stands for the edge's ends).
        func check(_ column: RecordColumns.Column, _ problems: [String?], hint: String) {
            guard problems.contains(where: { $0 != nil }) else { return }
            for e in 0 ..< edgeCount {
                guard let message = problems[Int(column.entry(of: e))] else { continue }
                problem(e, order: order, message.replacingOccurrences(of: "\u{0}", with: "\(idText(edgeSources[e])) – \(idText(edgeTargets[e]))"), hint: hint)
            }
        }
        for number in edgeValues.columns.indices {
            order += 1
            let column = edgeValues.columns[number]
            let values = edgeValues.values(of: number)
            let texts = values.map(\.text)
            switch edgeRole(column.name) {
            case .weight?:
                let numbers = values.map { value in value.numericValue ?? value.text.flatMap(Double.init) }
                check(column, texts.indices.map { i in
                    guard let text = texts[i] else { return nil }
                    guard let number = numbers[i], number.isFinite, number >= 0 else { return "weight '\(text)' of the edge \u{0} is not a number 0 or above" }
                    return nil
                }, hint: "a weight is a tie's strength")
                if weights.isEmpty { weights = [Double](repeating: 1, count: edgeCount) }
                for e in 0 ..< edgeCount {
                    let entry = Int(column.entry(of: e))
                    if texts[entry] != nil, let number = numbers[entry], number.isFinite, number >= 0 { weights[e] = number }
                }
            case .kind?:
                var codeOf: [TieKind: Int32] = [:]
                for kind in tieKinds { codeOf[kind] = Int32(codeOf.count + 1) }
                let codes = texts.map { text -> Int32 in
                    guard let text else { return 0 }
                    let kind = TieKind(parsing: text)
                    if let code = codeOf[kind] { return code }
                    tieKinds.append(kind)
                    codeOf[kind] = Int32(tieKinds.count)
                    return Int32(tieKinds.count)
                }
                if kindCodes.isEmpty { kindCodes = [Int32](repeating: 0, count: edgeCount) }
                for e in 0 ..< edgeCount where codes[Int(column.entry(of: e))] != 0 { kindCodes[e] = codes[Int(column.entry(of: e))] }
            case let role? where role == .start || role == .end:
                let years = texts.map { $0.flatMap(CellReading.year) }
                check(column, texts.indices.map { i in texts[i] != nil && years[i] == nil ? "\(column.name) '\(texts[i]!)' is not a year" : nil },
                      hint: "write a year such as 2012")
                var given = role == .start ? starts : ends
                if given.isEmpty { given = [Int32](repeating: TieColumns.noYear, count: edgeCount) }
                for e in 0 ..< edgeCount { if let year = years[Int(column.entry(of: e))] { given[e] = year } }
                if role == .start { starts = given } else { ends = given }
            case .directed?:
                let parsed = texts.map { $0.flatMap(CellReading.direction) }
                check(column, texts.indices.map { i in texts[i] != nil && parsed[i] == nil ? "'\(texts[i]!)' is not a direction" : nil },
                      hint: "write directed or undirected")
                if directions.isEmpty { directions = [TieDirection](repeating: .asNetwork, count: edgeCount) }
                for e in 0 ..< edgeCount { if let direction = parsed[Int(column.entry(of: e))] { directions[e] = direction } }
            case .respondent?:
                let respondents = texts.map { text -> AttributeValue in text.map { .text($0.trimmingSpaces) } ?? .missing }
                attributes.append(Self.tieColumn(named: Tie.respondentAttribute, values: respondents, column, edgeCount))
            default:
                attributes.append(Self.tieColumn(named: column.name, values: values, column, edgeCount))
            }
        }
        if !starts.isEmpty, !ends.isEmpty {
            for e in 0 ..< edgeCount where starts[e] != TieColumns.noYear && ends[e] != TieColumns.noYear && starts[e] > ends[e] {
                problem(e, order: order + 1, "the tie starts in \(starts[e]), after it ends in \(ends[e])", hint: "swap the years")
            }
        }
        for entry in edgeProblems.sorted(by: { ($0.edge, $0.order) < ($1.edge, $1.order) }) { report.add(entry.problem) }
        if stakeholders.isEmpty && !report.hasErrors {
            report.error(file, "holds no stakeholders", hint: "a network needs at least one stakeholder")
        }
        try report.throwIfErrors()
        nodeValues = RecordColumns()
        edgeValues = RecordColumns()

        // The ties: every edge was valid (else the errors were thrown).
        var ties = TieColumns(sources: edgeSources.map { stakeholderOfID[Int($0)] }, targets: edgeTargets.map { stakeholderOfID[Int($0)] },
                              lines: edgeLines.contains { $0 != 0 } ? edgeLines : [], weights: weights, kindCodes: kindCodes, kinds: tieKinds,
                              starts: starts, ends: ends, directions: directions.contains { $0 != .asNetwork } ? directions : [],
                              attributes: Self.merged(attributes))
        ValueSpellings.unify(&stakeholders, &ties, stakeholderFile: file, tieFile: file, report: &report)
        var network = StakeholderNetwork(name: name, description: description, isDirected: isDirected, stakeholders: stakeholders,
                                         ties: ties, stakeholderFile: file, tieFile: file)
        TieWarnings.check(network, declaredByUser: false, report: &report)
        // Edges that name who reported them: the respondents, in order of first mention.
        network = InterviewTablesReader.read(into: network, respondents: nil, perceptions: nil, report: &report)
        return (network, report.warnings)
    }

    /// A tie attribute from a column: each edge's value, missing ones as code 0.
    static func tieColumn(named name: String, values: [AttributeValue], _ column: RecordColumns.Column, _ edgeCount: Int) -> TieAttributeColumn {
        var recode = values.indices.map { Int32($0) }
        for (entry, value) in values.enumerated() where value.isMissing { recode[entry] = 0 }
        var kept = values
        kept[0] = .missing
        return TieAttributeColumn(name: name, codes: (0 ..< edgeCount).map { recode[Int(column.entry(of: $0))] }, values: kept)
    }

    /// Attribute columns with one name made one (the later's values over the earlier's), and those no tie has dropped.
    static func merged(_ columns: [TieAttributeColumn]) -> [TieAttributeColumn] {
        var result: [TieAttributeColumn] = []
        for column in columns {
            if let same = result.firstIndex(where: { $0.name == column.name }) {
                result[same] = TieTableReader.overriding(result[same], with: column)
            } else {
                result.append(column)
            }
        }
        return result.filter { $0.codes.contains { $0 != 0 } }
    }

    /// The role an attribute plays: the one it is mapped to, else the one its name is a synonym of (unless
    /// that role is mapped to another attribute).
    func nodeRole(_ key: String) -> StakeholderColumn? {
        Self.role(of: key, mapped: mapping.stakeholders, among: [StakeholderColumn.label, .kind, .sector])
    }

    func edgeRole(_ key: String) -> TieColumn? {
        Self.role(of: key, mapped: mapping.ties, among: [TieColumn.weight, .kind, .start, .end, .directed, .respondent])
    }

    static func role<Role: RawRepresentable>(of key: String, mapped: [String: String], among roles: [Role]) -> Role? where Role.RawValue == String {
        let name = HeaderMatching.normalised(key)
        if let role = roles.first(where: { mapped[$0.rawValue].map(HeaderMatching.normalised) == name }) { return role }
        return roles.first { mapped[$0.rawValue] == nil && Self.synonyms(of: $0).contains(name) }
    }

    static func synonyms<Role: RawRepresentable>(of role: Role) -> [String] where Role.RawValue == String {
        if let column = StakeholderColumn(rawValue: role.rawValue), Role.self == StakeholderColumn.self { return column.synonyms }
        return TieColumn(rawValue: role.rawValue)?.synonyms ?? []
    }

    static func resolve(_ value: Value, type: AttributeType?) -> AttributeValue {
        switch value {
        case .typed(let typed): return typed
        case .text(let text): return AttributeParsing.value(text, as: type ?? .text)
        }
    }
}
