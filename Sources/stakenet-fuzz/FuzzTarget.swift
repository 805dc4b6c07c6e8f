import Foundation
import GraphvizRendering
import NetworkIO
import NetworkModel

/// libFuzzer's entry: reads the input as a network in the format named by `STAKENET_FUZZ_FORMAT`
/// (csv-folder, edgelist, graphml, gexf, json, pajek, dl, dot). A reader may refuse the input with an
/// error, never crash, hang or leak. Built by Scripts/fuzz with `-sanitize=fuzzer,address -D FUZZING`;
/// built normally, the same program replays inputs given as files (for regression tests).
@_cdecl("LLVMFuzzerTestOneInput")
public func stakenetFuzzOneInput(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzTarget.run(Data(bytes: bytes, count: size), format: FuzzTarget.format)
    return 0
}

enum FuzzTarget {
    static let format = ProcessInfo.processInfo.environment["STAKENET_FUZZ_FORMAT"] ?? "edgelist"
    static let folder: String = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let path = (base as NSString).appendingPathComponent("stakenet-fuzz-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    static let extensions = ["edgelist": "csv", "graphml": "graphml", "gexf": "gexf", "json": "json", "pajek": "net", "dl": "dl", "dot": "gv"]

    /// Reads `data` as a network; returns whether it was read (refusals are fine, crashes are findings).
    @discardableResult
    static func run(_ data: Data, format: String) -> Bool {
        do {
            if format == "csv-folder" {
                // nodes.csv, a line "===", then edges.csv.
                let marker = Data("\n===\n".utf8)
                let split = data.range(of: marker)
                let nodes = split.map { data[..<$0.lowerBound] } ?? Data()
                let edges = split.map { data[$0.upperBound...] } ?? data
                let networkFolder = (folder as NSString).appendingPathComponent("network")
                try? FileManager.default.createDirectory(atPath: networkFolder, withIntermediateDirectories: true)
                try Data(nodes).write(to: URL(fileURLWithPath: networkFolder + "/nodes.csv"))
                try Data(edges).write(to: URL(fileURLWithPath: networkFolder + "/edges.csv"))
                _ = try NetworkReader.read(networkFolder)
                return true
            }
            guard let ext = extensions[format] else { fatalError("unknown STAKENET_FUZZ_FORMAT \(format)") }
            let path = (folder as NSString).appendingPathComponent("input.\(ext)")
            try data.write(to: URL(fileURLWithPath: path))
            if format == "dot" { _ = try DOTNetworkReader.read(path, isolation: .inProcess) } else { _ = try NetworkReader.read(path) }
            return true
        } catch {
            return false
        }
    }
}

#if FUZZING
/// libFuzzer's driver, run from the entry point SwiftPM gives an executable target.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

@_cdecl("stakenet_fuzz_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { bytes, size in stakenetFuzzOneInput(bytes, size) }
}
#else
/// Replays inputs: `stakenet-fuzz FORMAT FILE…` reads each file as the fuzzer would, and says which were read.
@main
struct Replay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let format = arguments.first, arguments.count >= 2 else {
            FileHandle.standardError.write(Data("usage: stakenet-fuzz FORMAT FILE…\n".utf8))
            exit(2)
        }
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            print("\(FuzzTarget.run(data, format: format) ? "read" : "refused") \(path)")
        }
    }
}
#endif
