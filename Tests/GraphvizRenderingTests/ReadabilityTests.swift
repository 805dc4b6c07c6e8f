import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GraphvizRendering
import NetworkIO
import NetworkModel
import Testing
import TestSupport

/// Every `<text>` of an SVG with its size, colour and the class of the group it is in, and the picture's
/// width in user units.
struct SVGText {
    var text: String
    var fontSize: Double
    var fill: String
    var groupClass: String
}

func svgTextElements(_ data: Data) -> (width: Double, texts: [SVGText]) {
    final class Collector: NSObject, XMLParserDelegate {
        var width = 0.0
        var texts: [SVGText] = []
        var groups: [String] = []
        var current: SVGText?
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            switch name {
            case "svg":
                width = Double(attributes["viewBox"]?.split(separator: " ").dropFirst(2).first ?? "") ?? 0
            case "g":
                groups.append(attributes["class"] ?? groups.last ?? "")
            case "text":
                current = SVGText(text: "", fontSize: Double(attributes["font-size"] ?? "") ?? 14, fill: attributes["fill"] ?? "#000000", groupClass: groups.last ?? "")
            default:
                break
            }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { current?.text += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "g" { groups.removeLast() }
            if name == "text", let current { texts.append(current); self.current = nil }
        }
    }
    let collector = Collector()
    let parser = XMLParser(data: data)
    parser.delegate = collector
    _ = parser.parse()
    return (collector.width, collector.texts)
}

/// What a reader needs from a map, checked on the SVG of every bundled network: text at least 7.5 pixels
/// high when the picture is fitted to 1,000 pixels wide, text colours at WCAG AA contrast with the white
/// page, and a legend that lists exactly the kinds and tie kinds drawn.
@Suite struct ReadabilityTests {
    init() { _ = Fonts.pinned }

    static let networks = ["mutuals-research", "mutual-spinouts", "classic/karate", "classic/florentine", "classic/lesmis", "classic/davis"]

    func picture(_ name: String, size: DiagramSize = .screen) throws -> (StakeholderNetwork, (width: Double, texts: [SVGText])) {
        let network = try NetworkReader.read(Fixtures.network(name)).network
        var options = DiagramOptions(date: Date(timeIntervalSince1970: 0))
        options.size = size
        let svg = try GraphvizRenderer.render(try Diagram(network: network, options: options), layout: Layout.suggested(for: network), format: .svg).bytes
        return (network, svgTextElements(svg))
    }

    @Test(arguments: networks)
    func textIsLargeEnoughAndContrasts(_ name: String) throws {
        let (_, svg) = try picture(name)
        #expect(svg.width > 0 && !svg.texts.isEmpty)
        for text in svg.texts {
            let pixels = text.fontSize * 1000 / svg.width
            #expect(pixels >= 7.5, "\(name): '\(text.text)' would be \(pixels) px high at 1,000 px wide")
            let contrast = try #require(DiagramPalette.contrast(text.fill.uppercased() == "BLACK" ? "#000000" : text.fill, "#FFFFFF"), "\(text.fill)")
            #expect(contrast >= 4.5, "\(name): '\(text.text)' in \(text.fill)")
        }
    }

    @Test(arguments: ["a4", "letter", "640x480", "3000x2000"])
    func everyPageSizeKeepsTextReadable(_ name: String) throws {
        let size = try #require(DiagramSize(parsing: name))
        let (_, svg) = try picture("mutual-spinouts", size: size)
        for text in svg.texts { #expect(text.fontSize * 1000 / svg.width >= 7.5, "\(size): '\(text.text)'") }
    }

    @Test(arguments: networks)
    func theLegendListsExactlyWhatIsDrawn(_ name: String) throws {
        let (network, svg) = try picture(name)
        let legend = Set(svg.texts.filter { $0.groupClass.contains("legend") }.map(\.text))
        let kinds = Set(network.stakeholders.map { $0.kind?.name ?? "no kind" })
        let tieKinds = Set(network.ties.map { $0.kind?.name ?? "tie" })
        let known = Set(StakeholderKind.known.map(\.name)).union(TieKind.known.map(\.name))
        // Every kind drawn is listed; no known kind or tie kind that is not drawn is.
        #expect(kinds == ["no kind"] || kinds.isSubset(of: legend), "\(name): \(kinds.subtracting(legend))")
        #expect(tieKinds.isSubset(of: legend) || tieKinds == ["tie"], "\(name): \(tieKinds.subtracting(legend))")
        #expect(legend.intersection(known).isSubset(of: kinds.union(tieKinds)), "\(name): \(legend.intersection(known).subtracting(kinds.union(tieKinds)))")
    }

    @Test func aNetworkWithoutTiesHasNoTieLegend() throws {
        let network = StakeholderNetwork(name: "alone", isDirected: false, stakeholders: [Stakeholder(id: "a", kind: .funder), Stakeholder(id: "b", kind: .funder)], ties: [])
        let svg = try GraphvizRenderer.render(try Diagram(network: network), layout: .neato, format: .svg).bytes
        let legend = svgTextElements(svg).texts.filter { $0.groupClass.contains("legend") }.map(\.text)
        #expect(legend.contains("funder") && !legend.contains("ties") && !legend.contains("scale"), "\(legend)")
    }
}
