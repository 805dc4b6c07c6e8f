/// A value of a free attribute of a stakeholder or a tie.
///
/// Values are typed per column when a file is read (see `AttributeType`), so that `"007"` in a column
/// of codes stays text while `3` in a column of counts is a number. `missing` is a value in its own
/// right: an empty cell or `NA`, `N/A`, `NULL`, `#N/A` is missing, never the empty string or zero.
public enum AttributeValue: Hashable, Sendable {
    case missing
    case text(String)
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    /// Several values in one cell (Kumu separates them with `|`).
    case list([String])

    public var isMissing: Bool {
        if case .missing = self { return true }
        return false
    }

    /// The value as a number, when it is one (integers widen to `Double`).
    public var numericValue: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .number(let value): return value
        default: return nil
        }
    }

    /// The value as it would be written back to a spreadsheet cell; `nil` when missing.
    public var text: String? {
        switch self {
        case .missing: return nil
        case .text(let value): return value
        case .integer(let value): return String(value)
        case .number(let value): return AttributeValue.format(value)
        case .boolean(let value): return value ? "true" : "false"
        case .list(let values): return values.joined(separator: "|")
        }
    }

    /// Shortest text that reads back as the same `Double` (`3.0` is written `3`).
    public static func format(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }
}

/// The type of an attribute column, inferred from all its non-missing cells.
public enum AttributeType: String, Sendable, Codable {
    case integer, number, boolean, text, list
}

/// Reading spreadsheet cells as typed attribute values.
public enum AttributeParsing {
    /// Cell contents that mean "no value", compared case-insensitively after trimming spaces.
    public static let missingMarkers: Set<String> = ["", "na", "n/a", "null", "#n/a", "none"]

    public static func isMissing(_ cell: String) -> Bool {
        // Every marker starts with n, N or # once trimmed: a cell starting with another letter or digit is a value.
        guard let first = cell.utf8.first else { return true }
        if first != 0x6E, first != 0x4E, first != 0x23, first != 0x20, first != 0x09, first != 0xC2 { return false }
        let trimmed = cell.trimmingSpaces
        if trimmed.isEmpty { return true }
        guard trimmed.utf8.count <= 4 else { return false }
        return missingMarkers.contains(trimmed.lowercased())
    }

    /// Parses a boolean written as `true/false`, `yes/no`, `1/0`-free words (`t/f`, `y/n`).
    public static func boolean(_ cell: String) -> Bool? {
        switch cell.trimmingSpaces.lowercased() {
        case "true", "yes", "t", "y": return true
        case "false", "no", "f", "n": return false
        default: return nil
        }
    }

    /// The narrowest type that reads every non-missing cell: integer, then number, then boolean, else text.
    public static func inferType<C: Collection>(of cells: C) -> AttributeType where C.Element == String {
        var canBeInteger = true, canBeNumber = true, canBeBoolean = true, sawValue = false
        for cell in cells where !isMissing(cell) {
            sawValue = true
            let trimmed = cell.trimmingSpaces
            if canBeInteger, Int(trimmed) == nil { canBeInteger = false }
            if canBeNumber, !canBeInteger, Double(trimmed) == nil { canBeNumber = false }
            if canBeBoolean, boolean(trimmed) == nil { canBeBoolean = false }
            if !canBeInteger, !canBeNumber, !canBeBoolean { return .text }
        }
        if !sawValue { return .text }
        if canBeInteger { return .integer }
        if canBeNumber { return .number }
        if canBeBoolean { return .boolean }
        return .text
    }

    /// Reads one cell as a value of `type`; a cell that does not fit the type is kept as text.
    public static func value(_ cell: String, as type: AttributeType) -> AttributeValue {
        if isMissing(cell) { return .missing }
        let trimmed = cell.trimmingSpaces
        switch type {
        case .integer: return Int(trimmed).map(AttributeValue.integer) ?? .text(trimmed)
        case .number: return Double(trimmed).map(AttributeValue.number) ?? .text(trimmed)
        case .boolean: return boolean(trimmed).map(AttributeValue.boolean) ?? .text(trimmed)
        case .text: return .text(trimmed)
        case .list:
            let parts = trimmed.split(separator: "|").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            return parts.count == 1 ? .text(parts[0]) : .list(parts)
        }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and non-breaking spaces (as Excel leaves them).
    public var trimmingSpaces: String {
        // Fast path: most cells neither start nor end with a space, a tab or a non-breaking space (0xC2 0xA0).
        guard let firstByte = utf8.first, let lastByte = utf8.last else { return self }
        let mayBeSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0xC2 || $0 == 0xA0 }
        if !mayBeSpace(firstByte), !mayBeSpace(lastByte) { return self }
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = lastIndex(where: { !isSpace($0) })!
        return String(self[first...last])
    }
}
