import NetworkModel

/// Nodes and edges as a file format gives them — ids, named values, where each was read — turned into a
/// `StakeholderNetwork` the same way for every format (GraphML, GEXF, node-link JSON, Pajek, UCINET DL).
///
/// Named values play the roles the CSV tables' columns do, by the same synonyms: a node's `label`/`name`,
/// `kind`/`type`/`category` and `sector`; an edge's `weight`/`strength`/`value`, `kind`/`type`/`relation`,
/// `start`, `end` and `directed`. Everything else is a free attribute: typed as the format declares it, or,
/// for formats that give text only, by the same per-column inference as a spreadsheet's.
public struct NetworkRecords: Sendable {
    /// A value as read: typed by the format's own declaration, or text to be typed per attribute.
    public enum Value: Sendable {
        case typed(AttributeValue)
        case text(String)
    }

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
    public var nodes: [Node] = []
    public var edges: [Edge] = []
    /// Whether an edge may name a node that was not declared (it is then added, as NetworkX and igraph do).
    public var addsUndeclaredNodes = false
    /// Attribute names for roles (`--stakeholders-columns kind=Category`), as for a table's headers.
    public var mapping = ColumnMapping()
    /// Whether a record without an `element` of its own is named in messages as the XML element it was read
    /// from (`<node id="x">`, `<edge source="x" target="y">`), written only when a message needs it.
    public var namesXMLElements = false

    func element(of node: Node) -> String? {
        node.element ?? (namesXMLElements ? "<node id=\"\(node.id)\">" : nil)
    }

    func element(of edge: Edge) -> String? {
        edge.element ?? (namesXMLElements ? "<edge source=\"\(edge.source)\" target=\"\(edge.target)\">" : nil)
    }

    public init(file: String) { self.file = file }

    /// The network, or the first problem found (with the count of the others). Consumes the records: once
    /// the ties are made, the nodes and edges are let go before the network is checked (at a million
    /// edges they are most of the memory).
    public consuming func network(name: String, description: String? = nil, isDirected: Bool) throws -> (StakeholderNetwork, [InputProblem]) {
        var report = ValidationReport()
        var declared = nodes
        if addsUndeclaredNodes {
            var known = Set(nodes.map(\.id))
            for edge in edges {
                for id in [edge.source, edge.target] where known.insert(id).inserted {
                    declared.append(Node(id: id, line: edge.line, element: element(of: edge)))
                }
            }
        }
        var index: [String: Int32] = [:]
        var stakeholders: [Stakeholder] = []
        let nodeTypes = Self.inferredTypes(declared.map(\.values))
        // Roles and kinds are worked out once per distinct name and spelling, not once per value.
        var nodeRoles: [String: StakeholderColumn?] = [:]
        var stakeholderKinds: [String: StakeholderKind] = [:]
        for node in declared {
            if node.id.isEmpty {
                report.error(file, line: node.line, field: element(of: node), "a node has an empty id", hint: "give every node a unique id")
                continue
            }
            if index[node.id] != nil {
                report.error(file, line: node.line, field: element(of: node), "duplicate node id '\(node.id)'", hint: "ids must be unique")
                continue
            }
            index[node.id] = Int32(stakeholders.count)
            var stakeholder = Stakeholder(id: node.id)
            for (key, raw) in node.values {
                let value = Self.resolve(raw, type: nodeTypes[key])
                guard let text = value.text else { continue }
                let role = nodeRoles[key] ?? { let role = nodeRole(key); nodeRoles[key] = role; return role }()
                switch role {
                case .label?: stakeholder.label = text
                case .kind?:
                    stakeholder.kind = stakeholderKinds[text] ?? { let kind = StakeholderKind(parsing: text); stakeholderKinds[text] = kind; return kind }()
                case .sector?: stakeholder.sector = text
                default: stakeholder.attributes[key] = value
                }
            }
            stakeholders.append(stakeholder)
        }
        let edgeTypes = Self.inferredTypes(edges.map(\.values))
        var ties = TieColumns()
        ties.reserveCapacity(edges.count)
        lazy var ids = Array(index.keys)
        var edgeRoles: [String: TieColumn?] = [:]
        var tieKinds: [String: TieKind] = [:]
        for edge in edges {
            var valid = true
            func end(_ id: String, _ role: String) -> Int32? {
                if let i = index[id] { return i }
                let hint = ClosestMatch.suggestion(for: id, among: ids).map { "did you mean '\($0)'?" } ?? "declare the node or correct the id"
                report.error(file, line: edge.line, field: element(of: edge), "edge \(role) '\(id)' is not a node", hint: hint)
                valid = false
                return nil
            }
            let source = end(edge.source, "source"), target = end(edge.target, "target")
            var tie = Tie(source: source ?? 0, target: target ?? 0, direction: edge.direction, line: Int32(clamping: edge.line ?? 0))
            for (key, raw) in edge.values {
                let value = Self.resolve(raw, type: edgeTypes[key])
                guard let text = value.text else { continue }
                let role = edgeRoles[key] ?? { let role = edgeRole(key); edgeRoles[key] = role; return role }()
                switch role {
                case .weight?:
                    guard let number = value.numericValue ?? Double(text), number.isFinite, number >= 0 else {
                        report.error(file, line: edge.line, field: element(of: edge), "weight '\(text)' of the edge \(edge.source) – \(edge.target) is not a number 0 or above",
                                     hint: "a weight is a tie's strength")
                        valid = false
                        continue
                    }
                    tie.weight = number
                case .kind?: tie.kind = tieKinds[text] ?? { let kind = TieKind(parsing: text); tieKinds[text] = kind; return kind }()
                case .start?, .end?:
                    guard let year = CellReading.year(text) else {
                        report.error(file, line: edge.line, field: element(of: edge), "\(key) '\(text)' is not a year", hint: "write a year such as 2012")
                        valid = false
                        continue
                    }
                    if role == .start { tie.start = year } else { tie.end = year }
                case .directed?:
                    guard let direction = CellReading.direction(text) else {
                        report.error(file, line: edge.line, field: element(of: edge), "'\(text)' is not a direction", hint: "write directed or undirected")
                        valid = false
                        continue
                    }
                    tie.direction = direction
                case .respondent?: tie.attributes[Tie.respondentAttribute] = .text(text.trimmingSpaces)
                default: tie.attributes[key] = value
                }
            }
            if let start = tie.start, let endYear = tie.end, start > endYear {
                report.error(file, line: edge.line, field: element(of: edge), "the tie starts in \(start), after it ends in \(endYear)", hint: "swap the years")
                valid = false
            }
            if valid, let source, let target {
                tie.source = source
                tie.target = target
                ties.append(tie)
            }
        }
        if stakeholders.isEmpty && !report.hasErrors {
            report.error(file, "holds no stakeholders", hint: "a network needs at least one stakeholder")
        }
        try report.throwIfErrors()
        declared = []
        nodes = []
        edges = []
        ValueSpellings.unify(&stakeholders, &ties, stakeholderFile: file, tieFile: file, report: &report)
        var network = StakeholderNetwork(name: name, description: description, isDirected: isDirected, stakeholders: stakeholders,
                                         ties: ties, stakeholderFile: file, tieFile: file)
        TieWarnings.check(network, declaredByUser: false, report: &report)
        // Edges that name who reported them: the respondents, in order of first mention.
        network = InterviewTablesReader.read(into: network, respondents: nil, perceptions: nil, report: &report)
        return (network, report.warnings)
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

    /// For attributes given as text, the type every value of that name fits.
    static func inferredTypes(_ records: [[(String, Value)]]) -> [String: AttributeType] {
        var texts: [String: [String]] = [:]
        for values in records {
            for (key, value) in values { if case .text(let text) = value { texts[key, default: []].append(text) } }
        }
        return texts.mapValues { AttributeParsing.inferType(of: $0) }
    }

    static func resolve(_ value: Value, type: AttributeType?) -> AttributeValue {
        switch value {
        case .typed(let typed): return typed
        case .text(let text): return AttributeParsing.value(text, as: type ?? .text)
        }
    }
}
