import ArgumentParser
import Foundation
import GraphvizRendering
import NetworkIO
import NetworkModel

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate a synthetic stakeholder ecosystem of any size, for scale tests, benchmarks and teaching.",
        discussion: """
        A stochastic block model by kind and sector: stakeholders draw a kind and a sector from the mixes
        given; ties fall between kinds as an ecosystem of public service mutuals has them (commissioners
        commission spin-outs and leisure trusts, funders fund them, unions represent their staff, providers
        exchange knowledge …), more often within a sector than across (--within). Each tie has a kind, a
        direction (actor to acted on), a strength from 1 to 5, a start year and, for the kinds that end
        (grants, projects, advice, some partnerships and contracts), an end year (--lasting: none end); each
        stakeholder a founding year. --clustering is the share of ties drawn by closing a triangle (default
        0.2: transitivity about 0.1 instead of 0); --reciprocity the share of directed ties answered by a
        knowledge-exchange tie the other way (default 0.2, as NetworkX's reciprocity counts it). The same seed
        gives the same network. Written in the format of the output's extension
        (a folder without one), or --to.

        Examples:
          stakenet generate --stakeholders 1000 -o ecosystem/
          stakenet generate --stakeholders 1000000 --mean-degree 10 -o big.csv --quiet
          stakenet generate --stakeholders 500 --sectors health=0.5,care=0.3,leisure=0.2 --within 0.9 -o three.graphml
          stakenet generate --stakeholders 200 --kinds spin-out=0.5,funder=0.2,union=0.3 --undirected -o small.gexf
        """
    )

    @Option(help: "Number of stakeholders.")
    var stakeholders: Int

    @Option(name: .customLong("mean-degree"), help: "Mean number of ties per stakeholder.")
    var meanDegree: Double = 6

    @Option(help: ArgumentHelp("Sectors and their shares: health-social-care=0.6,leisure=0.4.", valueName: "mix"))
    var sectors: String?

    @Option(help: ArgumentHelp("Stakeholder kinds and their shares: spin-out=0.3,funder=0.05,… (default: a mutuals ecosystem).", valueName: "mix"))
    var kinds: String?

    @Option(help: "Share of ties kept within a sector, other things equal (0.5: sector makes no difference).")
    var within: Double = 0.8

    @Flag(help: "Generate an undirected network.")
    var undirected = false

    @Option(help: ArgumentHelp("Years ties and stakeholders start in: 1995-2024 (or 1995..2024).", valueName: "years"))
    var years: String = "1995-2024"

    @Option(help: "Share of ties drawn by closing a triangle, from 0 to 1.")
    var clustering: Double = 0.2

    @Option(help: "Share of directed ties answered by a tie the other way, from 0 to 1 (default 0.2).")
    var reciprocity: Double?

    @Flag(help: "Ties never end (only start years).")
    var lasting = false

    @Option(help: "Seed.")
    var seed: UInt64 = 1

    @Option(name: .short, help: ArgumentHelp("Where to write the network.", valueName: "path"))
    var output: String

    @Option(help: ArgumentHelp("Write as this format instead of the extension's.", valueName: "format"))
    var to: NetworkFormat?

    @Flag(name: .shortAndLong, help: "Print no progress.")
    var quiet = false

    func validate() throws {
        guard stakeholders >= 1, stakeholders < Int(Int32.max) else { throw ValidationError("--stakeholders takes a number from 1 to \(Int32.max - 1)") }
        guard meanDegree >= 0, meanDegree.isFinite, meanDegree <= Double(max(stakeholders - 1, 0)) else {
            throw ValidationError("--mean-degree takes a number from 0 to the number of other stakeholders (\(stakeholders - 1))")
        }
        guard (0 ... 1).contains(within) else { throw ValidationError("--within takes a share from 0 to 1") }
        guard (0 ... 1).contains(clustering) else { throw ValidationError("--clustering takes a share from 0 to 1") }
        if let reciprocity {
            guard (0 ... 1).contains(reciprocity) else { throw ValidationError("--reciprocity takes a share from 0 to 1") }
            if undirected { throw ValidationError("--reciprocity applies to directed networks; an undirected tie is already both ways") }
        }
        _ = try mix(sectors, option: "--sectors")
        _ = try mix(kinds, option: "--kinds")
        _ = try yearRange()
    }

    func mix(_ text: String?, option: String) throws -> [(String, Double)]? {
        guard let text else { return nil }
        var result: [(String, Double)] = []
        for entry in text.split(separator: ",") {
            let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, let share = Double(parts[1]), share > 0, share.isFinite else {
                throw ValidationError("\(option) takes name=share pairs with positive shares, not '\(entry)'")
            }
            result.append((parts[0], share))
        }
        guard !result.isEmpty else { throw ValidationError("\(option) names nothing") }
        return result
    }

    func yearRange() throws -> ClosedRange<Int> {
        let parts = years.replacingOccurrences(of: "..", with: "-").split(separator: "-").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, parts[0] <= parts[1] else { throw ValidationError("--years takes a range such as 1995-2024, not '\(years)'") }
        return parts[0] ... parts[1]
    }

    func run() throws {
        guard let format = to ?? NetworkFormat.detect(output) else {
            throw CommandFailure(message: "cannot tell the format of '\(output)' from its extension; use --to")
        }
        var generator = EcosystemGenerator(stakeholders: stakeholders)
        generator.meanDegree = meanDegree
        generator.withinSector = within
        generator.isDirected = !undirected
        generator.seed = seed
        generator.years = try yearRange()
        generator.closure = clustering
        generator.reciprocity = undirected ? 0 : reciprocity ?? 0.2
        generator.tiesEnd = !lasting
        if let sectorMix = try mix(sectors, option: "--sectors") { generator.sectors = sectorMix.map { (name: $0.0, share: $0.1) } }
        if let kindMix = try mix(kinds, option: "--kinds") { generator.kinds = kindMix.map { (kind: StakeholderKind(parsing: $0.0), share: $0.1) } }
        let progress = Progress(quiet: quiet)
        progress.say("generating \(stakeholders) stakeholders")
        if format == .folder || format == .edgeList {
            // Written as it is made, never held: a network of any size takes memory for its ties' ends alone.
            var writer = try EcosystemCSVWriter(path: output, edgeListOnly: format == .edgeList, kinds: generator.kinds.map(\.kind),
                                                sectors: generator.sectors.map(\.name))
            generator.generate(into: &writer)
            try writer.finish(name: generator.name, description: generator.description, isDirected: generator.isDirected)
            progress.done()
            if !quiet {
                Terminal.write("stakenet: wrote \(writer.stakeholderCount) stakeholders and \(writer.tieCount) ties to \(output)\n", to: .standardError)
            }
            return
        }
        let network = generator.generate()
        progress.say("writing \(network.tieCount) ties")
        if format == .dot {
            try OutputFile.write(Data(DOTNetworkWriter.write(network).utf8), to: output)
        } else {
            try NetworkWriter.write(network, to: output, as: format, inputs: [])
        }
        progress.done()
        if !quiet {
            Terminal.write("stakenet: wrote \(network.stakeholderCount) stakeholders and \(network.tieCount) ties to \(output)\n", to: .standardError)
        }
    }
}
