/// Synthetic stakeholder ecosystems of any size (`stakenet generate`), for scale tests, benchmarks and
/// teaching: a stochastic block model whose blocks are (kind, sector) pairs.
///
/// Each stakeholder draws a kind and a sector from the given mixes. Ties are shared out over pairs of
/// blocks in proportion to |A|·|B|·affinity(kind A, kind B)·(within or across sectors), then each tie
/// joins a uniformly random member of each block (Holland, Laskey and Leinhardt, "Stochastic
/// blockmodels: first steps", Social Networks 5(2), 1983, doi:10.1016/0378-8733(83)90021-7).
/// Self-loops are redrawn and repeated pairs dropped, so a network has about, not exactly, the ties asked for.
/// Kinds of stakeholders decide the kind and direction of a tie (a commissioner commissions a provider,
/// a funder funds it, a union represents its staff …), its strength (1–5, around a mean per tie kind)
/// and its start year.
///
/// Three settings make it more like observed inter-organisational networks (all off by default here;
/// `stakenet generate` turns them on): `closure`, the share of ties drawn by closing a triangle (a random
/// drawn tie a–b and a random partner c of b give a–c: triadic closure, Holme and Kim, Phys. Rev. E 65,
/// 2002), which raises transitivity; `reciprocity`, the share of directed ties that are answered by a tie
/// the other way (knowledge flowing back, as a `knowledge-exchange` tie of the same start); and `tiesEnd`,
/// end years by the tie's kind (grants, projects and advice end; representation lasts), so ties form and
/// dissolve over the years.
///
/// - Complexity: O(n + m log m) time (the sort that drops repeated pairs); 8 bytes per tie while generating
///   (16 while closing triangles), and the network itself unless it is streamed (`generate(into:)`).
public struct EcosystemGenerator: Sendable {
    public var stakeholders: Int
    /// Mean number of ties per stakeholder (in and out together).
    public var meanDegree: Double = 6
    /// Sector shares (normalised).
    public var sectors: [(name: String, share: Double)] = [("health-social-care", 0.6), ("leisure", 0.4)]
    /// Stakeholder kind shares (normalised).
    public var kinds: [(kind: StakeholderKind, share: Double)] = EcosystemGenerator.defaultKinds
    /// Share of ties, other things equal, that stay within a sector (0.5: sector makes no difference).
    public var withinSector: Double = 0.8
    public var isDirected = true
    public var seed: UInt64 = 1
    /// Ties start in a year of this range.
    public var years: ClosedRange<Int> = 1995 ... 2024
    /// Share of directed ties answered by a tie the other way (NetworkX's `reciprocity`), from 0 to 1.
    public var reciprocity: Double = 0
    /// Share of ties drawn by closing a triangle, from 0 to 1.
    public var closure: Double = 0
    /// Whether ties end (by kind; an end after `years` is left open).
    public var tiesEnd = false

    public static let defaultKinds: [(kind: StakeholderKind, share: Double)] = [
        (.spinOut, 0.30), (.leisureTrust, 0.20), (.commissioner, 0.08), (.funder, 0.05), (.supportProvider, 0.07),
        (.union, 0.04), (.university, 0.04), (.policyMaker, 0.02), (.userGroup, 0.20),
    ]

    public init(stakeholders: Int) { self.stakeholders = stakeholders }

    /// Case organisations: the providers the rest of the ecosystem is organised around.
    static let providers: Set<StakeholderKind> = [.spinOut, .leisureTrust]

    /// How strongly two kinds tie (symmetric), and the tie's kind when they do, with its actor first.
    static func relation(_ a: StakeholderKind, _ b: StakeholderKind) -> (affinity: Double, kind: TieKind, actorFirst: Bool?, strength: Double) {
        let aProvider = providers.contains(a), bProvider = providers.contains(b)
        if aProvider && bProvider { return (1.0, .knowledgeExchange, nil, 2) }
        if aProvider || bProvider {
            let other = aProvider ? b : a
            let actorFirst = !aProvider
            switch other {
            case .commissioner: return (3.0, .commissioning, actorFirst, 4.5)
            case .funder: return (2.0, .funding, actorFirst, 3)
            case .supportProvider: return (2.0, .support, actorFirst, 2)
            case .union: return (1.5, .representation, actorFirst, 3)
            case .university: return (1.0, .research, actorFirst, 2)
            case .userGroup: return (1.5, .representation, actorFirst, 3)
            case .policyMaker: return (0.3, .support, actorFirst, 2)
            default: return (0.5, .partnership, nil, 2)
            }
        }
        if a == .userGroup || b == .userGroup { return (0.02, .partnership, nil, 1) }
        return (0.3, .partnership, nil, 2)
    }

    /// The network. - Precondition: at least one stakeholder; shares positive.
    public func generate() -> StakeholderNetwork {
        var sink = NetworkSink(kinds: kinds.map(\.kind), sectors: sectors.map(\.name))
        generate(into: &sink)
        return StakeholderNetwork(name: name, description: description, isDirected: isDirected, stakeholders: sink.stakeholders, ties: sink.ties)
    }

    /// The network's name and description, as `generate()` gives them.
    public var name: String { "generated-\(stakeholders)" }
    public var description: String { "A generated ecosystem (stochastic block model by kind and sector; seed \(seed))" }

    /// Stakeholder `number` of a kind: its id (`spin-out-12`) and label (`Spin Out 12`).
    public static func id(kind: StakeholderKind, number: Int) -> String { "\(kind.name)-\(number)" }
    public static func label(kind: StakeholderKind, number: Int) -> String {
        "\(kind.name.capitalized.replacingOccurrences(of: "-", with: " ")) \(number)"
    }

    /// Makes the network a piece at a time, as `generate()` does, giving each stakeholder and then each tie
    /// to `sink` as it is made: what is made is never held, so a network far larger than memory can be
    /// written. - Precondition: at least one stakeholder; shares positive.
    /// - Complexity: O(n + m log m) time; 16 bytes per stakeholder and 8 per tie (16 while closing triangles).
    public func generate<Sink: EcosystemSink>(into sink: inout Sink) {
        precondition(stakeholders >= 1, "a network needs a stakeholder")
        var generator = SeededGenerator(seed: seed)
        let n = stakeholders
        let kindShares = EcosystemGenerator.cumulative(kinds.map(\.share)), sectorShares = EcosystemGenerator.cumulative(sectors.map(\.share))
        let K = kinds.count, S = sectors.count
        // Stakeholders, numbered within their kind so that ids read well: spin-out-12, funder-3.
        var blockOf = [Int32](repeating: 0, count: n)
        var members = [[Int32]](repeating: [], count: K * S)
        var numberInKind = [Int](repeating: 0, count: K)
        var foundedYear = [Int32](repeating: 0, count: n)
        let yearSpan = years.upperBound - years.lowerBound + 1
        for v in 0 ..< n {
            let k = EcosystemGenerator.draw(kindShares, &generator), s = EcosystemGenerator.draw(sectorShares, &generator)
            numberInKind[k] += 1
            blockOf[v] = Int32(k * S + s)
            members[k * S + s].append(Int32(v))
            let founded = years.lowerBound + generator.uniform(below: yearSpan)
            foundedYear[v] = Int32(founded)
            sink.addStakeholder(kind: k, number: numberInKind[k], sector: s, founded: founded)
        }
        // Expected ties per pair of blocks.
        let blocks = K * S
        var weights: [(Int, Int, Double)] = []
        var total = 0.0
        for a in 0 ..< blocks {
            for b in a ..< blocks where !members[a].isEmpty && !members[b].isEmpty {
                let sameSector = a % S == b % S
                let sectorFactor = S == 1 ? 1 : (sameSector ? withinSector : (1 - withinSector) / Double(S - 1))
                let (affinity, _, _, _) = EcosystemGenerator.relation(kinds[a / S].kind, kinds[b / S].kind)
                let pairs = a == b ? Double(members[a].count) * Double(members[a].count - 1) / 2 : Double(members[a].count) * Double(members[b].count)
                let w = pairs * affinity * sectorFactor
                if w > 0 { weights.append((a, b, w)); total += w }
            }
        }
        // Reciprocated ties come in pairs: r' of the ties drawn get an answer, so that 2r'/(1 + r') = reciprocity.
        let answered = isDirected && reciprocity > 0 ? reciprocity / (2 - reciprocity) : 0
        let wanted = Double(n) * meanDegree / 2 / (1 + answered)
        let closing = Int((wanted * closure).rounded())
        var keys: [UInt64] = []
        keys.reserveCapacity(Int(wanted * 1.05) + 16)
        let drawn = wanted - Double(closing)
        for (a, b, w) in weights {
            // Round the expected count at random, so small block pairs get their share on average.
            let expected = drawn * w / total
            var count = Int(expected)
            if generator.nextUnit() < expected - Double(count) { count += 1 }
            let A = members[a], B = members[b]
            if a == b && A.count < 2 { continue }
            for _ in 0 ..< count {
                var u = A[generator.uniform(below: A.count)], v = B[generator.uniform(below: B.count)]
                while u == v { v = B[generator.uniform(below: B.count)] }
                if u > v { swap(&u, &v) }
                keys.append(UInt64(UInt32(u)) << 32 | UInt64(UInt32(v)))
            }
        }
        members = []
        if closing > 0 && !keys.isEmpty { EcosystemGenerator.closeTriangles(&keys, count: closing, nodeCount: n, &generator) }
        keys.sort()
        var previous = UInt64.max
        for key in keys where key != previous {
            previous = key
            var u = Int32(truncatingIfNeeded: key >> 32), v = Int32(truncatingIfNeeded: key & 0xFFFF_FFFF)
            let (_, kind, actorFirst, strength) = EcosystemGenerator.relation(kinds[Int(blockOf[Int(u)]) / S].kind, kinds[Int(blockOf[Int(v)]) / S].kind)
            if isDirected {
                let flip = actorFirst.map { !$0 } ?? (generator.next() & 1 == 1)
                if flip { swap(&u, &v) }
            }
            let tieKind = kind == .knowledgeExchange && generator.nextUnit() < 0.3 ? TieKind.partnership : kind
            let weight = Double(Swift.min(5, Swift.max(1, Int((strength + generator.nextUnit() * 2 - 1).rounded()))))
            let started = Int(Swift.max(foundedYear[Int(u)], foundedYear[Int(v)]))
            let start = started + generator.uniform(below: Swift.max(1, years.upperBound - started + 1))
            var tie = Tie(source: u, target: v, kind: tieKind, weight: weight, start: Int32(start))
            if tiesEnd { tie.end = EcosystemGenerator.endYear(of: tie, last: years.upperBound, &generator) }
            sink.addTie(tie)
            if answered > 0 && generator.nextUnit() < answered {
                var back = Tie(source: v, target: u, kind: .knowledgeExchange, weight: Swift.max(1, weight - 1), start: Int32(start))
                if tiesEnd { back.end = EcosystemGenerator.endYear(of: back, last: years.upperBound, &generator) }
                sink.addTie(back)
            }
        }
    }

    /// Adds `count` ties, each closing a triangle over the ties in `keys` (pairs u < v packed in 64 bits):
    /// a random tie a–b, oriented at random, and a random partner c ≠ a of b give the pair a–c.
    static func closeTriangles(_ keys: inout [UInt64], count: Int, nodeCount n: Int, _ generator: inout SeededGenerator) {
        var offsets = [Int](repeating: 0, count: n + 1)
        for key in keys { offsets[Int(key >> 32) + 1] += 1; offsets[Int(key & 0xFFFF_FFFF) + 1] += 1 }
        for v in 0 ..< n { offsets[v + 1] += offsets[v] }
        var position = offsets
        var partners = [Int32](repeating: 0, count: offsets[n])
        for key in keys {
            let u = Int(key >> 32), v = Int(key & 0xFFFF_FFFF)
            partners[position[u]] = Int32(v); position[u] += 1
            partners[position[v]] = Int32(u); position[v] += 1
        }
        let base = keys.count
        for _ in 0 ..< count {
            let key = keys[generator.uniform(below: base)]
            var a = Int32(truncatingIfNeeded: key >> 32), b = Int32(truncatingIfNeeded: key & 0xFFFF_FFFF)
            if generator.next() & 1 == 1 { swap(&a, &b) }
            let degree = offsets[Int(b) + 1] - offsets[Int(b)]
            guard degree > 1 else { continue }
            var c = partners[offsets[Int(b)] + generator.uniform(below: degree)]
            while c == a { c = partners[offsets[Int(b)] + generator.uniform(below: degree)] }
            let (low, high) = a < c ? (a, c) : (c, a)
            keys.append(UInt64(UInt32(low)) << 32 | UInt64(UInt32(high)))
        }
    }

    /// The year a tie ends by its kind (nil: it lasts, or would end after `last`): grants 1–6 years,
    /// knowledge exchange 1–4, research 2–4, advice 1–2, half the partnerships 3–8, three in ten
    /// commissioning contracts 5–12; representation and membership last.
    static func endYear(of tie: Tie, last: Int, _ generator: inout SeededGenerator) -> Int32? {
        guard let start = tie.start else { return nil }
        let span: Int?
        switch tie.kind {
        case .funding?: span = 1 + generator.uniform(below: 6)
        case .knowledgeExchange?: span = 1 + generator.uniform(below: 4)
        case .research?: span = 2 + generator.uniform(below: 3)
        case .support?: span = 1 + generator.uniform(below: 2)
        case .partnership?: span = generator.nextUnit() < 0.5 ? 3 + generator.uniform(below: 6) : nil
        case .commissioning?: span = generator.nextUnit() < 0.3 ? 5 + generator.uniform(below: 8) : nil
        default: span = nil
        }
        guard let span, Int(start) + span <= last else { return nil }
        return start + Int32(span)
    }

    static func cumulative(_ shares: [Double]) -> [Double] {
        let total = shares.reduce(0, +)
        var running = 0.0
        return shares.map { running += $0 / total; return running }
    }

    static func draw(_ cumulative: [Double], _ generator: inout SeededGenerator) -> Int {
        let x = generator.nextUnit()
        var low = 0, high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] > x { high = mid } else { low = mid + 1 }
        }
        return low
    }
}

/// What a generated ecosystem is given to as it is made (`EcosystemGenerator.generate(into:)`): every
/// stakeholder in order, then every tie.
public protocol EcosystemSink {
    /// The next stakeholder: the `number`th of `kinds[kind]` (numbered from 1), in `sectors[sector]`,
    /// founded in `founded`.
    mutating func addStakeholder(kind: Int, number: Int, sector: Int, founded: Int)
    /// The next tie; its ends index the stakeholders in the order given.
    mutating func addTie(_ tie: Tie)
}

/// Collects a generated ecosystem as a network's stakeholders and ties.
struct NetworkSink: EcosystemSink {
    let kinds: [StakeholderKind]
    let sectors: [String]
    var stakeholders: [Stakeholder] = []
    var ties = TieColumns()

    mutating func addStakeholder(kind: Int, number: Int, sector: Int, founded: Int) {
        let kind = kinds[kind]
        stakeholders.append(Stakeholder(id: EcosystemGenerator.id(kind: kind, number: number), label: EcosystemGenerator.label(kind: kind, number: number),
                                        kind: kind, sector: sectors[sector], attributes: ["founded": .integer(founded)]))
    }

    mutating func addTie(_ tie: Tie) { ties.append(tie) }
}
