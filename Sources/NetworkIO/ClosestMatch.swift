/// Suggesting the id a user probably meant ("did you mean …?").
public enum ClosestMatch {
    /// The candidate nearest to `text` by edit distance, ignoring case, if it is near enough to be a
    /// plausible typo: at most a third of the text's length, and at most 3 edits. O(k · |text| · |candidate|).
    public static func suggestion<S: Sequence>(for text: String, among candidates: S) -> String? where S.Element == String {
        let target = Array(text.lowercased().unicodeScalars)
        let limit = min(3, max(1, target.count / 3))
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let scalars = Array(candidate.lowercased().unicodeScalars)
            if abs(scalars.count - target.count) > limit { continue }
            let distance = editDistance(target, scalars, bound: best.map { min($0.distance, limit) } ?? limit)
            if distance <= limit, best == nil || distance < best!.distance || (distance == best!.distance && candidate < best!.candidate) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// Levenshtein distance, giving up (returning `bound + 1`) once every path exceeds `bound`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], bound: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0 ... b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1 ... a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1 ... b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > bound { return bound + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
