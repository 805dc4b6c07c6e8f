import Foundation
import NetworkModel

/// Vertex and edge tables for a distributed graph engine (Spark's GraphX): CSV files with a header that
/// `spark.read.option("header", true)` reads as they are, a dense numeric vertex id, and a settings file.
///
/// The folder holds
/// - `vertices.csv`: `vid,id,label,kind,sector` — `vid` is the stakeholder's position (0 … n − 1);
/// - `edges.csv`: `src,dst,kind,weight,directed,start,end` — one row per tie as recorded (parallel ties and
///   self-loops included; the jobs combine them as StakeNet does), `src`/`dst` are vids, `directed` is the
///   tie's own direction as the network reads it (`StakeholderNetwork.isDirected(_:)`);
/// - `network.properties`: `directed`, `stakeholders`, `ties`, the network's name and StakeNet's version,
///   and the settings StakeNet's own measures use (PageRank's damping and tolerance);
/// - `README`: what the files hold.
///
/// Written streaming through a buffer of about a megabyte, into a temporary folder beside `folder` that is
/// renamed into place when complete: a failed export leaves nothing half written.
///
/// - Complexity: O(n + m) time; O(1) memory beyond the network.
public enum SparkExport {
    /// PageRank settings StakeNet's `metrics` uses, written for the jobs to use the same.
    public static let pagerankDamping = 0.85
    public static let pagerankTolerance = 1e-12

    /// Writes the export of `network` into `folder` (replacing an earlier export there).
    /// - Throws: `InputError` when `folder` is an input, exists and is not an export, or cannot be written.
    public static func write(_ network: StakeholderNetwork, toFolder folder: String, inputs: [String]) throws {
        let destination = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath()
        for input in inputs where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path == destination.path {
            throw InputError(file: folder, message: "is an input of this command; refusing to overwrite it", hint: "choose another folder")
        }
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        let exists = manager.fileExists(atPath: destination.path, isDirectory: &isFolder)
        if exists {
            let contents = (try? manager.contentsOfDirectory(atPath: destination.path)) ?? []
            guard isFolder.boolValue, contents.isEmpty || contents.contains("network.properties") && contents.contains("edges.csv") else {
                throw InputError(file: folder, message: isFolder.boolValue ? "exists and is not an earlier export; refusing to replace it" : "is a file, not a folder",
                                 hint: "choose a new folder, or remove it first")
            }
        }
        let temporary = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        try? manager.removeItem(at: temporary)
        do {
            try manager.createDirectory(at: temporary, withIntermediateDirectories: false)
            try writeTables(network, into: temporary)
        } catch {
            try? manager.removeItem(at: temporary)
            if let error = error as? InputError { throw error }
            throw InputError(file: folder, message: "cannot be written: \(FileProblem.describe(error))",
                             hint: "check that the parent folder exists and that you may write there")
        }
        if exists { try? manager.removeItem(at: destination) }
        if rename(temporary.path, destination.path) != 0 {
            let reason = String(cString: strerror(errno)).lowercased()
            try? manager.removeItem(at: temporary)
            throw InputError(file: folder, message: "cannot be written: \(reason)", hint: "check that you may write there")
        }
    }

    private static func writeTables(_ network: StakeholderNetwork, into folder: URL) throws {
        var vertices = try BufferedFile(folder.appendingPathComponent("vertices.csv"))
        try vertices.line(["vid", "id", "label", "kind", "sector"])
        for (vid, stakeholder) in network.stakeholders.enumerated() {
            try vertices.line([String(vid), stakeholder.id, oneLine(stakeholder.label), stakeholder.kind?.name ?? "", stakeholder.sector.map(oneLine) ?? ""])
        }
        try vertices.close()

        var edges = try BufferedFile(folder.appendingPathComponent("edges.csv"))
        try edges.line(["src", "dst", "kind", "weight", "directed", "start", "end"])
        for tie in network.ties {
            let directed = network.isDirected(tie)
            try edges.line([String(tie.source), String(tie.target), tie.kind.map { oneLine($0.name) } ?? "", CSVText.number(tie.weight),
                        directed ? "true" : "false", tie.start.map { String($0) } ?? "", tie.end.map { String($0) } ?? ""])
        }
        try edges.close()

        let properties = """
        # StakeNet export for Spark's GraphX (java.util.Properties format)
        name=\(propertyValue(network.name))
        directed=\(network.isDirected)
        stakeholders=\(network.stakeholderCount)
        ties=\(network.tieCount)
        pagerank.damping=\(pagerankDamping)
        pagerank.tolerance=\(pagerankTolerance)
        stakenet.version=\(StakeNetVersion.current)

        """
        try Data(properties.utf8).write(to: folder.appendingPathComponent("network.properties"))
        try Data(readme(network).utf8).write(to: folder.appendingPathComponent("README"))
    }

    /// Line breaks in a label become spaces, so that every table can be split by lines (Spark reads
    /// faster, and in parallel, without multi-line records).
    static func oneLine(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 10 || $0 == 13 }) else { return text }
        return text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).joined(separator: " ")
    }

    private static func propertyValue(_ text: String) -> String {
        var out = ""
        for scalar in oneLine(text).unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "=", ":", "#", "!": out += "\\" + String(scalar)
            case _ where scalar.value > 0x7E || scalar.value < 0x20: out += String(format: "\\u%04X", scalar.value <= 0xFFFF ? scalar.value : 0xFFFD)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func readme(_ network: StakeholderNetwork) -> String {
        """
        StakeNet export of "\(oneLine(network.name))" for Spark's GraphX
        \(network.stakeholderCount) stakeholders, \(network.tieCount) ties, \(network.isDirected ? "directed" : "undirected").

        vertices.csv  vid,id,label,kind,sector
                      vid: dense vertex number 0 … n-1 (GraphX's VertexId); id: the stakeholder's id in StakeNet.
        edges.csv     src,dst,kind,weight,directed,start,end
                      one row per recorded tie; src and dst are vids. Parallel ties and self-loops are kept:
                      the jobs drop self-loops and combine parallel ties as StakeNet does. directed=false marks a
                      tie that runs both ways. The measures read every tie as undirected when the network is
                      (network.properties); cascades follow each tie's own direction, as StakeNet's do.
                      start and end are years (empty: open).
        network.properties
                      directed, counts, and the PageRank damping and tolerance StakeNet uses.

        CSV: RFC 4180 (a field holding a comma or a quote is quoted, quotes doubled); read it in Spark with
        spark.read.option("header", "true").option("escape", "\\"").csv(...). Line breaks in labels are spaces.

        Run every job:  Scripts/spark/run MASTER THIS_FOLDER RESULTS_FOLDER   (MASTER: local[N] or a cluster URL)
        Then:           stakenet report NETWORK --scores RESULTS_FOLDER -o report.html

        """
    }
}

/// Appending CSV records to a file through a buffer, so that large tables are written without a copy in memory.
struct BufferedFile {
    private let handle: FileHandle
    private var buffer = ""
    private static let flushAt = 1 << 20

    init(_ url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw InputError(file: url.path, message: "cannot be created", hint: "check that you may write there")
        }
        handle = try FileHandle(forWritingTo: url)
        buffer.reserveCapacity(Self.flushAt + 4096)
    }

    mutating func line(_ fields: [String]) throws {
        CSVText.append(fields, to: &buffer)
        if buffer.utf8.count >= Self.flushAt { try flush() }
    }

    private mutating func flush() throws {
        try handle.write(contentsOf: Data(buffer.utf8))
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func close() throws {
        try flush()
        try handle.close()
    }
}
