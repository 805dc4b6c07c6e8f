/// The ties of a network, held column by column: a collection of `Tie` values made on access.
///
/// A national register holds tens of millions of ties; as an array of `Tie` (64 bytes each, a dictionary
/// per tie with attributes) they were the largest part of a loaded network. Here each field is an array of
/// its own, and a field no tie has takes no room: an edge list's ties cost 12 bytes each (ends and file
/// line), 20 with weights; a tie table with kind, weight, start, end and direction 33 bytes. A free
/// attribute is a column of 4-byte codes into its distinct values.
///
/// Read ties as `Tie` values (`ties[i]`, `for tie in ties`), or, in loops over millions of ties, field by
/// field (`sources`, `weight(at:)` …), which makes no `Tie` and no attribute dictionary.
///
/// - Complexity: `ties[i]` is O(1) (O(a) with `a` attribute columns, plus a dictionary when the tie has
///   attribute values); `append` is amortised O(1 + a).
public struct TieColumns: RandomAccessCollection, MutableCollection, Sendable {
    /// The year written in `starts` and `ends` for a tie without one; no reader accepts it as a year.
    public static let noYear = Int32.min

    /// Index of each tie's source stakeholder.
    public private(set) var sources: [Int32] = []
    /// Index of each tie's target stakeholder.
    public private(set) var targets: [Int32] = []
    /// File line of each tie; empty when no tie has one (every line 0).
    public private(set) var lines: [Int32] = []
    /// Strength of each tie; empty when every weight is 1.
    public private(set) var weights: [Double] = []
    /// Each tie's kind as a code: 0 for none, else `kinds[code - 1]`; empty when no tie has a kind.
    public private(set) var kindCodes: [Int32] = []
    /// The distinct kinds `kindCodes` refers to.
    public private(set) var kinds: [TieKind] = []
    /// First and last years, `noYear` for none; each empty when no tie has one.
    public private(set) var starts: [Int32] = []
    public private(set) var ends: [Int32] = []
    /// Each tie's own direction; empty when every tie is `.asNetwork`.
    public private(set) var directions: [TieDirection] = []
    /// The free attributes, a column each, in order of first appearance.
    public private(set) var attributes: [TieAttributeColumn] = []
    /// `kinds`' codes, for appending.
    private var kindIndex: [TieKind: Int32] = [:]

    public init() {}

    public init<S: Sequence>(_ ties: S) where S.Element == Tie {
        for tie in ties { append(tie) }
    }

    /// Ties from columns already made (a reader's): every column but `sources` and `targets` may be empty
    /// (see the properties), or holds one value per tie.
    /// - Precondition: the columns that are not empty have as many values as `sources`, and codes name values that exist.
    public init(sources: [Int32], targets: [Int32], lines: [Int32] = [], weights: [Double] = [], kindCodes: [Int32] = [], kinds: [TieKind] = [],
                starts: [Int32] = [], ends: [Int32] = [], directions: [TieDirection] = [], attributes: [TieAttributeColumn] = []) {
        let n = sources.count
        precondition(targets.count == n)
        for count in [lines.count, weights.count, kindCodes.count, starts.count, ends.count, directions.count] + attributes.map(\.codes.count) {
            precondition(count == 0 || count == n, "a tie column has \(count) values for \(n) ties")
        }
        self.sources = sources
        self.targets = targets
        self.lines = lines
        self.weights = weights
        self.kindCodes = kindCodes
        self.kinds = kinds
        self.starts = starts
        self.ends = ends
        self.directions = directions
        self.attributes = attributes.map { column in
            var column = column
            if column.codes.isEmpty { column.codes = [Int32](repeating: 0, count: n) }
            return column
        }
        for (i, kind) in kinds.enumerated() where kindIndex[kind] == nil { kindIndex[kind] = Int32(i + 1) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { sources.count }

    public subscript(index: Int) -> Tie {
        get {
            var tie = Tie(source: sources[index], target: targets[index], kind: kind(at: index), weight: weight(at: index),
                          direction: direction(at: index), start: start(at: index), end: end(at: index), line: line(at: index))
            for column in attributes where column.codes[index] != 0 {
                tie.attributes[column.name] = column.values[Int(column.codes[index])]
            }
            return tie
        }
        set { set(newValue, at: index) }
    }

    // MARK: Fields one at a time, for loops over many ties

    @inlinable public func weight(at index: Int) -> Double { weights.isEmpty ? 1 : weights[index] }
    @inlinable public func line(at index: Int) -> Int32 { lines.isEmpty ? 0 : lines[index] }
    @inlinable public func direction(at index: Int) -> TieDirection { directions.isEmpty ? .asNetwork : directions[index] }
    @inlinable public func start(at index: Int) -> Int32? {
        guard !starts.isEmpty else { return nil }
        let year = starts[index]
        return year == TieColumns.noYear ? nil : year
    }
    @inlinable public func end(at index: Int) -> Int32? {
        guard !ends.isEmpty else { return nil }
        let year = ends[index]
        return year == TieColumns.noYear ? nil : year
    }
    @inlinable public func kindCode(at index: Int) -> Int32 { kindCodes.isEmpty ? 0 : kindCodes[index] }
    public func kind(at index: Int) -> TieKind? {
        let code = kindCode(at: index)
        return code == 0 ? nil : kinds[Int(code) - 1]
    }
    /// The column of the attribute `name`, if some tie has it.
    public func attribute(named name: String) -> TieAttributeColumn? { attributes.first { $0.name == name } }
    /// Whether tie `index` is active at some time in `years` (as `Tie.isActive(in:)`).
    @inlinable public func isActive(at index: Int, in years: ClosedRange<Int>) -> Bool {
        if let start = start(at: index), Int(start) > years.upperBound { return false }
        if let end = end(at: index), Int(end) < years.lowerBound { return false }
        return true
    }

    // MARK: Changing ties

    /// Adds a tie at the end. A field the ties before did not have gets its column then (filled with the
    /// value that means none).
    public mutating func append(_ tie: Tie) {
        let n = sources.count
        sources.append(tie.source)
        targets.append(tie.target)
        if tie.line != 0 || !lines.isEmpty { Self.ensure(&lines, count: n, filler: 0); lines.append(tie.line) }
        if tie.weight != 1 || !weights.isEmpty { Self.ensure(&weights, count: n, filler: 1); weights.append(tie.weight) }
        if tie.direction != .asNetwork || !directions.isEmpty { Self.ensure(&directions, count: n, filler: .asNetwork); directions.append(tie.direction) }
        if tie.start != nil || !starts.isEmpty { Self.ensure(&starts, count: n, filler: Self.noYear); starts.append(tie.start ?? Self.noYear) }
        if tie.end != nil || !ends.isEmpty { Self.ensure(&ends, count: n, filler: Self.noYear); ends.append(tie.end ?? Self.noYear) }
        if tie.kind != nil || !kindCodes.isEmpty { Self.ensure(&kindCodes, count: n, filler: 0); kindCodes.append(code(of: tie.kind)) }
        for a in attributes.indices { attributes[a].appendMissing() }
        for (name, value) in tie.attributes where !value.isMissing {
            let a = columnIndex(named: name, count: n + 1)
            attributes[a].set(value, at: n)
        }
    }

    /// Keeps room for `count` ties in the columns of ends, lines and weights.
    public mutating func reserveCapacity(_ count: Int) {
        sources.reserveCapacity(count)
        targets.reserveCapacity(count)
    }

    private mutating func set(_ tie: Tie, at index: Int) {
        let n = sources.count
        sources[index] = tie.source
        targets[index] = tie.target
        if tie.line != 0 || !lines.isEmpty { Self.ensure(&lines, count: n, filler: 0); lines[index] = tie.line }
        if tie.weight != 1 || !weights.isEmpty { Self.ensure(&weights, count: n, filler: 1); weights[index] = tie.weight }
        if tie.direction != .asNetwork || !directions.isEmpty { Self.ensure(&directions, count: n, filler: .asNetwork); directions[index] = tie.direction }
        if tie.start != nil || !starts.isEmpty { Self.ensure(&starts, count: n, filler: Self.noYear); starts[index] = tie.start ?? Self.noYear }
        if tie.end != nil || !ends.isEmpty { Self.ensure(&ends, count: n, filler: Self.noYear); ends[index] = tie.end ?? Self.noYear }
        if tie.kind != nil || !kindCodes.isEmpty { Self.ensure(&kindCodes, count: n, filler: 0); kindCodes[index] = code(of: tie.kind) }
        for a in attributes.indices where tie.attributes[attributes[a].name] == nil { attributes[a].set(.missing, at: index) }
        for (name, value) in tie.attributes {
            let a = columnIndex(named: name, count: n)
            attributes[a].set(value, at: index)
        }
    }

    /// Every tie's direction set to `direction` (`.asNetwork` drops the column).
    public mutating func setEveryDirection(_ direction: TieDirection) {
        directions = direction == .asNetwork ? [] : [TieDirection](repeating: direction, count: count)
    }

    /// Renames kinds: `rename(kind)` for each distinct kind, ties that had equal names keeping one code.
    public mutating func renameKinds(_ rename: (TieKind) -> TieKind) {
        let renamed = kinds.map(rename)
        var codeOf: [TieKind: Int32] = [:]
        var unique: [TieKind] = []
        let recode = renamed.map { kind -> Int32 in
            if let code = codeOf[kind] { return code }
            unique.append(kind)
            codeOf[kind] = Int32(unique.count)
            return Int32(unique.count)
        }
        if unique.count < kinds.count {
            for i in kindCodes.indices where kindCodes[i] != 0 { kindCodes[i] = recode[Int(kindCodes[i]) - 1] }
        }
        kinds = unique
        kindIndex = codeOf
    }

    /// The ties at `indices`, in that order.
    /// - Complexity: O(k · (1 + a)) for k indices.
    public func gathering<C: Collection>(_ indices: C) -> TieColumns where C.Element == Int {
        func pick<T>(_ column: [T]) -> [T] { column.isEmpty ? [] : indices.map { column[$0] } }
        var result = TieColumns(sources: pick(sources), targets: pick(targets), lines: pick(lines), weights: pick(weights),
                                kindCodes: pick(kindCodes), kinds: kinds, starts: pick(starts), ends: pick(ends), directions: pick(directions),
                                attributes: attributes.map { $0.gathering(indices) })
        result.kindIndex = kindIndex
        return result
    }

    /// The ties `isIncluded` keeps, in order.
    public func filtered(_ isIncluded: (Tie) throws -> Bool) rethrows -> TieColumns {
        var kept: [Int] = []
        for index in indices where try isIncluded(self[index]) { kept.append(index) }
        return kept.count == count ? self : gathering(kept)
    }

    /// The same ties with their ends renumbered: `map[i]` is stakeholder i's new index.
    public func renumberingEnds(_ map: [Int32]) -> TieColumns {
        var copy = self
        copy.sources = sources.map { map[Int($0)] }
        copy.targets = targets.map { map[Int($0)] }
        return copy
    }

    private mutating func code(of kind: TieKind?) -> Int32 {
        guard let kind else { return 0 }
        if let code = kindIndex[kind] { return code }
        kinds.append(kind)
        let code = Int32(kinds.count)
        kindIndex[kind] = code
        return code
    }

    private mutating func columnIndex(named name: String, count: Int) -> Int {
        if let a = attributes.firstIndex(where: { $0.name == name }) { return a }
        attributes.append(TieAttributeColumn(name: name, codes: [Int32](repeating: 0, count: count), values: [.missing]))
        return attributes.count - 1
    }

    private static func ensure<T>(_ column: inout [T], count: Int, filler: T) {
        if column.isEmpty, count > 0 { column = [T](repeating: filler, count: count) }
    }
}

extension TieColumns: Equatable {
    public static func == (lhs: TieColumns, rhs: TieColumns) -> Bool { lhs.count == rhs.count && lhs.elementsEqual(rhs) }
}

extension TieColumns: ExpressibleByArrayLiteral {
    public init(arrayLiteral ties: Tie...) { self.init(ties) }
}

/// One free attribute of ties: a code per tie into the attribute's distinct values (`values[0]` is missing).
public struct TieAttributeColumn: Sendable {
    public let name: String
    public fileprivate(set) var codes: [Int32]
    public private(set) var values: [AttributeValue]
    /// `values`' codes, for setting values one at a time (made when first needed).
    private var index: [AttributeValue: Int32]?

    /// - Precondition: `values[0]` is `.missing`, and every code names a value.
    public init(name: String, codes: [Int32], values: [AttributeValue]) {
        precondition(values.first == .missing, "an attribute column's value 0 is missing")
        self.name = name
        self.codes = codes
        self.values = values
    }

    /// The value of tie `index`.
    public subscript(index: Int) -> AttributeValue { values[Int(codes[index])] }

    fileprivate mutating func appendMissing() { codes.append(0) }

    fileprivate mutating func set(_ value: AttributeValue, at position: Int) {
        if index == nil {
            var made: [AttributeValue: Int32] = [:]
            for (code, value) in values.enumerated() where made[value] == nil { made[value] = Int32(code) }
            index = made
        }
        if let code = index![value] {
            codes[position] = code
        } else {
            let code = Int32(values.count)
            values.append(value)
            index![value] = code
            codes[position] = code
        }
    }

    fileprivate func gathering<C: Collection>(_ indices: C) -> TieAttributeColumn where C.Element == Int {
        TieAttributeColumn(name: name, codes: indices.map { codes[$0] }, values: values)
    }
}
