import NetworkModel

extension Partition {
    /// The communities as groups for a group map or a comparison: named `community 1`, `community 2` …
    /// from the largest, with the stakeholders that have no tie (each its own community, which says
    /// nothing) gathered into one group, `without ties`, named last.
    ///
    /// - Complexity: O(n + c log c) for c communities.
    public func grouping(isolated: [Bool]) -> Grouping {
        precondition(isolated.count == communityOf.count)
        let members = self.members
        let real = members.indices.filter { c in !(members[c].count == 1 && isolated[members[c][0]]) }
        let order = real.sorted { (members[$0].count, $1) > (members[$1].count, $0) }
        var rank = [Int](repeating: order.count, count: count)
        for (r, c) in order.enumerated() { rank[c] = r }
        let hasIsolates = real.count < members.count
        let names = (0 ..< order.count).map { "community \($0 + 1)" } + (hasIsolates ? ["without ties"] : [])
        return Grouping(attribute: "community", names: names, groupOf: communityOf.map { rank[$0] })
    }
}
