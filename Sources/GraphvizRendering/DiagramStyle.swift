import Foundation
import NetworkModel

/// What a diagram shows and how: the choices `stakenet render` exposes.
/// A tie from one stakeholder (index) to another, for highlighting.
public struct DiagramArc: Hashable, Sendable {
    public let from: Int
    public let to: Int
    public init(from: Int, to: Int) {
        self.from = from
        self.to = to
    }
}

public struct DiagramOptions: Sendable {
    public enum Labels: Sendable, Equatable {
        case label, id, none
        /// Labels only on the `k` stakeholders largest by the size measure.
        case top(Int)
    }

    /// Node area proportional to these scores (e.g. PageRank); `nil`: all nodes one size.
    public var sizeBy: NodeScores?
    /// Stakeholder property that sets fill colour (default `kind`).
    public var colorBy: String
    /// Stakeholder property whose values become clusters (dot and fdp draw them as boxes).
    public var clusterBy: String?
    /// Stakeholders to emphasise (indices), and the ties between them.
    public var highlight: Set<Int>
    /// Ties to draw as a path or tree (source → target indices; an undirected tie matches either way),
    /// named in the legend by `pathCaption`.
    public var highlightArcs: Set<DiagramArc> = []
    public var pathCaption: String = "path"
    public var labels: Labels
    public var title: String?
    /// What the caption says about how the picture was made (options used); the date is added.
    public var caption: String
    /// The date printed in the caption (`SOURCE_DATE_EPOCH` or today when `nil`).
    public var date: Date?
    /// Labels longer than this are cut with "…".
    public var maximumLabelLength: Int

    public init(sizeBy: NodeScores? = nil, colorBy: String = "kind", clusterBy: String? = nil, highlight: Set<Int> = [],
                labels: Labels = .label, title: String? = nil, caption: String = "", date: Date? = nil, maximumLabelLength: Int = 40) {
        self.sizeBy = sizeBy
        self.colorBy = colorBy
        self.clusterBy = clusterBy
        self.highlight = highlight
        self.labels = labels
        self.title = title
        self.caption = caption
        self.date = date
        self.maximumLabelLength = maximumLabelLength
    }
}

/// Colours, shapes and line styles, chosen to be told apart by readers with colour-blindness.
public enum DiagramPalette {
    /// Okabe & Ito's colour-blind-safe palette (Color Universal Design, 2008), then Paul Tol's colour-blind-safe
    /// "muted" scheme (2021) for further values, then black.
    public static let colours = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999",
                                 "#88CCEE", "#CC6677", "#DDCC77", "#117733", "#332288", "#AA4499", "#44AA99", "#999933", "#882255", "#000000"]

    /// Fill and shape of each known stakeholder kind.
    public static let kinds: [StakeholderKind: (colour: String, shape: String)] = [
        .spinOut: ("#E69F00", "ellipse"), .leisureTrust: ("#F0E442", "ellipse"), .funder: ("#009E73", "box"),
        .commissioner: ("#0072B2", "house"), .policyMaker: ("#56B4E9", "octagon"), .university: ("#CC79A7", "diamond"),
        .supportProvider: ("#D55E00", "hexagon"), .union: ("#999999", "triangle"), .userGroup: ("#FFFFFF", "pentagon"),
    ]

    /// Shapes for kinds a file adds, in order of appearance.
    public static let otherShapes = ["circle", "parallelogram", "trapezium", "invtriangle", "doublecircle", "egg", "septagon", "cylinder"]

    /// Line style, colour and whether direction is drawn, for each known tie kind.
    public static let ties: [TieKind: (style: String, colour: String, directed: Bool)] = [
        .funding: ("solid", "#009E73", true), .support: ("dashed", "#D55E00", true), .commissioning: ("solid", "#0072B2", true),
        .partnership: ("bold", "#CC79A7", false), .membership: ("dotted", "#555555", true), .representation: ("dashed", "#56B4E9", true),
        .research: ("solid", "#999999", true), .knowledgeExchange: ("dotted", "#E69F00", true),
    ]

    /// Black or white, whichever reads better on `fill`.
    static func fontColour(on fill: String) -> String {
        guard fill.count == 7, let value = Int(fill.dropFirst(), radix: 16) else { return "#000000" }
        let (r, g, b) = (Double(value >> 16 & 0xFF), Double(value >> 8 & 0xFF), Double(value & 0xFF))
        return 0.299 * r + 0.587 * g + 0.114 * b < 120 ? "#FFFFFF" : "#000000"
    }
}
