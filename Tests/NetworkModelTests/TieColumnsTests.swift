import NetworkModel
import Testing

/// Ties held column by column read back as the `Tie` values put in, whatever fields each has.
@Suite struct TieColumnsTests {
    /// Random ties: each field present or not, attributes of several types, a few kinds, years, directions.
    static func randomTies(_ count: Int, seed: UInt64) -> [Tie] {
        var generator = SeededGenerator(seed: seed)
        let kinds: [TieKind?] = [nil, .funding, .support, TieKind(name: "gossip")]
        let directions: [TieDirection] = [.asNetwork, .directed, .undirected]
        let values: [AttributeValue] = [.text("x"), .integer(3), .number(0.5), .boolean(true), .list(["a", "b"])]
        return (0 ..< count).map { i in
            var tie = Tie(source: Int32.random(in: 0 ..< 9, using: &generator), target: Int32.random(in: 0 ..< 9, using: &generator))
            if Bool.random(using: &generator) { tie.kind = kinds.randomElement(using: &generator)! }
            if Int.random(in: 0 ..< 3, using: &generator) == 0 { tie.weight = Double(Int.random(in: 0 ... 4, using: &generator)) / 2 }
            if Bool.random(using: &generator) { tie.start = Int32.random(in: 1990 ... 2000, using: &generator) }
            if Bool.random(using: &generator) { tie.end = Int32.random(in: 2001 ... 2020, using: &generator) }
            if Int.random(in: 0 ..< 4, using: &generator) == 0 { tie.direction = directions.randomElement(using: &generator)! }
            if Int.random(in: 0 ..< 3, using: &generator) == 0 { tie.line = Int32(i + 2) }
            for name in ["note", "trust"] where Int.random(in: 0 ..< 3, using: &generator) == 0 {
                tie.attributes[name] = values.randomElement(using: &generator)!
            }
            return tie
        }
    }

    @Test func readsBackWhatWasAppended() {
        for seed in 0 ..< 20 as Range<UInt64> {
            let ties = Self.randomTies(Int(seed) * 3, seed: seed)
            let columns = TieColumns(ties)
            #expect(Array(columns) == ties, "seed \(seed)")
            #expect(columns == TieColumns(ties))
            // Field by field, as loops over many ties read them.
            for (i, tie) in ties.enumerated() {
                #expect(columns.weight(at: i) == tie.weight && columns.start(at: i) == tie.start && columns.end(at: i) == tie.end)
                #expect(columns.kind(at: i) == tie.kind && columns.direction(at: i) == tie.direction && columns.line(at: i) == tie.line)
                #expect(columns.attribute(named: "trust").map { $0[i] } ?? .missing == tie.attributes["trust"] ?? .missing)
            }
        }
    }

    @Test func columnsNoTieHasTakeNoRoom() {
        let plain = TieColumns([Tie(source: 0, target: 1), Tie(source: 1, target: 2)])
        #expect(plain.weights.isEmpty && plain.kindCodes.isEmpty && plain.starts.isEmpty && plain.ends.isEmpty)
        #expect(plain.directions.isEmpty && plain.lines.isEmpty && plain.attributes.isEmpty)
        var weighted = plain
        weighted.append(Tie(source: 2, target: 0, weight: 3))
        #expect(weighted.weights == [1, 1, 3] && weighted.kindCodes.isEmpty)
    }

    @Test func changingGatheringAndFiltering() {
        let ties = Self.randomTies(40, seed: 99)
        var columns = TieColumns(ties)
        var expected = ties
        for i in stride(from: 0, to: 40, by: 7) {
            var changed = expected[(i + 3) % 40]
            changed.source = expected[i].source
            changed.attributes["note"] = nil
            columns[i] = changed
            expected[i] = changed
        }
        #expect(Array(columns) == expected)
        let picked = [5, 1, 1, 39, 0]
        #expect(Array(columns.gathering(picked)) == picked.map { expected[$0] })
        #expect(Array(columns.filtered { $0.kind == .funding }) == expected.filter { $0.kind == .funding })
        columns.setEveryDirection(.undirected)
        #expect(columns.allSatisfy { $0.direction == .undirected })
    }

    @Test func renamingKindsMergesTheirCodes() {
        var columns = TieColumns([
            Tie(source: 0, target: 1, kind: TieKind(name: "Funding")), Tie(source: 1, target: 0, kind: .funding),
            Tie(source: 1, target: 2), Tie(source: 2, target: 0, kind: .support),
        ])
        columns.renameKinds { $0.name == "Funding" ? .funding : $0 }
        #expect(columns.kinds == [.funding, .support])
        #expect(columns.map(\.kind) == [.funding, .funding, nil, .support])
        #expect(columns.kindCodes == [1, 1, 0, 2])
    }

    @Test func aNetworkKeepsItsTiesAsColumns() throws {
        let ties = Self.randomTies(30, seed: 5)
        let network = StakeholderNetwork(name: "n", isDirected: true, stakeholders: (0 ..< 9).map { Stakeholder(id: "s\($0)") }, ties: ties)
        #expect(Array(network.ties) == ties)
        let sub = network.subnetwork(keeping: [8, 2, 3])
        let position: [Int32: Int32] = [8: 0, 2: 1, 3: 2]
        let kept = ties.compactMap { tie -> Tie? in
            guard let s = position[tie.source], let t = position[tie.target] else { return nil }
            var copy = tie
            copy.source = s
            copy.target = t
            return copy
        }
        #expect(Array(sub.ties) == kept)
        let years = ties.flatMap { [$0.start, $0.end].compactMap { $0 } }
        #expect(network.tieYears() == (years.isEmpty ? nil : Int(years.min()!) ... Int(years.max()!)))
        #expect(network.tieYears() == network.tieYears(keeping: { _ in true }))
        #expect(network.index(of: "s3") == 3 && network.index(of: "zz") == nil)
    }
}
