import NetworkModel
import Testing

/// The generated ecosystems have the size, mix and structure asked for, and the same seed gives the same network.
@Suite struct EcosystemGeneratorTests {
    @Test func sizeMixAndStructure() {
        var generator = EcosystemGenerator(stakeholders: 20_000)
        generator.meanDegree = 8
        generator.withinSector = 0.9
        generator.seed = 3
        let network = generator.generate()
        #expect(network.stakeholderCount == 20_000)
        // Repeated pairs are dropped, so slightly fewer than n·d/2 ties.
        let ties = Double(network.tieCount)
        #expect(ties <= 80_000 && ties > 79_000, "\(ties) ties")
        // Kind shares within 5 standard errors of the mix.
        let total = EcosystemGenerator.defaultKinds.reduce(0) { $0 + $1.share }
        for (kind, share) in EcosystemGenerator.defaultKinds {
            let p = share / total
            let count = Double(network.stakeholders.filter { $0.kind == kind }.count)
            #expect(abs(count - 20_000 * p) < 5 * (20_000 * p * (1 - p)).squareRoot(), "\(kind.name)")
        }
        var pairs = Set<UInt64>()
        var within = 0
        for tie in network.ties {
            #expect(tie.source != tie.target)
            let a = UInt64(min(tie.source, tie.target)), b = UInt64(max(tie.source, tie.target))
            #expect(pairs.insert(a << 32 | b).inserted, "no repeated pair")
            if network.stakeholders[Int(tie.source)].sector == network.stakeholders[Int(tie.target)].sector { within += 1 }
            #expect((1 ... 5).contains(tie.weight) && tie.start != nil)
        }
        // With --within 0.9 most ties stay in a sector (the kind affinities shift the share a little).
        #expect(Double(within) / ties > 0.8)
        // A commissioner always commissions; the tie runs from it.
        for tie in network.ties where network.stakeholders[Int(tie.source)].kind == .commissioner || network.stakeholders[Int(tie.target)].kind == .commissioner {
            let other = network.stakeholders[Int(tie.source)].kind == .commissioner ? network.stakeholders[Int(tie.target)] : network.stakeholders[Int(tie.source)]
            if other.kind == .spinOut || other.kind == .leisureTrust {
                #expect(tie.kind == .commissioning && network.stakeholders[Int(tie.source)].kind == .commissioner)
            }
        }
    }

    @Test func sameSeedSameNetwork() {
        var generator = EcosystemGenerator(stakeholders: 500)
        generator.seed = 9
        let a = generator.generate(), b = generator.generate()
        #expect(a.ties == b.ties && a.stakeholders == b.stakeholders)
        generator.seed = 10
        #expect(generator.generate().ties != a.ties)
    }

    @Test func sectorMakesNoDifferenceAtOneHalf() {
        var generator = EcosystemGenerator(stakeholders: 10_000)
        generator.sectors = [("a", 0.5), ("b", 0.5)]
        generator.withinSector = 0.5
        generator.kinds = [(.spinOut, 1)]
        generator.isDirected = false
        let network = generator.generate()
        let within = network.ties.filter { network.stakeholders[Int($0.source)].sector == network.stakeholders[Int($0.target)].sector }.count
        let share = Double(within) / Double(network.tieCount)
        #expect(abs(share - 0.5) < 0.02, "\(share)")
        #expect(!network.isDirected)
    }

    /// Reciprocity, triangles and ends as asked: NetworkX's reciprocity (the share of directed ties whose
    /// reverse is present) near the target, transitivity well above the block model's, end years by kind.
    @Test func reciprocityClosureAndEnds() {
        func transitivity(_ network: StakeholderNetwork) -> Double {
            var partners = [Set<Int32>](repeating: [], count: network.stakeholderCount)
            for tie in network.ties { partners[Int(tie.source)].insert(tie.target); partners[Int(tie.target)].insert(tie.source) }
            var closed = 0.0, triples = 0.0
            for v in partners.indices {
                let list = Array(partners[v])
                triples += Double(list.count * (list.count - 1) / 2)
                for i in list.indices { for j in (i + 1) ..< list.count where partners[Int(list[i])].contains(list[j]) { closed += 1 } }
            }
            return triples > 0 ? closed / triples : 0
        }
        var generator = EcosystemGenerator(stakeholders: 20_000)
        generator.meanDegree = 8
        generator.seed = 4
        let plain = generator.generate()
        generator.reciprocity = 0.2
        generator.closure = 0.2
        generator.tiesEnd = true
        let network = generator.generate()
        let arcs = Set(network.ties.map { UInt64(UInt32($0.source)) << 32 | UInt64(UInt32($0.target)) })
        let answered = network.ties.filter { arcs.contains(UInt64(UInt32($0.target)) << 32 | UInt64(UInt32($0.source))) }.count
        let reciprocity = Double(answered) / Double(network.tieCount)
        #expect(abs(reciprocity - 0.2) < 0.01, "reciprocity \(reciprocity)")
        #expect(abs(Double(network.tieCount) - 80_000) < 0.03 * 80_000, "\(network.tieCount) ties")
        let before = transitivity(plain), after = transitivity(network)
        #expect(before < 0.005 && after > 0.05, "transitivity \(before) → \(after)")
        let ended = network.ties.filter { $0.end != nil }
        #expect(ended.allSatisfy { $0.end! >= $0.start! && $0.end! <= 2024 })
        #expect(Double(ended.count) / Double(network.tieCount) > 0.2 && Double(ended.count) / Double(network.tieCount) < 0.8)
        #expect(!ended.contains { $0.kind == .representation })
        #expect(plain.ties.allSatisfy { $0.end == nil })
    }
}
