/// Diagram settings that Graphviz is known to mishandle, and the safer settings tried after a crash.
///
/// **The known crash** (Graphviz 2.42–2.43, Debian bookworm's): neato's multi-edge spline router
/// (`makeMultiSpline`, in `lib/neatogen/multispline.c`, used by neato, fdp and sfdp with `splines=true`,
/// `polyline` or `compound` when two edges join the same two nodes) writes 4 bytes past a buffer that
/// `mkRouter` allocates (valgrind: "Invalid write of size 4 … 0 bytes after a block", on the bundled
/// network's map). Usually the write lands in unused memory and nothing shows; with nodes of fixed size whose
/// labels reach past them it lands on the allocator's bookkeeping and glibc aborts ("free(): invalid next
/// size"), which is how `render --size-by pagerank --labels top:10` stopped. Inside a process that goes on
/// working (the report, a test suite) it was the heap corruption AddressSanitizer caught later, at an
/// unrelated free. With `splines=curved` (or straight lines) the router is not used and valgrind is clean.
public enum GraphvizSafety {
    /// Spline settings that route edges around nodes through neato's router.
    static let routedSplines: Set<String> = ["true", "spline", "polyline", "compound", "yes"]

    /// Routing lines around nodes costs Graphviz about the number of nodes times the number of lines:
    /// a 77-group map with 150 lines took 3.5 s, with 600 lines 8.9 s and with 2,415 lines 37 s (against
    /// 0.15 s straight). Up to this product lines are routed; above it they are straight.
    static let routingBudget = 15_000

    /// `splines` for a diagram of `nodes` and `lines`: routed around nodes (`true`) within
    /// `routingBudget`, straight (`false`) above it.
    static func splines(nodes: Int, lines: Int) -> String {
        nodes * lines <= routingBudget ? "true" : "false"
    }

    /// Above this many lines, a diagram with parallel ties is drawn with straight lines rather than
    /// curves: Graphviz 2.43's `curved` routing can take minutes (a 36-node group map with 860 lines in
    /// both directions ran past 10 minutes; 150 of those lines past one).
    static let curvedLimit = 300

    /// Changes settings known to crash Graphviz into ones that do not: spline routing of a diagram with
    /// two or more ties between the same two stakeholders (in either direction) becomes `curved` (ties
    /// drawn as separate curves, not routed around nodes), or straight above `curvedLimit` lines, for
    /// every layout but dot, which routes edges with its own code.
    ///
    /// - Complexity: O(m) expected.
    public static func avoidKnownCrashes(in diagram: inout Diagram, layout: Layout) {
        guard layout != .dot, let splines = diagram.graphAttributes["splines"]?.lowercased(), routedSplines.contains(splines) else { return }
        guard hasParallelEdges(diagram) else { return }
        diagram.graphAttributes["splines"] = diagram.edges.count <= curvedLimit ? "curved" : "false"
    }

    /// Whether two edges join the same two nodes (in either direction).
    static func hasParallelEdges(_ diagram: Diagram) -> Bool {
        var seen = Set<String>()
        for edge in diagram.edges {
            let key = edge.tail < edge.head ? "\(edge.tail) \(edge.head)" : "\(edge.head) \(edge.tail)"
            if !seen.insert(key).inserted { return true }
        }
        return false
    }

    /// What `safer` changes, for the warning.
    public static let saferDescription = "straight ties and overlaps removed by scaling (safer settings)"

    /// The diagram with straight ties and overlaps removed by scaling rather than by Graphviz's prism
    /// algorithm, or `nil` when it has neither to give up.
    public static func safer(_ diagram: Diagram) -> Diagram? {
        var safer = diagram
        var changed = false
        if let splines = safer.graphAttributes["splines"]?.lowercased(), !["false", "line", "none", ""].contains(splines) {
            safer.graphAttributes["splines"] = "false"
            changed = true
        }
        if let overlap = safer.graphAttributes["overlap"], overlap != "scale", overlap != "true" {
            safer.graphAttributes["overlap"] = "scale"
            changed = true
        }
        return changed ? safer : nil
    }
}
