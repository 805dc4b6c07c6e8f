import Foundation
import NetworkModel

/// A tie from one stakeholder (index) to another, for highlighting.
public struct DiagramArc: Hashable, Sendable {
    public let from: Int
    public let to: Int
    public init(from: Int, to: Int) {
        self.from = from
        self.to = to
    }
}

/// How the ties of a dense network are drawn so that it stays readable.
public enum TieDrawing: Sendable, Equatable {
    /// Every tie as recorded (parallel ties as separate lines).
    case all
    /// Ties between the same two stakeholders merged into one line, its width their summed strength.
    case merged
    /// Merged, and only each stakeholder's K strongest lines (by summed strength) kept.
    case strongest(Int)
    /// `all` for sparse networks; `merged` above 3 ties per stakeholder; `strongest(3)` above 8.
    case automatic

    /// `all`, `merged`, `strongest:K` or `auto`.
    public init?(parsing text: String) {
        switch text.lowercased() {
        case "all": self = .all
        case "merged", "merge", "concentrate": self = .merged
        case "auto", "automatic": self = .automatic
        default:
            let lower = text.lowercased()
            guard lower.hasPrefix("strongest:"), let k = Int(lower.dropFirst("strongest:".count)), k >= 1 else { return nil }
            self = .strongest(k)
        }
    }
}

/// What a diagram shows and how: the choices `stakenet render` exposes.
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
    /// The page or screen the picture is laid out for.
    public var size: DiagramSize = .screen
    /// How ties are drawn (dense networks are merged or thinned by default).
    public var ties: TieDrawing = .automatic
    /// Ties weaker than this share of the strongest are drawn faint (`nil`: automatic, faint below the
    /// median on networks of more than 3 ties per stakeholder; 0: none).
    public var fadeBelow: Double?
    /// Stakeholders drawn faint and unlabelled (the others of a facet panel), by index.
    public var faded: Set<Int> = []
    /// Line width by how many respondents reported each tie (its `support` attribute) instead of strength;
    /// ties one respondent alone reported faint, ties known from other sources (no support) thin grey.
    public var bySupport = false

    public init(sizeBy: NodeScores? = nil, colorBy: String = "kind", clusterBy: String? = nil, highlight: Set<Int> = [],
                labels: Labels = .label, title: String? = nil, caption: String = "", date: Date? = nil, maximumLabelLength: Int = 30) {
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

    /// The fill of what is drawn faint.
    static let faint = "#E6E6E6"

    /// WCAG 2's relative luminance of an `#RRGGBB` colour (0 black … 1 white).
    public static func luminance(_ colour: String) -> Double? {
        guard colour.count == 7, colour.first == "#", let value = Int(colour.dropFirst(), radix: 16) else { return nil }
        func channel(_ shift: Int) -> Double {
            let c = Double(value >> shift & 0xFF) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
    }

    /// WCAG 2's contrast ratio of two colours, from 1 (none) to 21 (black on white).
    public static func contrast(_ a: String, _ b: String) -> Double? {
        guard let la = luminance(a), let lb = luminance(b) else { return nil }
        return (Swift.max(la, lb) + 0.05) / (Swift.min(la, lb) + 0.05)
    }

    /// Black or white text, whichever contrasts more with `fill` (at least 4.5:1, WCAG AA, for any fill).
    public static func fontColour(on fill: String) -> String {
        guard let black = contrast("#000000", fill), let white = contrast("#FFFFFF", fill) else { return "#000000" }
        return white > black ? "#FFFFFF" : "#000000"
    }

    /// A light-to-dark blue of `share` (0 … 1), for densities on group maps.
    static func shade(_ share: Double) -> String {
        let t = Swift.max(0, Swift.min(1, share))
        let (r, g, b) = (222 - t * 214, 235 - t * 187, 247 - t * 140)
        return String(format: "#%02X%02X%02X", Int(r.rounded()), Int(g.rounded()), Int(b.rounded()))
    }
}
