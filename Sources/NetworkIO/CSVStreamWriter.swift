import Foundation
import NetworkModel

/// Writes a CSV file a field at a time, quoted as `CSVText` quotes (a field holding a comma, a quote or a
/// line break is quoted, its quotes doubled), into a temporary file beside the destination that `finish()`
/// renames into place: a file too large to hold as text is written in constant memory, and a failure
/// leaves no half-written file.
public final class CSVStreamWriter {
    private let path: String
    private let temporary: String
    private var file: UnsafeMutablePointer<FILE>?
    private var buffer: [UInt8] = []
    private var atRowStart = true
    private var failure: InputError?

    /// - Throws: `InputError` when the file cannot be created.
    public init(path: String) throws {
        self.path = path
        let destination = URL(fileURLWithPath: path).standardizedFileURL
        temporary = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp").path
        file = fopen(temporary, "wb")
        guard file != nil else {
            throw InputError(file: path, message: "cannot be written: \(String(cString: strerror(errno)).lowercased())",
                             hint: "check that the folder exists and that you may write there")
        }
        buffer.reserveCapacity(1 << 16)
    }

    deinit {
        if let file {
            fclose(file)
            unlink(temporary)
        }
    }

    /// Appends a field: its bytes, quoted when they must be.
    public func field(_ text: String) {
        var text = text
        text.withUTF8 { field($0) }
    }

    public func field(_ bytes: UnsafeBufferPointer<UInt8>) {
        separate()
        if bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            buffer.append(0x22)
            for byte in bytes {
                if byte == 0x22 { buffer.append(0x22) }
                buffer.append(byte)
            }
            buffer.append(0x22)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Appends a whole number as a field.
    public func field(_ number: Int) {
        separate()
        appendDigits(number)
    }

    /// Appends a field of `prefix` followed by a whole number (an id such as `spin-out-12`).
    public func field(_ prefix: UnsafeBufferPointer<UInt8>, number: Int) {
        separate()
        buffer.append(contentsOf: prefix)
        appendDigits(number)
    }

    /// Appends an empty field.
    public func emptyField() { separate() }

    /// Ends the row.
    public func endRow() {
        buffer.append(0x0A)
        atRowStart = true
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes what is left and renames the file into place.
    /// - Throws: `InputError` when something could not be written.
    public func finish() throws {
        flush()
        guard let file else { return }
        let closed = fclose(file)
        self.file = nil
        if failure == nil, closed != 0 {
            failure = InputError(file: path, message: "cannot be written: \(String(cString: strerror(errno)).lowercased())")
        }
        if let failure {
            unlink(temporary)
            throw failure
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno)).lowercased()
            unlink(temporary)
            throw InputError(file: path, message: "cannot be written: \(reason)", hint: "check that you may write there")
        }
    }

    private func separate() {
        if !atRowStart { buffer.append(0x2C) }
        atRowStart = false
    }

    private func appendDigits(_ number: Int) {
        if number < 0 { buffer.append(0x2D) }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = number.magnitude
        withUnsafeMutableBytes(of: &digits) { digits in
            repeat {
                digits[19 - count] = UInt8(0x30 + rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            buffer.append(contentsOf: digits[(20 - count)...])
        }
    }

    private func flush() {
        guard let file, !buffer.isEmpty else { return }
        if failure == nil {
            let written = buffer.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
            if written != buffer.count {
                failure = InputError(file: path, message: "cannot be written: \(String(cString: strerror(errno)).lowercased())",
                                     hint: "is the disk full?")
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Writes a generated ecosystem as it is made (`EcosystemGenerator.generate(into:)`) to a network folder
/// (`nodes.csv`, `edges.csv`, `network.json`) or an edge list, with the same bytes `CSVNetworkWriter`
/// writes for the generated network, in constant memory beyond 8 bytes per stakeholder.
public struct EcosystemCSVWriter: EcosystemSink {
    private let kinds: [[UInt8]]
    private let kindNames: [StakeholderKind]
    private let sectors: [String]
    private let nodes: CSVStreamWriter?
    private let edges: CSVStreamWriter
    private let folder: String?
    /// Each stakeholder's kind and number within it, to write its id in a tie.
    private var kindOf: [Int32] = []
    private var numberOf: [Int32] = []
    public private(set) var stakeholderCount = 0
    public private(set) var tieCount = 0

    /// A writer of a folder (`edgeListOnly` false) or of an edge list at `path`.
    /// - Throws: `InputError` when the folder or a file cannot be made.
    public init(path: String, edgeListOnly: Bool, kinds: [StakeholderKind], sectors: [String]) throws {
        self.kinds = kinds.map { Array(($0.name + "-").utf8) }
        kindNames = kinds
        self.sectors = sectors
        if edgeListOnly {
            folder = nil
            nodes = nil
            edges = try CSVStreamWriter(path: path)
        } else {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw InputError(file: path, message: "cannot be created: \(FileProblem.describe(error))")
            }
            folder = path
            let nodes = try CSVStreamWriter(path: (path as NSString).appendingPathComponent("nodes.csv"))
            for name in ["id", "label", "kind", "sector", "founded"] { nodes.field(name) }
            nodes.endRow()
            self.nodes = nodes
            edges = try CSVStreamWriter(path: (path as NSString).appendingPathComponent("edges.csv"))
        }
        for name in ["source", "target", "kind", "weight", "start", "end", "directed"] { edges.field(name) }
        edges.endRow()
    }

    public mutating func addStakeholder(kind: Int, number: Int, sector: Int, founded: Int) {
        kindOf.append(Int32(kind))
        numberOf.append(Int32(number))
        stakeholderCount += 1
        guard let nodes else { return }
        kinds[kind].withUnsafeBufferPointer { nodes.field($0, number: number) }
        nodes.field(EcosystemGenerator.label(kind: kindNames[kind], number: number))
        nodes.field(kindNames[kind].name)
        nodes.field(sectors[sector])
        nodes.field(founded)
        nodes.endRow()
    }

    public mutating func addTie(_ tie: Tie) {
        tieCount += 1
        for end in [tie.source, tie.target] {
            kinds[Int(kindOf[Int(end)])].withUnsafeBufferPointer { edges.field($0, number: Int(numberOf[Int(end)])) }
        }
        if let kind = tie.kind { edges.field(kind.name) } else { edges.emptyField() }
        if tie.weight == tie.weight.rounded(), abs(tie.weight) < 1e15 { edges.field(Int(tie.weight)) } else { edges.field(AttributeValue.format(tie.weight)) }
        if let start = tie.start { edges.field(Int(start)) } else { edges.emptyField() }
        if let end = tie.end { edges.field(Int(end)) } else { edges.emptyField() }
        switch tie.direction {
        case .asNetwork: edges.emptyField()
        case .directed: edges.field("directed")
        case .undirected: edges.field("undirected")
        }
        edges.endRow()
    }

    /// Finishes the files (and writes `network.json` for a folder).
    public func finish(name: String, description: String, isDirected: Bool) throws {
        try nodes?.finish()
        try edges.finish()
        guard let folder else { return }
        let settings: [String: Any] = ["name": name, "directed": isDirected, "description": description]
        let json = try JSONSerialization.data(withJSONObject: settings, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        try OutputFile.write(json + Data("\n".utf8), to: (folder as NSString).appendingPathComponent("network.json"))
    }
}
