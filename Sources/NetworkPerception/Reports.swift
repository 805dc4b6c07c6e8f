import NetworkModel

/// One question a respondent could answer: is there a tie of this relation between these stakeholders?
/// In an undirected network `source < target`.
public struct ReportedDyad: Hashable, Comparable, Sendable {
    public var relation: Int32
    public var source: Int32
    public var target: Int32

    public init(relation: Int32 = 0, source: Int32, target: Int32) {
        self.relation = relation
        self.source = source
        self.target = target
    }

    public static func < (a: ReportedDyad, b: ReportedDyad) -> Bool {
        (a.relation, a.source, a.target) < (b.relation, b.source, b.target)
    }
}

/// Many respondents' reports of one network — a cognitive social structure (Krackhardt 1987) — as the
/// questions each respondent answered "yes" to, and the stakeholders each could know of.
///
/// **Who could report a tie** (the rule every figure uses): a respondent could report a tie between two
/// stakeholders when both are in their *view*. In a roster design (every respondent asked about every pair,
/// as in Krackhardt's studies and R sna's report arrays) the view is every stakeholder. In a Net-Map design
/// (each respondent draws their own map) it is the stakeholders the respondent put on their map: those their
/// reported ties touch, the stakeholder they belong to, and those whose influence they rated. A pair outside
/// a respondent's view is neither a "yes" nor a "no" from them: it is a question they were not asked.
///
/// Relations are the tie kinds of reported ties (ties without a kind form one relation of their own); each
/// relation is a separate question about each pair. Self-loops are not questions.
///
/// - Reference: D. Krackhardt, "Cognitive social structures", Social Networks 9(2), 109–134, 1987.
public struct Reports: Sendable {
    public let stakeholderCount: Int
    public let isDirected: Bool
    /// The relations asked about, by tie kind (`nil`: ties recorded without a kind).
    public let relations: [TieKind?]
    /// Each respondent's "yes" answers, sorted, without repeats.
    public let reported: [[ReportedDyad]]
    /// Each respondent's view (`views[r][v]`: whether stakeholder v is in it); `nil` in a roster design.
    public let views: [[Bool]]?
    /// The stakeholder each respondent belongs to, for the locally aggregated structures.
    public let organisation: [Int32?]

    public var respondentCount: Int { reported.count }

    /// Reports given directly (for tests and for arrays from other tools).
    public init(stakeholderCount: Int, isDirected: Bool, relations: [TieKind?] = [nil], reported: [[ReportedDyad]], views: [[Bool]]? = nil,
                organisation: [Int32?]? = nil) {
        self.stakeholderCount = stakeholderCount
        self.isDirected = isDirected
        self.relations = relations
        self.reported = reported.map { list in
            Array(Set(list.compactMap { dyad -> ReportedDyad? in
                guard dyad.source != dyad.target else { return nil }
                if isDirected || dyad.source < dyad.target { return dyad }
                return ReportedDyad(relation: dyad.relation, source: dyad.target, target: dyad.source)
            })).sorted()
        }
        self.views = views
        self.organisation = organisation ?? Array(repeating: nil, count: reported.count)
    }

    /// The reports a network's ties carry: one respondent per entry of `network.respondents`.
    /// `roster`: every respondent could report every pair (else each one's view, as above).
    /// - Complexity: O(m + r·n).
    public init(_ network: StakeholderNetwork, roster: Bool = false) {
        var respondentIndex: [String: Int] = [:]
        for (r, respondent) in network.respondents.enumerated() { respondentIndex[respondent.id] = r }
        var relationIndex: [TieKind?: Int32] = [:]
        var relations: [TieKind?] = []
        var reported = [[ReportedDyad]](repeating: [], count: network.respondents.count)
        var views = [[Bool]](repeating: [Bool](repeating: false, count: network.stakeholderCount), count: network.respondents.count)
        for tie in network.ties {
            guard let id = tie.respondent, let r = respondentIndex[id] else { continue }
            let relation: Int32
            if let known = relationIndex[tie.kind] { relation = known } else {
                relation = Int32(relations.count)
                relationIndex[tie.kind] = relation
                relations.append(tie.kind)
            }
            views[r][Int(tie.source)] = true
            views[r][Int(tie.target)] = true
            reported[r].append(ReportedDyad(relation: relation, source: tie.source, target: tie.target))
        }
        for (r, respondent) in network.respondents.enumerated() {
            if let organisation = respondent.organisation { views[r][Int(organisation)] = true }
        }
        for perception in network.perceptions { views[Int(perception.respondent)][Int(perception.stakeholder)] = true }
        // Reports of an undirected tie in a directed network, or a directed one in an undirected network, are read as the network is.
        self.init(stakeholderCount: network.stakeholderCount, isDirected: network.isDirected, relations: relations.isEmpty ? [nil] : relations,
                  reported: reported, views: roster ? nil : views, organisation: network.respondents.map(\.organisation))
    }

    /// Whether respondent `r` could report stakeholders `s` and `t`'s tie.
    @inlinable public func knows(_ r: Int, _ s: Int32, _ t: Int32) -> Bool {
        guard let views else { return true }
        return views[r][Int(s)] && views[r][Int(t)]
    }

    /// How many stakeholders are in respondent `r`'s view.
    public func viewSize(_ r: Int) -> Int { views.map { $0[r].lazy.filter { $0 }.count } ?? stakeholderCount }

    /// How many questions respondent `r` could answer (pairs in their view, for each relation).
    public func questionCount(_ r: Int) -> Int { pairCount(viewSize(r)) * relations.count }

    func pairCount(_ v: Int) -> Int { isDirected ? v * (v - 1) : v * (v - 1) / 2 }

    /// Questions some respondent could answer (pairs in some view, for each relation).
    /// - Complexity: O(n²·r / 64) with views, O(1) in a roster design.
    public var answerableQuestionCount: Int {
        guard let views else { return pairCount(stakeholderCount) * relations.count }
        let n = stakeholderCount, words = (respondentCount + 63) / 64
        var seenBy = [UInt64](repeating: 0, count: n * words)
        for (r, view) in views.enumerated() {
            for v in 0 ..< n where view[v] { seenBy[v * words + r / 64] |= 1 << UInt64(r % 64) }
        }
        var pairs = 0
        for s in 0 ..< n {
            for t in (s + 1) ..< max(n, s + 1) {
                for w in 0 ..< words where seenBy[s * words + w] & seenBy[t * words + w] != 0 {
                    pairs += 1
                    break
                }
            }
        }
        return (isDirected ? 2 * pairs : pairs) * relations.count
    }

    /// Every reported question, each with the respondents who reported it (in respondent order).
    /// - Complexity: O(R log R) for R reports.
    public func candidates() -> [(dyad: ReportedDyad, reporters: [Int32])] {
        var byDyad: [ReportedDyad: [Int32]] = [:]
        for (r, list) in reported.enumerated() {
            for dyad in list { byDyad[dyad, default: []].append(Int32(r)) }
        }
        return byDyad.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
