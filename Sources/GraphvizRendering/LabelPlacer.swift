/// Places stakeholders' labels beside their nodes so that no label covers a node or another label, and
/// none leaves the drawing: the greedy point-feature labelling of Christensen, Marks and Shieber ("An
/// empirical study of algorithms for point-feature label placement", ACM Transactions on Graphics 14(3),
/// 1995) in its simplest form. Labels are taken in priority order (most central first); each tries eight
/// positions around its node — right, left, below, above, then the corners — and takes the first that
/// is free, preferring one that crosses no tie; a label with no free position is left off (its
/// stakeholder keeps its tooltip).
///
/// - Complexity: O(L · (L + n + s)) for L labels, n nodes and s tie segments, bounded by bucketing the
///   drawing into a grid so that each test looks only at its neighbourhood.
struct LabelPlacer {
    struct Box {
        var x0, y0, x1, y1: Double
        func overlaps(_ other: Box) -> Bool { x0 < other.x1 && other.x0 < x1 && y0 < other.y1 && other.y0 < y1 }
        func contains(_ other: Box) -> Bool { other.x0 >= x0 && other.x1 <= x1 && other.y0 >= y0 && other.y1 <= y1 }
    }

    /// A straight piece of a tie.
    struct Segment { var x0, y0, x1, y1: Double }

    let bounds: Box
    private var cell: Double
    private var boxes: [Int: [Box]] = [:]
    private var segments: [Int: [Segment]] = [:]
    private var columns: Int

    /// - Parameters: `bounds`, where labels may go; `cell`, the grid's cell size (about a label's height).
    init(bounds: Box, cell: Double) {
        self.bounds = bounds
        self.cell = Swift.max(cell, 1)
        columns = Swift.max(1, Int(((bounds.x1 - bounds.x0) / self.cell).rounded(.up)) + 1)
    }

    private func cells(_ box: Box) -> [Int] {
        let c0 = Swift.max(0, Int((box.x0 - bounds.x0) / cell)), c1 = Swift.max(0, Int((box.x1 - bounds.x0) / cell))
        let r0 = Swift.max(0, Int((box.y0 - bounds.y0) / cell)), r1 = Swift.max(0, Int((box.y1 - bounds.y0) / cell))
        var out: [Int] = []
        for r in r0 ... Swift.max(r0, Swift.min(r1, r0 + 4000)) {
            for c in c0 ... Swift.max(c0, Swift.min(c1, c0 + 4000)) { out.append(r * columns + c) }
        }
        return out
    }

    /// Something labels must not cover (a node's shape, or a placed label).
    mutating func block(_ box: Box) {
        for key in cells(box) { boxes[key, default: []].append(box) }
    }

    /// A tie labels should avoid crossing.
    mutating func avoid(_ segment: Segment) {
        let box = Box(x0: Swift.min(segment.x0, segment.x1), y0: Swift.min(segment.y0, segment.y1),
                      x1: Swift.max(segment.x0, segment.x1), y1: Swift.max(segment.y0, segment.y1))
        for key in cells(box) { segments[key, default: []].append(segment) }
    }

    private func isFree(_ box: Box) -> Bool {
        guard bounds.contains(box) else { return false }
        for key in cells(box) { if boxes[key]?.contains(where: { $0.overlaps(box) }) == true { return false } }
        return true
    }

    private func crossings(_ box: Box) -> Int {
        var count = 0
        for key in cells(box) { count += segments[key]?.filter { Self.crosses($0, box) }.count ?? 0 }
        return count
    }

    /// Whether a segment passes through a box (Liang–Barsky clipping).
    static func crosses(_ s: Segment, _ b: Box) -> Bool {
        var t0 = 0.0, t1 = 1.0
        let dx = s.x1 - s.x0, dy = s.y1 - s.y0
        for (p, q) in [(-dx, s.x0 - b.x0), (dx, b.x1 - s.x0), (-dy, s.y0 - b.y0), (dy, b.y1 - s.y0)] {
            if p == 0 {
                if q < 0 { return false }
            } else {
                let r = q / p
                if p < 0 { if r > t1 { return false }; t0 = Swift.max(t0, r) } else { if r < t0 { return false }; t1 = Swift.min(t1, r) }
            }
        }
        return true
    }

    /// The centre of the label (width × height) beside a node centred at (x, y) with the given half-size,
    /// or nil when every position is taken; a placed label blocks what comes after.
    mutating func place(width: Double, height: Double, nodeX x: Double, nodeY y: Double, halfWidth: Double, halfHeight: Double) -> (x: Double, y: Double)? {
        let gap = 2.0
        let dx = halfWidth + gap + width / 2, dy = halfHeight + gap + height / 2
        let candidates = [(x + dx, y), (x - dx, y), (x, y - dy), (x, y + dy), (x + dx, y - dy), (x - dx, y - dy), (x + dx, y + dy), (x - dx, y + dy)]
        var best: (x: Double, y: Double, crossings: Int)?
        for (cx, cy) in candidates {
            let box = Box(x0: cx - width / 2, y0: cy - height / 2, x1: cx + width / 2, y1: cy + height / 2)
            guard isFree(box) else { continue }
            let crossing = crossings(box)
            if best == nil || crossing < best!.crossings { best = (cx, cy, crossing) }
            if crossing == 0 { break }
        }
        guard let best else { return nil }
        block(Box(x0: best.x - width / 2, y0: best.y - height / 2, x1: best.x + width / 2, y1: best.y + height / 2))
        return (best.x, best.y)
    }
}
