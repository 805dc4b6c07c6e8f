import Foundation
import NetworkModel

/// Writes a network as a folder StakeNet (and a spreadsheet) reads back: `nodes.csv`, `edges.csv` and
/// `network.json` (and `respondents.csv`, `perceptions.csv` when the network has them). Free attributes become columns (sorted by name); missing values are empty cells.
public enum CSVNetworkWriter {
    /// - Throws: `InputError` when the folder is an input, or a file cannot be written. Each file is
    ///   written whole (temporary file, then renamed).
    public static func write(_ network: StakeholderNetwork, toFolder folder: String, inputs: [String]) throws {
        let target = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
        for input in inputs where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path == target {
            throw InputError(file: folder, message: "is an input of this command; refusing to write into it", hint: "choose another folder with -o")
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw InputError(file: folder, message: "cannot be created: \(FileProblem.describe(error))")
        }
        let path = { (name: String) in (folder as NSString).appendingPathComponent(name) }
        // Everything is rendered before anything is written, so a failure leaves no half-written folder.
        let nodes = Data(try nodesCSV(network).utf8), edges = Data(try edgesCSV(network).utf8)
        var settings: [String: Any] = ["name": network.name, "directed": network.isDirected]
        if let description = network.description { settings["description"] = description }
        let json = try JSONSerialization.data(withJSONObject: settings, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        try OutputFile.write(nodes, to: path("nodes.csv"), inputs: inputs)
        try OutputFile.write(edges, to: path("edges.csv"), inputs: inputs)
        let respondents = network.respondents.isEmpty ? nil : Data(try respondentsCSV(network).utf8)
        let perceptions = network.perceptions.isEmpty ? nil : Data(try perceptionsCSV(network).utf8)
        try OutputFile.write(json + Data("\n".utf8), to: path("network.json"), inputs: inputs)
        if let respondents { try OutputFile.write(respondents, to: path("respondents.csv"), inputs: inputs) }
        if let perceptions { try OutputFile.write(perceptions, to: path("perceptions.csv"), inputs: inputs) }
    }

    /// `respondents.csv`: id, role, organisation (the stakeholder's id), then free attributes.
    public static func respondentsCSV(_ network: StakeholderNetwork) throws -> String {
        let extra = Set(network.respondents.flatMap(\.attributes.keys)).sorted()
        let rows = network.respondents.map { r in
            [r.id, r.role ?? "", r.organisation.map { network.stakeholders[Int($0)].id } ?? ""] + extra.map { r.attributes[$0]?.text ?? "" }
        }
        return try CSVText.render(header: ["id", "role", "organisation"] + extra, rows: rows)
    }

    /// `perceptions.csv`: respondent, stakeholder, influence, then free attributes.
    public static func perceptionsCSV(_ network: StakeholderNetwork) throws -> String {
        let extra = Set(network.perceptions.flatMap(\.attributes.keys)).sorted()
        let rows = network.perceptions.map { p in
            [network.respondents[Int(p.respondent)].id, network.stakeholders[Int(p.stakeholder)].id, AttributeValue.format(p.influence)]
                + extra.map { p.attributes[$0]?.text ?? "" }
        }
        return try CSVText.render(header: ["respondent", "stakeholder", "influence"] + extra, rows: rows)
    }

    public static func nodesCSV(_ network: StakeholderNetwork) throws -> String {
        let extra = Set(network.stakeholders.flatMap(\.attributes.keys)).sorted()
        let rows = network.stakeholders.map { s in
            [s.id, s.label, s.kind?.name ?? "", s.sector ?? ""] + extra.map { s.attributes[$0]?.text ?? "" }
        }
        return try CSVText.render(header: ["id", "label", "kind", "sector"] + extra, rows: rows)
    }

    public static func edgesCSV(_ network: StakeholderNetwork) throws -> String {
        let extra = Set(network.ties.flatMap(\.attributes.keys)).sorted()
        let rows = network.ties.map { tie -> [String] in
            var row = [network.stakeholders[Int(tie.source)].id, network.stakeholders[Int(tie.target)].id, tie.kind?.name ?? "",
                       AttributeValue.format(tie.weight), tie.start.map { String($0) } ?? "", tie.end.map { String($0) } ?? ""]
            switch tie.direction {
            case .asNetwork: row.append("")
            case .directed: row.append("directed")
            case .undirected: row.append("undirected")
            }
            return row + extra.map { tie.attributes[$0]?.text ?? "" }
        }
        return try CSVText.render(header: ["source", "target", "kind", "weight", "start", "end", "directed"] + extra, rows: rows)
    }
}
