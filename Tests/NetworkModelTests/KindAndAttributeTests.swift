import NetworkModel
import Testing

@Suite struct KindTests {
    @Test(arguments: [
        ("spin-out", "spin-out"), ("Spin out", "spin-out"), ("SPIN_OUT", "spin-out"), ("Public service mutual", "spin-out"),
        ("Trade union", "union"), ("Support Provider", "support-provider"), ("Leisure trust", "leisure-trust"),
        ("research centre", "university"), ("Local authority", "commissioner"), ("Policy-maker", "policy-maker"),
    ])
    func knownStakeholderKindsByAnySpelling(text: String, name: String) {
        let kind = StakeholderKind(parsing: text)
        #expect(kind.name == name && kind.isKnown)
    }

    @Test func otherKindsAreKeptAsGiven() {
        let kind = StakeholderKind(parsing: "  Housing Association ")
        #expect(kind.name == "Housing Association" && !kind.isKnown)
        #expect(TieKind(parsing: "Knowledge exchange") == .knowledgeExchange)
        #expect(TieKind(parsing: "Rivalry").name == "Rivalry")
    }

    @Test func knownKindsSortFirst() {
        let kinds = [StakeholderKind(parsing: "zeta"), .union, .spinOut, StakeholderKind(parsing: "alpha")].sorted()
        #expect(kinds.map(\.name) == ["spin-out", "union", "alpha", "zeta"])
    }
}

@Suite struct AttributeTests {
    @Test(arguments: ["", "  ", "NA", "na", "N/A", "NULL", "null", "#N/A", "None"])
    func missingMarkers(cell: String) {
        #expect(AttributeParsing.isMissing(cell))
        #expect(AttributeParsing.value(cell, as: .integer) == .missing)
    }

    @Test func notMissing() {
        for cell in ["0", "NaN", "nan", "Nan Jones", "N", "-"] { #expect(!AttributeParsing.isMissing(cell)) }
    }

    @Test func columnTypesAreInferredFromEveryCell() {
        #expect(AttributeParsing.inferType(of: ["1", "NA", " 22 "]) == .integer)
        #expect(AttributeParsing.inferType(of: ["1", "2.5", ""]) == .number)
        #expect(AttributeParsing.inferType(of: ["yes", "No", "NA"]) == .boolean)
        #expect(AttributeParsing.inferType(of: ["007", "x"]) == .text)
        #expect(AttributeParsing.value("007", as: .text) == .text("007"))
        #expect(AttributeParsing.value("2.5", as: .number) == .number(2.5))
        #expect(AttributeParsing.value("a | b", as: .list) == .list(["a", "b"]))
    }

    @Test func stakeholderPropertiesIncludeMissing() {
        let stakeholder = Stakeholder(id: "x", kind: .funder, attributes: ["size": .integer(3)])
        #expect(stakeholder.value(of: "kind") == .text("funder"))
        #expect(stakeholder.value(of: "sector") == .missing)
        #expect(stakeholder.value(of: "size").numericValue == 3)
        #expect(stakeholder.label == "x")
    }
}
