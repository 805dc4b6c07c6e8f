import Foundation
import NetworkIO
import NetworkModel
import Testing
import TestSupport

/// A generated ecosystem written as it is made has the bytes of the same network made whole and written.
@Suite struct EcosystemStreamTests {
    @Test(arguments: [false, true])
    func streamedEqualsWrittenWhole(directed: Bool) throws {
        var generator = EcosystemGenerator(stakeholders: 700)
        generator.meanDegree = 8
        generator.isDirected = directed
        generator.closure = 0.2
        generator.reciprocity = directed ? 0.3 : 0
        generator.tiesEnd = true
        generator.seed = 11
        // Names that must be quoted, and a kind the generator does not know.
        generator.sectors = [("care, \"health\"", 0.5), ("leisure", 0.5)]
        generator.kinds = [(.spinOut, 0.5), (.funder, 0.2), (StakeholderKind(name: "odd kind"), 0.3)]
        let folder = try TemporaryFolder()
        let whole = folder.path + "/whole", streamed = folder.path + "/streamed"
        let network = generator.generate()
        try CSVNetworkWriter.write(network, toFolder: whole, inputs: [])
        var writer = try EcosystemCSVWriter(path: streamed, edgeListOnly: false, kinds: generator.kinds.map(\.kind), sectors: generator.sectors.map(\.name))
        generator.generate(into: &writer)
        try writer.finish(name: generator.name, description: generator.description, isDirected: generator.isDirected)
        #expect(writer.stakeholderCount == network.stakeholderCount && writer.tieCount == network.tieCount)
        for file in ["nodes.csv", "edges.csv", "network.json"] {
            let a = try Data(contentsOf: URL(fileURLWithPath: whole + "/" + file)), b = try Data(contentsOf: URL(fileURLWithPath: streamed + "/" + file))
            #expect(a == b, "\(file) differs")
        }
        let read = try NetworkReader.read(streamed).network
        // Read back: the same ties, each on its line of edges.csv.
        let expected = network.ties.enumerated().map { i, tie in
            var copy = tie
            copy.line = Int32(i + 2)
            return copy
        }
        #expect(read.stakeholderCount == network.stakeholderCount && Array(read.ties) == expected)
        // An edge list alone: the folder's edges.csv.
        var edgeList = try EcosystemCSVWriter(path: folder.path + "/ties.csv", edgeListOnly: true, kinds: generator.kinds.map(\.kind), sectors: generator.sectors.map(\.name))
        generator.generate(into: &edgeList)
        try edgeList.finish(name: generator.name, description: generator.description, isDirected: generator.isDirected)
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.path + "/ties.csv")) == Data(contentsOf: URL(fileURLWithPath: whole + "/edges.csv")))
    }

    @Test func aStreamThatCannotBeWrittenSaysSo() {
        #expect(throws: InputError.self) { try CSVStreamWriter(path: "/nonexistent-folder/x.csv") }
    }
}
