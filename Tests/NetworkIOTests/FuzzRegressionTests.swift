import Foundation
import NetworkIO
import Testing
import TestSupport

/// Every input fuzzing found a crash or leak with (Tests/Fixtures/fuzz/FORMAT/, written by Scripts/fuzz and
/// fixed since) is refused with a located error, or read; before the fixes each stopped the process.
@Suite struct FuzzRegressionTests {
    static let extensions = ["edgelist": "csv", "graphml": "graphml", "gexf": "gexf", "json": "json", "pajek": "net", "dl": "dl"]

    static let inputs: [String] = {
        let root = Fixtures.path("fuzz")
        return ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted().flatMap { format -> [String] in
            guard extensions[format] != nil else { return [] }
            return ((try? FileManager.default.contentsOfDirectory(atPath: root + "/" + format)) ?? []).sorted().map { "\(format)/\($0)" }
        }
    }()

    @Test(arguments: inputs)
    func replays(_ input: String) throws {
        let format = String(input.split(separator: "/")[0])
        let folder = try TemporaryFolder()
        let copy = folder.path + "/input." + Self.extensions[format]!
        try FileManager.default.copyItem(atPath: Fixtures.path("fuzz/" + input), toPath: copy)
        do {
            _ = try NetworkReader.read(copy)
        } catch let error as InputError {
            #expect(error.problem.file == copy, "\(error)")
        }
    }

    @Test func everyFindingIsReplayed() {
        #expect(Self.inputs.count >= 5)
    }
}
