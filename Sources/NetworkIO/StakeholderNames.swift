import NetworkModel

/// Finding the stakeholder a person means: by id, else by exact label, else by id or label ignoring case and
/// spaces (`Health spin-out A`, `health spin-out a`, `HealthSpin-outA` …). A name that fits several
/// stakeholders is refused with the ones it fits; an unknown one gets the closest id or label.
public struct StakeholderNames: Sendable {
    private let network: StakeholderNetwork
    private var byLabel: [String: [Int]] = [:]
    private var byLoose: [String: [Int]] = [:]

    public init(_ network: StakeholderNetwork) {
        self.network = network
        for (v, stakeholder) in network.stakeholders.enumerated() {
            byLabel[stakeholder.label, default: []].append(v)
            for key in Set([Self.loose(stakeholder.id), Self.loose(stakeholder.label)]) { byLoose[key, default: []].append(v) }
        }
    }

    /// Lower case, without spaces: how names are compared when neither id nor label fits exactly.
    static func loose(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }

    /// The stakeholder `name` means. - Throws: `StakeholderNameError`.
    public func resolve(_ name: String) throws -> Int {
        let trimmed = name.trimmingSpaces
        if let v = network.index(of: trimmed) { return v }
        if let labelled = byLabel[trimmed] {
            guard labelled.count == 1 else { throw StakeholderNameError.ambiguous(name: trimmed, matches: describe(labelled)) }
            return labelled[0]
        }
        if let loose = byLoose[Self.loose(trimmed)] {
            guard loose.count == 1 else { throw StakeholderNameError.ambiguous(name: trimmed, matches: describe(loose)) }
            return loose[0]
        }
        let candidates = network.stakeholders.flatMap { [$0.id, $0.label] }
        if let close = ClosestMatch.suggestion(for: trimmed, among: candidates) {
            throw StakeholderNameError.unknown(name: trimmed, suggestion: close)
        }
        // A part of a name (`Innovation Research Centre` for `Innovation Research Centre (IRC)`).
        let part = Self.loose(trimmed)
        let containing = part.count >= 3 ? network.stakeholders.filter { Self.loose($0.label).contains(part) || Self.loose($0.id).contains(part) } : []
        throw StakeholderNameError.unknown(name: trimmed, suggestion: containing.count == 1 ? containing[0].label : nil)
    }

    /// Several names, comma-separated, each once (in the order given).
    public func resolveList(_ list: String) throws -> [Int] {
        var nodes: [Int] = []
        for part in list.split(separator: ",").map(String.init) where !part.trimmingSpaces.isEmpty {
            let v = try resolve(part)
            if !nodes.contains(v) { nodes.append(v) }
        }
        return nodes
    }

    private func describe(_ nodes: [Int]) -> [String] {
        nodes.prefix(10).map { "\(network.stakeholders[$0].id) (\(network.stakeholders[$0].label))" }
    }
}

/// A name that is no stakeholder's, or several stakeholders'.
public enum StakeholderNameError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknown(name: String, suggestion: String?)
    case ambiguous(name: String, matches: [String])

    public var description: String {
        switch self {
        case let .unknown(name, suggestion):
            return "no stakeholder has the id or label '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        case let .ambiguous(name, matches):
            return "'\(name)' could be any of \(matches.joined(separator: ", ")); give the id"
        }
    }
}
