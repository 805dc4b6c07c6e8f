import Foundation
import NetworkModel

/// Writing XML (and HTML) text that any parser reads back as the same characters.
public enum XMLWriting {
    /// The text escaped for an attribute value or element content: `& < > " '` as entities, and the
    /// control characters XML 1.0 does not allow replaced by U+FFFD.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result += "&#\(scalar.value);"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    result.unicodeScalars.append("\u{FFFD}")
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// The XML Schema type of a set of attribute values (as GraphML's `attr.type` and GEXF's `type` name them):
    /// integers `long`, numbers `double`, booleans `boolean`, anything else `string`.
    static func type(of values: [AttributeValueKind]) -> String {
        if values.isEmpty { return "string" }
        if values.allSatisfy({ $0 == .integer }) { return "long" }
        if values.allSatisfy({ $0 == .integer || $0 == .number }) { return "double" }
        if values.allSatisfy({ $0 == .boolean }) { return "boolean" }
        return "string"
    }
}

/// The kind of a non-missing attribute value, for choosing a declared type.
enum AttributeValueKind: Equatable {
    case integer, number, boolean, text
}


extension AttributeValue {
    var valueKind: AttributeValueKind? {
        switch self {
        case .missing: return nil
        case .integer: return .integer
        case .number: return .number
        case .boolean: return .boolean
        case .text, .list: return .text
        }
    }

    /// Reads text declared to be of an XML Schema type (`int`, `long`, `float`, `double`, `boolean`, `string`);
    /// text that does not fit its declared type is kept as text. Empty text is missing.
    static func declared(_ text: String, type: String) -> AttributeValue {
        DeclaredType(type).value(text)
    }
}

/// An attribute's declared XML Schema type, worked out once per declaration rather than once per value.
enum DeclaredType {
    case integer, number, boolean, list, text

    init(_ type: String) {
        switch type.lowercased() {
        case "int", "long", "integer", "short", "byte": self = .integer
        case "float", "double", "number", "decimal": self = .number
        case "boolean", "bool": self = .boolean
        case "liststring": self = .list
        default: self = .text
        }
    }

    /// The value of `text` under this type: text that does not fit is kept as text; empty text is missing.
    func value(_ text: String) -> AttributeValue {
        let trimmed = text.trimmingSpaces
        if trimmed.isEmpty { return .missing }
        switch self {
        case .integer:
            return Int(trimmed).map(AttributeValue.integer) ?? .text(text)
        case .number:
            return Double(trimmed).map(AttributeValue.number) ?? .text(text)
        case .boolean:
            switch trimmed.lowercased() {
            case "true", "1": return .boolean(true)
            case "false", "0": return .boolean(false)
            default: return .text(text)
            }
        case .list:
            let parts = trimmed.trimmingCharacters(in: ["[", "]"]).split(separator: "|").map { String($0).trimmingSpaces }
            return parts.count == 1 ? .text(parts[0]) : .list(parts)
        case .text:
            return .text(text)
        }
    }
}
