/// One figure of a group profile (`stakenet compare NETWORK --by ATTR`), named as in output.
public struct GroupMeasure: Hashable, Sendable, CustomStringConvertible {
    /// How the figure comes from the network, which decides what can be said about its uncertainty.
    public enum Kind: Sendable, Hashable {
        /// The group's size: fixed under relabelling, so not tested.
        case size
        /// Depends on the ties among members (within-group ties, density, E-I, centralization, clustering):
        /// tested by permutation; no bootstrap interval, since resampling stakeholders breaks the ties among them.
        case structural
        /// The mean over members of a whole-network value of each stakeholder: tested by permutation, with a
        /// bootstrap interval over members.
        case memberMean
        /// Σ numerator / Σ denominator over members (shares of tie ends, shares of brokerage roles): tested by
        /// permutation, with a bootstrap interval over members (a member's role counts taken as observed).
        case memberRatio
    }

    public let name: String
    public let kind: Kind

    public var description: String { name }
    public var hasInterval: Bool { kind == .memberMean || kind == .memberRatio }
    public var isTested: Bool { kind != .size }
    /// Whether the figure counts something (stakeholders, ties), so is always a whole number.
    public var isCount: Bool { ["stakeholders", "ties_within", "ties_between"].contains(name) }
}

extension GroupMeasure {
    /// A name made of lower-case letters, digits and underscores (`Think tank` → `think_tank`).
    static func snakeCase(_ text: String) -> String {
        var result = ""
        var pendingUnderscore = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0" ... "9").contains(scalar) {
                if pendingUnderscore && !result.isEmpty { result += "_" }
                result.unicodeScalars.append(scalar)
                pendingUnderscore = false
            } else {
                pendingUnderscore = true
            }
        }
        return result.isEmpty ? "none" : result
    }
}
