import Foundation
import NetworkModel

/// Pajek `.net` files, as Pajek, NetworkX and igraph write them.
///
/// Reading: `*Network` (the name), `*Vertices n` (and `n n1` for two-mode networks: a `mode` attribute
/// 1 or 2), vertex lines `number "label" [x y [z]] …` (positions kept as `viz_x`, `viz_y`), `*Arcs` and
/// `*Edges` (with `:k "relation"`, a tie kind per relation), `*Arcslist`, `*Edgeslist` and `*Matrix`;
/// `%` comments. Labels are the stakeholder ids when they are unique, the vertex numbers otherwise.
/// A file with only `*Edges` is undirected; with `*Arcs` directed, its `*Edges` ties running both ways.
/// Tie parameters after the weight are read in pairs; `l "label"` is taken as the tie's kind.
/// Writing: vertices labelled by id, `*Arcs` and `*Edges`, each tie with its weight and its kind as
/// `l "kind"` (the form NetworkX and igraph read; they do not read `:k` relation headers).
/// Pajek holds no stakeholder or tie attributes besides these (`NetworkFormat.losses` lists what is lost).
public enum PajekFormat {
    public static func read(_ path: String, options: NetworkReadOptions = NetworkReadOptions()) throws -> (StakeholderNetwork, [InputProblem]) {
        let text = try TextDecoding.readText(at: path)
        var name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        var labels: [String?] = []
        var lineOfVertex: [Int] = []
        var positions: [(Double, Double)?] = []
        var firstMode: Int?
        struct Arc { let source: Int; let target: Int; let weight: String?; let kind: String?; let undirected: Bool; let line: Int }
        var arcs: [Arc] = []
        var sawArcs = false, sawEdges = false
        var vertexLine: Int?
        enum Section { case none, vertices, arcs(undirected: Bool, kind: String?), list(undirected: Bool, kind: String?), matrix(row: Int, kind: String?) }
        var section = Section.none
        var warnings: [InputProblem] = []
        func fail(_ line: Int, _ message: String, _ hint: String) -> InputError { InputError(file: path, line: line, message: message, hint: hint) }
        func vertex(_ token: String, _ line: Int) throws -> Int {
            guard let number = Int(token), number >= 1, number <= labels.count else {
                throw fail(line, "'\(token)' is not a vertex number from 1 to \(labels.count)", "ties name vertices by their number in *Vertices")
            }
            return number - 1
        }
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = offset + 1
            let content = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if content.isEmpty || content.hasPrefix("%") { continue }
            let tokens = tokenize(content)
            if content.hasPrefix("*") {
                let keyword = tokens[0].lowercased()
                let relation = relationName(tokens)
                switch keyword {
                case "*network": name = tokens.dropFirst().joined(separator: " ").isEmpty ? name : tokens.dropFirst().joined(separator: " ")
                case "*vertices":
                    guard tokens.count >= 2, let n = Int(tokens[1]), n >= 0, n < 100_000_000 else { throw fail(line, "*Vertices needs the number of vertices", "write *Vertices 12") }
                    // A second *Vertices would renumber the vertices ties already name (found by fuzzing).
                    guard vertexLine == nil else { throw fail(line, "*Vertices appears a second time (first on line \(vertexLine!))", "a Pajek network has one *Vertices section") }
                    vertexLine = line
                    labels = [String?](repeating: nil, count: n)
                    lineOfVertex = [Int](repeating: line, count: n)
                    positions = [(Double, Double)?](repeating: nil, count: n)
                    if tokens.count >= 3, let n1 = Int(tokens[2]) { firstMode = n1 }
                    section = .vertices
                case "*arcs": sawArcs = true; section = .arcs(undirected: false, kind: relation)
                case "*edges": sawEdges = true; section = .arcs(undirected: true, kind: relation)
                case "*arcslist": sawArcs = true; section = .list(undirected: false, kind: relation)
                case "*edgeslist": sawEdges = true; section = .list(undirected: true, kind: relation)
                case "*matrix": sawArcs = true; section = .matrix(row: 0, kind: relation)
                default:
                    warnings.append(InputProblem(.warning, file: path, line: line, message: "section \(tokens[0]) is not read"))
                    section = .none
                }
                continue
            }
            switch section {
            case .none:
                throw fail(line, "data before any *Vertices, *Arcs or *Edges line", "a Pajek file starts with *Vertices n")
            case .vertices:
                let v = try vertex(tokens[0], line)
                if tokens.count >= 2 { labels[v] = tokens[1] }
                lineOfVertex[v] = line
                if tokens.count >= 4, let x = Double(tokens[2]), let y = Double(tokens[3]) { positions[v] = (x, y) }
            case .arcs(let undirected, let kind):
                guard tokens.count >= 2 else { throw fail(line, "a tie line needs two vertex numbers", "write: source target [weight]") }
                let weight = tokens.count >= 3 && Double(tokens[2]) != nil ? tokens[2] : nil
                // Parameters after the weight come in pairs; `l "label"` is the tie's label, read as its kind.
                var label = kind
                var p = weight == nil ? 2 : 3
                while p + 1 < tokens.count { if tokens[p] == "l" { label = tokens[p + 1] }; p += 2 }
                arcs.append(Arc(source: try vertex(tokens[0], line), target: try vertex(tokens[1], line), weight: weight, kind: label, undirected: undirected, line: line))
            case .list(let undirected, let kind):
                let source = try vertex(tokens[0], line)
                for token in tokens.dropFirst() {
                    arcs.append(Arc(source: source, target: try vertex(token, line), weight: nil, kind: kind, undirected: undirected, line: line))
                }
            case .matrix(let row, let kind):
                guard row < labels.count else { throw fail(line, "more matrix rows than the \(labels.count) vertices", "a *Matrix has one row per vertex") }
                guard tokens.count == labels.count else { throw fail(line, "matrix row \(row + 1) has \(tokens.count) values, not \(labels.count)", "a *Matrix row has one value per vertex") }
                for (column, token) in tokens.enumerated() {
                    guard let value = Double(token) else { throw fail(line, "'\(token)' in the matrix is not a number", "matrix cells are numbers") }
                    if value != 0 { arcs.append(Arc(source: row, target: column, weight: token, kind: kind, undirected: false, line: line)) }
                }
                section = .matrix(row: row + 1, kind: kind)
            }
        }
        guard !labels.isEmpty || arcs.isEmpty else { throw InputError(file: path, message: "has ties but no *Vertices", hint: "a Pajek file starts with *Vertices n") }
        let given = labels.compactMap { $0 }
        let unique = given.count == labels.count && Set(given).count == given.count
        if !unique && !given.isEmpty {
            warnings.append(InputProblem(.warning, file: path, message: "vertex labels are missing or repeated, so stakeholders are named by their vertex numbers"))
        }
        let isDirected = options.directed ?? (sawArcs || !sawEdges)
        var records = NetworkRecords(file: path)
        records.mapping = options.columns
        for v in labels.indices {
            var values: [(String, NetworkRecords.Value)] = []
            if !unique, let label = labels[v] { values.append(("label", .typed(.text(label)))) }
            if let (x, y) = positions[v] { values += [("viz_x", .typed(.number(x))), ("viz_y", .typed(.number(y)))] }
            if let firstMode { values.append(("mode", .typed(.integer(v < firstMode ? 1 : 2)))) }
            records.add(NetworkRecords.Node(id: unique ? labels[v]! : String(v + 1), values: values, line: lineOfVertex[v]))
        }
        for arc in arcs {
            var values: [(String, NetworkRecords.Value)] = []
            if let weight = arc.weight { values.append(("weight", .text(weight))) }
            if let kind = arc.kind, kind != "(none)" { values.append(("kind", .typed(.text(kind)))) }
            var edge = NetworkRecords.Edge(source: records.nodeID(arc.source), target: records.nodeID(arc.target), values: values, line: arc.line)
            if arc.undirected && isDirected { edge.direction = .undirected }
            records.add(edge)
        }
        let (network, more) = try records.network(name: name, isDirected: isDirected)
        return (network, warnings + more)
    }

    /// Tokens of a line: words, and "quoted strings" without their quotes.
    static func tokenize(_ line: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var quoted = false, inToken = false
        for character in line {
            if character == "\"" {
                if quoted { tokens.append(current); current = ""; inToken = false }
                quoted.toggle()
                continue
            }
            if !quoted && (character == " " || character == "\t" || character == "\r") {
                if inToken { tokens.append(current); current = ""; inToken = false }
                continue
            }
            current.append(character)
            inToken = true
        }
        if inToken || quoted { tokens.append(current) }
        return tokens
    }

    /// The relation named in `*Arcs :2 "funding"`, if any.
    static func relationName(_ tokens: [String]) -> String? {
        guard tokens.count >= 2, tokens[1].hasPrefix(":") else { return nil }
        return tokens.count >= 3 ? tokens[2] : String(tokens[1].dropFirst())
    }

    static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "'").replacingOccurrences(of: "\n", with: " ") + "\""
    }

    public static func write(_ network: StakeholderNetwork) -> String {
        var lines = ["*Network \(network.name.replacingOccurrences(of: "\n", with: " "))", "*Vertices \(network.stakeholderCount)"]
        for (v, stakeholder) in network.stakeholders.enumerated() {
            var line = "\(v + 1) \(quote(stakeholder.id))"
            if let x = stakeholder.attributes["viz_x"]?.numericValue, let y = stakeholder.attributes["viz_y"]?.numericValue {
                line += " \(AttributeValue.format(x)) \(AttributeValue.format(y))"
            }
            lines.append(line)
        }
        let weighted = network.ties.contains { $0.weight != 1 || $0.kind != nil }
        for undirected in [false, true] {
            let ties = network.ties.filter { !network.isDirected($0) == undirected }
            guard !ties.isEmpty else { continue }
            lines.append(undirected ? "*Edges" : "*Arcs")
            for tie in ties {
                var line = "\(tie.source + 1) \(tie.target + 1)"
                if weighted { line += " \(AttributeValue.format(tie.weight))" }
                if let kind = tie.kind { line += " l \(quote(kind.name))" }
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
