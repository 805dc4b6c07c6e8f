import NetworkModel

/// The attributes a writer puts out for stakeholders and ties, in a fixed order, each with its declared
/// type: for stakeholders `label` (when some label differs from its id), `kind`, `sector`, then free
/// attributes by name; for ties `kind`, `weight` (when some weight is not 1), `start`, `end`, then free
/// attributes. Columns no one has a value for are left out.
struct NetworkColumns {
    struct Column {
        let name: String
        /// XML Schema type: `long`, `double`, `boolean` or `string`.
        let type: String
        /// The value of element i as text, `nil` when missing.
        let value: (Int) -> String?
        /// The value of element i as typed.
        let typed: (Int) -> AttributeValue
    }

    let node: [Column]
    let edge: [Column]

    init(_ network: StakeholderNetwork) {
        let s = network.stakeholders, t = network.ties
        var node: [Column] = []
        func add(_ list: inout [Column], _ name: String, _ values: @escaping (Int) -> AttributeValue, count: Int) {
            let kinds = (0 ..< count).compactMap { values($0).valueKind }
            guard !kinds.isEmpty else { return }
            list.append(Column(name: name, type: XMLWriting.type(of: kinds), value: { values($0).text }, typed: values))
        }
        if s.contains(where: { $0.label != $0.id }) { add(&node, "label", { .text(s[$0].label) }, count: s.count) }
        add(&node, "kind", { s[$0].kind.map { .text($0.name) } ?? .missing }, count: s.count)
        add(&node, "sector", { s[$0].sector.map(AttributeValue.text) ?? .missing }, count: s.count)
        for name in Set(s.flatMap(\.attributes.keys)).sorted() { add(&node, name, { s[$0].attributes[name] ?? .missing }, count: s.count) }
        var edge: [Column] = []
        add(&edge, "kind", { t[$0].kind.map { .text($0.name) } ?? .missing }, count: t.count)
        if t.contains(where: { $0.weight != 1 }) { add(&edge, "weight", { .number(t[$0].weight) }, count: t.count) }
        add(&edge, "start", { t[$0].start.map { .integer(Int($0)) } ?? .missing }, count: t.count)
        add(&edge, "end", { t[$0].end.map { .integer(Int($0)) } ?? .missing }, count: t.count)
        for name in Set(t.flatMap(\.attributes.keys)).sorted() { add(&edge, name, { t[$0].attributes[name] ?? .missing }, count: t.count) }
        self.node = node
        self.edge = edge
    }
}
