/// Everything the report template shows, as plain values (the template escapes every string in `{{…}}`;
/// only SVG made by Graphviz, `AdoptionChart` or `TimelineChart` goes in raw, through `{{{…}}}`).
struct ReportPage {
    struct Pair { let name: String; let value: String }
    struct Figure { let svg: String; let caption: String }
    struct Cell { let text: String; let sort: String }
    struct Column { let name: String; let help: String }
    struct StakeholderRow { let cells: [Cell] }
    struct Community { let number: Int; let size: Int; let kinds: String; let members: String }
    struct Input { let path: String; let bytes: Int; let sha256: String }
    struct TextRow { let cells: [String] }

    let title: String
    let lead: String
    let date: String
    let version: String

    // Summary.
    let summarySentence: String
    let figures: [Pair]
    let stakeholdersByKind: [Pair]
    let stakeholdersBySector: [Pair]
    let hasSectors: Bool
    let tiesByKind: [Pair]

    // Maps: the viewer's styles and script (once per page), the map of groups of a large network, the map.
    let mapStyle: String
    let mapScript: String
    let overview: Figure
    let hasOverview: Bool
    let map: Figure
    let mapNote: String
    let hasMapNote: Bool
    let groupMaps: [Figure]
    let hasGroupMaps: Bool
    let groupMapsSentence: String

    // Key stakeholders.
    let stakeholderColumns: [Column]
    let stakeholderRows: [StakeholderRow]
    let stakeholderNote: String
    let brokerSentence: String
    let brokerColumns: [String]
    let brokerRows: [TextRow]
    let hasBrokers: Bool

    // Communities.
    let communitySentence: String
    let communities: [Community]

    // Diffusion.
    let diffusionSentence: String
    let seedSentence: String
    let chart: String
    let treeMap: Figure
    let hasTreeMap: Bool
    let adopterRows: [TextRow]

    // Change over time.
    let hasTime: Bool
    let timeSentence: String
    let timeChart: String
    let timeRows: [TextRow]
    let timePanels: Figure
    let hasTimePanels: Bool
    let timeDiffusionSentence: String
    let timeDiffusionChart: String
    let hasTimeDiffusion: Bool

    // Whose view?
    let hasViews: Bool
    let viewsSentence: String
    let viewsRoles: [Pair]
    let viewsAgreement: [String]
    let viewsFurthest: [TextRow]
    let viewsPerceptionSentence: String
    let viewsScatter: String
    let hasViewsScatter: Bool
    let viewsDisputed: [TextRow]
    let hasViewsDisputed: Bool

    // Comparison.
    let hasComparison: Bool
    let comparisonSentence: String
    let comparisonColumns: [String]
    let comparisonRows: [TextRow]
    let significant: [String]
    let hasSignificant: Bool
    let notSignificant: String
    let untested: String
    let hasUntested: Bool
    let caution: String

    // Provenance.
    let inputs: [Input]
    let invocation: String
    let settings: [Pair]
}
