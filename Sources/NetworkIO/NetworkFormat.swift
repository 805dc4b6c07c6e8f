import Foundation
import NetworkModel

/// The formats StakeNet reads and writes, found from a path's extension (or given by name).
public enum NetworkFormat: String, CaseIterable, Sendable {
    /// A folder of `nodes.csv`, `edges.csv` and `network.json`.
    case folder
    /// A single edge-list table (`.csv`, `.tsv`, `.txt`).
    case edgeList = "edgelist"
    case graphml
    case gexf
    /// Node-link JSON (NetworkX's `node_link_data`, d3).
    case json
    /// Pajek `.net`.
    case pajek
    /// UCINET DL.
    case dl
    /// Graphviz DOT (read and written through Graphviz, by the command-line tool).
    case dot
    /// An Excel workbook (`.xlsx`): sheets of ties and stakeholders (written in Kumu's layout).
    case xlsx
    /// An adjacency matrix as CSV (a row and a column per stakeholder; found by itself when reading a `.csv`).
    case adjacency
    /// An incidence (two-mode) matrix as CSV (`--matrix incidence` when reading).
    case incidence

    /// File name extensions of each format.
    public var extensions: [String] {
        switch self {
        case .folder: return []
        case .edgeList: return ["csv", "tsv", "txt"]
        case .graphml: return ["graphml"]
        case .gexf: return ["gexf"]
        case .json: return ["json"]
        case .pajek: return ["net", "paj"]
        case .dl: return ["dl"]
        case .dot: return ["gv", "dot"]
        case .xlsx: return ["xlsx"]
        case .adjacency, .incidence: return []
        }
    }

    /// The format of a path: a folder (existing, or named without an extension) or by extension.
    public static func detect(_ path: String) -> NetworkFormat? {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { return .folder }
        let ext = (path as NSString).pathExtension.lowercased()
        if ext.isEmpty { return .folder }
        return allCases.first { $0.extensions.contains(ext) }
    }

    /// Every extension StakeNet knows, for messages.
    public static var knownExtensions: String {
        allCases.flatMap(\.extensions).map { "." + $0 }.joined(separator: ", ")
    }
}

/// Writes a network in any format but DOT (which goes through Graphviz), atomically.
public enum NetworkWriter {
    /// The network as the text of a one-file format.
    public static func text(_ network: StakeholderNetwork, as format: NetworkFormat) throws -> String {
        switch format {
        case .edgeList: return try CSVNetworkWriter.edgesCSV(network)
        case .graphml: return GraphMLFormat.write(network)
        case .gexf: return GEXFFormat.write(network)
        case .json: return try NodeLinkJSONFormat.write(network)
        case .pajek: return PajekFormat.write(network)
        case .dl: return UCINETFormat.write(network)
        case .adjacency: return try MatrixFormat.adjacencyCSV(network)
        case .incidence: return try MatrixFormat.incidenceCSV(network)
        case .folder, .dot, .xlsx: preconditionFailure("\(format) is not written as one text")
        }
    }

    /// Writes the network to `path` in `format` (a folder for `.folder`), refusing to overwrite `inputs`.
    public static func write(_ network: StakeholderNetwork, to path: String, as format: NetworkFormat, inputs: [String]) throws {
        if format == .folder {
            try CSVNetworkWriter.write(network, toFolder: path, inputs: inputs)
            return
        }
        if format == .xlsx {
            try OutputFile.write(try WorkbookWriter.kumuWorkbook(network), to: path, inputs: inputs)
            return
        }
        try OutputFile.write(Data(try text(network, as: format).utf8), to: path, inputs: inputs)
    }
}

extension NetworkFormat {
    /// What of `network` this format cannot hold, in words (empty when nothing is lost).
    public func losses(of network: StakeholderNetwork) -> [String] {
        let s = network.stakeholders, t = network.ties
        let labels = s.contains { $0.label != $0.id }
        let kinds = s.contains { $0.kind != nil }, sectors = s.contains { $0.sector != nil }
        let nodeAttributes = Set(s.flatMap(\.attributes.keys)).subtracting(["viz_x", "viz_y"]).sorted()
        let periods = t.contains { $0.start != nil || $0.end != nil }
        let tieAttributes = Set(t.flatMap(\.attributes.keys)).sorted()
        let lists = s.contains { $0.attributes.values.contains { if case .list = $0 { return true } else { return false } } }
            || t.contains { $0.attributes.values.contains { if case .list = $0 { return true } else { return false } } }
        var lost: [String] = []
        func stakeholderInfo() {
            if labels { lost.append("stakeholder labels (ids are kept)") }
            if kinds { lost.append("stakeholder kinds") }
            if sectors { lost.append("sectors") }
            if !nodeAttributes.isEmpty { lost.append("stakeholder attributes (\(nodeAttributes.joined(separator: ", ")))") }
        }
        switch self {
        case .pajek:
            stakeholderInfo()
            if periods { lost.append("tie periods (start, end)") }
            if !tieAttributes.isEmpty { lost.append("tie attributes (\(tieAttributes.joined(separator: ", ")))") }
        case .dl:
            stakeholderInfo()
            if periods { lost.append("tie periods (start, end)") }
            if !tieAttributes.isEmpty { lost.append("tie attributes (\(tieAttributes.joined(separator: ", ")))") }
            if t.contains(where: { $0.direction != .asNetwork }) { lost.append("each tie's own direction") }
            if !network.isDirected { lost.append("the network's direction (DL has none; it is read back as undirected because every tie is listed both ways)") }
        case .adjacency, .incidence:
            stakeholderInfo()
            if periods { lost.append("tie periods (start, end)") }
            if !tieAttributes.isEmpty { lost.append("tie attributes (\(tieAttributes.joined(separator: ", ")))") }
            if t.contains(where: { $0.kind != nil }) { lost.append("tie kinds (parallel ties' weights are added)") }
            if network.isDirected && self == .adjacency { lost.append("the direction of a network whose every tie is returned (a symmetric matrix is read back as undirected; say --directed)") }
            lost.append("the network's name")
        case .edgeList:
            stakeholderInfo()
            let tied = Set(t.flatMap { [$0.source, $0.target] })
            if tied.count < s.count { lost.append("\(s.count - tied.count) stakeholders without ties") }
            lost.append("the network's name and direction (say --undirected when reading an undirected one back)")
        case .graphml, .gexf, .dot, .folder, .xlsx:
            if lists { lost.append("lists in attribute values, written as text joined by '|'") }
        case .json:
            break
        }
        if self != .folder && self != .xlsx && (network.respondents.contains { $0.role != nil || $0.organisation != nil || !$0.attributes.isEmpty } || !network.perceptions.isEmpty) {
            lost.append("respondents' roles and organisations and their influence ratings (a CSV folder and a workbook keep them)")
        }
        return lost
    }
}
