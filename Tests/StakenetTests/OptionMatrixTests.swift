import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TestSupport

/// Every command with its documented options and the combinations that interact, on the bundled networks
/// and on generated edge cases (one stakeholder, isolates, no kinds, no weights, self-loops, years), through
/// the real binary. Each run exits 0 or with a documented error (status 1 or 2 and a message), never on a
/// signal, and what it writes parses. On the bundled networks every run must succeed.
///
/// The combinations of each command are all pairs of option values (a covering array, `allPairs`), with the
/// network as one of the factors, so every option value meets every other and every network.
@Suite struct OptionMatrixTests {
    /// A network the matrix runs on, with the names its options need.
    struct Network: Sendable {
        let name: String
        let path: String
        /// Two stakeholder ids.
        let ids: (String, String)
        /// Whether every run on it must succeed.
        let mustSucceed: Bool
        /// Tie selections that make sense on it (`{select:N}`), and two of its tie kinds (`{kinds}`).
        var selections: [[String]] = OptionMatrixTests.genericSelections
        var kinds = "funding,support"
        /// Where tie probabilities come from (`{probability}`).
        var probability = ["--probability-from", "p"]
    }

    static let genericSelections = [[], ["--tie-kinds", "funding,support"], ["--period", "2012-2015"], ["--parallel", "max", "--keep-self-loops"]]

    static let edgeCases = EdgeCaseNetworks.folder

    static let networks: [Network] = [
        // No years here: a period selection would be an error.
        Network(name: "mutuals-research", path: Fixtures.network("mutuals-research"), ids: ("ceedr", "irc"), mustSucceed: true,
                selections: [[], ["--tie-kinds", "funding,research"], ["--tie-kinds", "partnership"], ["--parallel", "max", "--keep-self-loops"]],
                kinds: "funding,research", probability: ["--probability", "0.25"]),
        Network(name: "mutual-spinouts", path: Fixtures.network("mutual-spinouts"), ids: ("spinout-01", "council-a"), mustSucceed: true,
                probability: ["--probability", "0.25"]),
        // Respondents' reports: every command analyses their consensus, and must succeed.
        Network(name: "mutual-spinouts-interviews", path: Fixtures.network("mutual-spinouts-interviews"), ids: ("spinout-01", "council-a"), mustSucceed: true,
                probability: ["--probability", "0.25"]),
        Network(name: "karate", path: Fixtures.network("classic/karate"), ids: ("0", "33"), mustSucceed: false),
    ] + EdgeCaseNetworks.names.map { Network(name: $0, path: (edgeCases as NSString).appendingPathComponent($0), ids: ("a", "b"), mustSucceed: false) }

    /// What a run writes and how it is checked.
    enum Output: String, Sendable {
        case svg, png, pdf, dot, csv, json, text, html, folder, graphml, gexf, net, dl, xlsx
    }

    struct Run: Sendable, CustomTestStringConvertible {
        let command: String
        let network: Network
        let options: [String]
        let output: Output

        var testDescription: String { "\(command) \(network.name) \(options.joined(separator: " ")) → \(output.rawValue)" }
    }

    /// One factor: its values, each a list of arguments (`{id}` and `{id2}` stand for the network's ids).
    typealias Factor = [[String]]

    static func runs(_ command: String, _ factors: [Factor], excluding: Set<String> = [], output: @escaping ([String]) -> Output) -> [Run] {
        let rows = allPairs([networks.indices.filter { !excluding.contains(networks[$0].name) }.map { [String($0)] }] + factors)
        return rows.map { row in
            let network = networks[Int(row[0][0])!]
            let options = row.dropFirst().flatMap { $0 }.flatMap { argument -> [String] in
                if argument.hasPrefix("{select:") { return network.selections[Int(argument.dropFirst(8).dropLast())!] }
                if argument == "{probability}" { return network.probability }
                return [argument.replacingOccurrences(of: "{id}", with: network.ids.0).replacingOccurrences(of: "{id2}", with: network.ids.1)
                    .replacingOccurrences(of: "{kinds}", with: network.kinds)]
            }
            return Run(command: command, network: network, options: options, output: output(options))
        }
    }

    static func format(_ options: [String]) -> Output {
        guard let index = options.firstIndex(of: "--format"), index + 1 < options.count else { return .text }
        return Output(rawValue: options[index + 1]) ?? .text
    }

    static let tieSelections: Factor = [["{select:0}"], ["{select:1}"], ["{select:2}"], ["{select:3}"]]

    static let matrix: [Run] = {
        var all: [Run] = []
        all += runs("info", [tieSelections, [[], ["--exact-paths"]], [["--format", "table"], ["--format", "json"]],
                             [[], ["--where", "kind!=funder"], ["--label-width", "12"]]], output: format)
        all += runs("validate", [[["--format", "table"], ["--format", "json"]]], output: format)
        all += runs("metrics", [
            [["--measures", "all"], ["--measures", "degree,strength,pagerank"], ["--measures", "betweenness,closeness,harmonic"], ["--measures", "katz,hub,authority,constraint"]],
            [[], ["--weight", "weight"]], [[], ["--weight-as", "distance"]], [[], ["--approx", "5"]], [[], ["--per-component"]],
            [[], ["--top", "3"]], [["--format", "table"], ["--format", "csv"], ["--format", "json"]], tieSelections,
        ], output: format)
        all += runs("brokerage", [[["--by", "kind"], ["--by", "sector"]], [[], ["--missing-as-group"]], [[], ["--top", "2"]], [["--format", "table"], ["--format", "csv"], ["--format", "json"]], tieSelections], output: format)
        all += runs("homophily", [[["--by", "kind"], ["--by", "sector"]], [[], ["--missing-as-group"]], [["--permutations", "0"], ["--permutations", "50"]],
                                  [["--format", "table"], ["--format", "csv"], ["--format", "json"]], tieSelections], output: format)
        all += runs("communities", [[["--method", "leiden"], ["--method", "louvain"]], [[], ["--resolution", "0.5"], ["--resolution", "2"]],
                                    [[], ["--weight", "weight"]], [["--format", "table"], ["--format", "csv"], ["--format", "json"]], tieSelections], output: format)
        all += runs("ego", [[["{id}"], ["{id2}"]], [["--radius", "1"], ["--radius", "2"]], [[], ["--by", "kind"], ["--by", "sector", "--missing-as-group"]],
                            [["--format", "table"], ["--format", "json"]]], output: format)
        all += runs("render", [
            [["--layout", "dot"], ["--layout", "neato"], ["--layout", "fdp"], ["--layout", "sfdp"], ["--layout", "circo"], ["--layout", "twopi"]],
            [["--labels", "label"], ["--labels", "id"], ["--labels", "none"], ["--labels", "top:3"]],
            [[], ["--size-by", "pagerank"], ["--size-by", "betweenness"]], [[], ["--cluster-by", "sector"]], [[], ["--highlight", "{id},{id2}"]],
            [[], ["--color-by", "sector"]], [[], ["--top", "3"]],
            [[], ["--size", "a4"], ["--size", "640x480"]], [[], ["--ties", "merged"], ["--ties", "strongest:2"], ["--fade", "0.5"]],
            [["-o", "{out}.svg"], ["-o", "{out}.png", "--dpi", "30"], ["-o", "{out}.pdf"], ["-o", "{out}.dot"], ["-o", "{out}.html"]],
        ]) { options in Output(rawValue: (options.first { $0.hasPrefix("{out}") } ?? ".svg").components(separatedBy: ".").last!)! }
        // Time: the network without years (which must succeed elsewhere) refuses these, as it should.
        all += runs("timeline", [[[], ["--step", "2"], ["--step", "3", "--window", "5"], ["--from", "2011", "--to", "2013"]], [[], ["--by", "kind"]],
                                 [[], ["--tie-kinds", "{kinds}"]], [["--format", "table"], ["--format", "csv"], ["--format", "json"]]],
                     excluding: ["mutuals-research"], output: format)
        all += runs("timeline", [[["--measures", "degree,betweenness"], ["--measures", "all"], ["--measures", "pagerank", "--step", "2"]], [[], ["--tie-kinds", "{kinds}"]],
                                 [["--format", "table"], ["--format", "csv"], ["--format", "json"]]], excluding: ["mutuals-research"], output: format)
        all += runs("paths", [[["--from", "{id}", "--temporal"], ["--from", "{id},{id2}", "--temporal", "--strict"], ["--from", "{id}", "--temporal", "--path-type", "shortest"],
                               ["--from", "{id}", "--temporal", "--path-type", "fastest", "--strict"], ["--from", "{id}", "--temporal", "--path-type", "likeliest", "--probability", "0.5"],
                               ["--temporal", "--backward", "--to", "{id2}"], ["--temporal", "--backward", "--to", "{id}", "--strict"]],
                              [["--format", "table"], ["--format", "csv"], ["--format", "json"]]], excluding: ["mutuals-research"], output: format)
        all += runs("reach", [[[], ["--temporal"], ["--temporal", "--strict"]], [[], ["--tie-kinds", "{kinds}"]], [[], ["--threads", "1"]],
                              [["--format", "table"], ["--format", "csv"], ["--format", "json"]]], excluding: ["mutuals-research"], output: format)
        all += runs("metrics", [[["--temporal"], ["--temporal", "--strict", "--measures", "all"], ["--temporal", "--measures", "betweenness", "--approx", "2"]],
                                [[], ["--start", "2012"]], [[], ["--tie-kinds", "{kinds}"]], [["--format", "table"], ["--format", "csv"], ["--format", "json"]]],
                     excluding: ["mutuals-research"], output: format)
        all += runs("diffuse", [[["--seeds", "{id}"], ["--seeds", "{id},{id2}"]], [["--temporal"], ["--temporal", "--strict"]],
                                [[], ["--probability", "0.5"], ["{probability}"]], [["--runs", "50"]], [["--format", "table"], ["--format", "csv"], ["--format", "json"]]],
                     excluding: ["mutuals-research"], output: format)
        all += runs("seed", [[["--k", "1"], ["--k", "2"]], [["--temporal"], ["--temporal", "--strict"]], [[], ["--probability", "0.5"]],
                             [["--format", "table"], ["--format", "csv"], ["--format", "json"]]], excluding: ["mutuals-research"], output: format)
        // Group maps and small multiples, which take no stakeholder-level options.
        all += runs("render", [
            [["--group-by", "kind"], ["--group-by", "community"], ["--group-by", "sector"], ["--facet-by", "kind"]],
            [[], ["--size", "a4"]], [[], ["--tie-kinds", "{kinds}"]],
            [["-o", "{out}.svg"], ["-o", "{out}.html"], ["-o", "{out}.png", "--dpi", "30"], ["-o", "{out}.pdf"]],
        ]) { options in Output(rawValue: (options.first { $0.hasPrefix("{out}") } ?? ".svg").components(separatedBy: ".").last!)! }
        all += runs("diffuse", [
            [["--model", "ic"], ["--model", "lt"], ["--model", "threshold", "--threshold", "0.3"], ["--model", "sir", "--recovery", "0.5"],
             ["--model", "sis", "--recovery", "0.5", "--steps", "5"], ["--model", "bass", "--external", "0.05", "--steps", "5"]],
            [["--probability", "0.3"], ["{probability}"], ["--probability-by-kind", "funding=0.5,support=0.2"]],
            [["--seeds", "{id}"], ["--seeds", "{id},{id2}"]], [["--runs", "50"]], [[], ["--top", "3"]],
            [["--format", "table"], ["--format", "csv"], ["--format", "json"]],
        ], output: format)
        all += runs("paths", [[["--from", "{id}"], ["--from", "{id},{id2}"]], [[], ["--to", "{id2}"]], [[], ["--k", "3"]],
                              [["--probability", "0.3"], ["{probability}"], ["--probability-by-kind", "funding=0.5,support=0.2"]],
                              [["--format", "table"], ["--format", "csv"], ["--format", "json"]]], output: format)
        all += runs("seed", [[["--k", "1"], ["--k", "2"]], [["--model", "ic"], ["--model", "lt"]], [[], ["--candidates", "kind=spin-out"]],
                             [[], ["--criticality", "--runs", "30"]], [["--epsilon", "0.5"]], [["--format", "table"], ["--format", "csv"], ["--format", "json"]]],
                     output: format)
        all += runs("compare", [[["--by", "kind"], ["--by", "kind", "--groups", "spin-out,funder"], ["--by", "sector"], ["--by", "sector", "--missing-as-group"]],
                                [["--permutations", "30", "--bootstrap", "20", "--runs", "20"], ["--permutations", "0", "--bootstrap", "0", "--runs", "0"]],
                                [["--format", "table"], ["--format", "csv"], ["--format", "csv", "--rows", "differences"], ["--format", "json"]], tieSelections],
                    output: format)
        all += runs("compare", [[["--by", "kind"], ["--by", "kind", "--groups", "spin-out,funder"], ["--by", "sector", "--missing-as-group"]],
                                [["--period", "2010..2012", "--period", "2013-2016"], ["--over-time"], ["--period", "2011", "--period", "2012", "--period", "2014"]],
                                [["--permutations", "20"], ["--permutations", "0"]], [[], ["--tie-kinds", "{kinds}"]],
                                [["--format", "table"], ["--format", "csv"], ["--format", "csv", "--rows", "differences"], ["--format", "json"]]],
                     excluding: ["mutuals-research"], output: format)
        all += runs("qap", [[["--same", "kind"], ["--same", "kind,sector"], ["--layers", "{kinds}"], ["--layers", "{kinds}", "--same", "sector"]], [[], ["--weight"]],
                            [["--permutations", "30"]], [["--format", "table"], ["--format", "csv"], ["--format", "json"]]], output: format)
        all += runs("convert", [[["{out}"], ["{out}.graphml"], ["{out}.gexf"], ["{out}.json"], ["{out}.net"], ["{out}.dl"], ["{out}.gv"], ["{out}.xlsx"],
                                 ["{out}.csv", "--to", "adjacency"]]]) { options in
            if options.contains("adjacency") { return .csv }
            switch options[0].components(separatedBy: ".").last! {
            case "xlsx": return .xlsx
            case "graphml": return .graphml
            case "gexf": return .gexf
            case "json": return .json
            case "net": return .net
            case "dl": return .dl
            case "gv": return .dot
            default: return .folder
            }
        }
        // Many voices: on the interviews (and, refused or not, on networks without reports).
        let recorded: Set<String> = ["mutuals-research", "mutual-spinouts"]
        let formats: Factor = [["--format", "table"], ["--format", "csv"], ["--format", "json"]]
        all += runs("consensus", [[["--method", "union"], ["--method", "share:0.5"], ["--method", "threshold:2"], ["--method", "las-union"], ["--method", "las-intersection"],
                                   ["--method", "las-row"], ["--method", "las-column"], ["--method", "romney-batchelder"], ["--method", "intersection"]],
                                  [[], ["--roster"]], [["-o", "{out}"], ["-o", "{out}.graphml"], []]], excluding: recorded) { options in
            options.contains("{out}.graphml") ? .graphml : options.contains("-o") ? .folder : .csv
        }
        all += runs("informants", [[[], ["--by", "role"], ["--by", "sector"]], [[], ["--consensus", "las-union"], ["--consensus", "romney-batchelder"]], [[], ["--roster"]],
                                   [["--permutations", "20"]], formats], excluding: recorded, output: format)
        all += runs("perceptions", [[[], ["--against", "pagerank,betweenness"], ["--against", "all"]], [[], ["--by", "role"]], [["--resamples", "20"]],
                                    [[], ["--consensus", "union"]], formats], excluding: recorded, output: format)
        all += runs("render", [[["--support"]], [[], ["--consensus", "share:0.5"]], [["-o", "{out}.svg"], ["-o", "{out}.html"]]], excluding: recorded) { options in
            options.contains("{out}.html") ? .html : .svg
        }
        all += runs("report", [[[], ["--by", "kind"], ["--by", "sector"]], [[], ["--seeds", "{id}"]], [["--runs", "30", "--permutations", "30"]],
                               [["-o", "{out}.html"]]]) { _ in .html }
        // Under the sanitizers (Scripts/sanitizers) every third run, spread over every command: the tool runs
        // several times slower there, and Scripts/test runs the whole matrix.
        guard ProcessInfo.processInfo.environment["STAKENET_SANITIZER"] != nil else { return all }
        return all.enumerated().filter { $0.offset % 3 == 0 }.map(\.element)
    }()

    @Test(arguments: matrix)
    func runExitsCleanlyAndItsOutputParses(_ run: Run) throws {
        let folder = try TemporaryFolder()
        let out = folder.file("out")
        var arguments = [run.command, run.network.path] + run.options.map { $0.replacingOccurrences(of: "{out}", with: out) } + ["--quiet"]
        let writesFile = run.options.contains { $0.contains("{out}") }
        if !writesFile && run.output != .text { arguments += ["-o", out + "." + run.output.rawValue] }
        let result = try StakenetBinary.run(arguments)
        #expect(!result.wasSignalled, "ended on a signal: \(result.standardError.suffix(400))")
        if run.network.mustSucceed {
            #expect(result.status == 0, "\(result.standardError.prefix(400))")
        } else {
            #expect([0, 1, 2].contains(result.status))
            if result.status != 0 {
                #expect(result.standardError.hasPrefix("stakenet: error:") || result.standardError.hasPrefix("Error:"), "\(result.standardError.prefix(400))")
            }
        }
        guard result.status == 0 else { return }
        let written: String = {
            if let option = run.options.first(where: { $0.contains("{out}") }) { return option.replacingOccurrences(of: "{out}", with: out) }
            return out + "." + run.output.rawValue
        }()
        try OutputCheck.parses(run.output, path: written, standardOutput: result.standardOutput)
    }

    /// The covering array's promise: every pair of values of two factors is in some row.
    @Test func allPairsCoversEveryPair() {
        let factors: [Factor] = [[["a"], ["b"], ["c"]], [["x"], ["y"]], [["1"], ["2"], ["3"], ["4"]], [["p"], ["q"]]]
        let rows = allPairs(factors)
        for i in factors.indices { for j in factors.indices where i < j {
            for a in factors[i] { for b in factors[j] {
                #expect(rows.contains { $0[i] == a && $0[j] == b }, "\(a) \(b)")
            } }
        } }
        #expect(rows.count < 3 * 2 * 4 * 2)
    }
}

/// A covering array of strength 2, built greedily (AETG-like, deterministic): each new row starts from an
/// uncovered pair and fills the other factors with the value covering most uncovered pairs.
/// Rows are lists of one value per factor.
func allPairs(_ factors: [[[String]]]) -> [[[String]]] {
    struct Pair: Hashable { let i: Int, a: Int, j: Int, b: Int }
    var uncovered = Set<Pair>()
    for i in factors.indices { for j in factors.indices where i < j {
        for a in factors[i].indices { for b in factors[j].indices { uncovered.insert(Pair(i: i, a: a, j: j, b: b)) } }
    } }
    var rows: [[Int]] = []
    while let start = uncovered.min(by: { ($0.i, $0.a, $0.j, $0.b) < ($1.i, $1.a, $1.j, $1.b) }) {
        var row = [Int?](repeating: nil, count: factors.count)
        row[start.i] = start.a
        row[start.j] = start.b
        for f in factors.indices where row[f] == nil {
            var best = 0, bestGain = -1
            for value in factors[f].indices {
                var gain = 0
                for g in factors.indices where g != f {
                    guard let other = row[g] else { continue }
                    let pair = f < g ? Pair(i: f, a: value, j: g, b: other) : Pair(i: g, a: other, j: f, b: value)
                    if uncovered.contains(pair) { gain += 1 }
                }
                if gain > bestGain { (best, bestGain) = (value, gain) }
            }
            row[f] = best
        }
        let filled = row.map { $0! }
        for i in factors.indices { for j in factors.indices where i < j { uncovered.remove(Pair(i: i, a: filled[i], j: j, b: filled[j])) } }
        rows.append(filled)
    }
    return rows.map { row in row.enumerated().map { factors[$0.offset][$0.element] } }
}

/// Small networks at the edges of what the tool must handle, written once per test process.
enum EdgeCaseNetworks {
    static let names = ["one-stakeholder", "isolates", "no-kinds", "no-weights", "self-loops", "with-years"]

    static let folder: String = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("stakenet-edge-cases-\(ProcessInfo.processInfo.processIdentifier)").path
        let files: [String: String] = [
            "one-stakeholder/nodes.csv": "id,label,kind\na,Alpha,funder\n",
            "one-stakeholder/edges.csv": "source,target\n",
            "isolates/nodes.csv": "id,kind,sector\na,funder,x\nb,spin-out,y\nc,union,x\nd,spin-out,\ne,funder,y\n",
            "isolates/edges.csv": "source,target,kind,weight\na,b,funding,2\nb,a,support,1\n",
            "no-kinds/edges.csv": "source,target,weight\na,b,1\nb,c,2\nc,a,3\nc,d,1\n",
            "no-weights/nodes.csv": "id,kind\na,funder\nb,spin-out\nc,spin-out\nd,union\n",
            "no-weights/edges.csv": "source,target,kind\na,b,funding\nb,c,partnership\nc,d,support\nd,a,membership\na,c,funding\n",
            "self-loops/edges.csv": "source,target,kind,weight\na,a,funding,1\na,b,funding,2\nb,b,support,1\nb,c,support,1\nc,a,partnership,1\n",
            "with-years/nodes.csv": "id,kind,sector\na,funder,x\nb,spin-out,y\nc,spin-out,x\nd,union,y\ne,university,x\n",
            "with-years/edges.csv": "source,target,kind,weight,start,end,p\na,b,funding,2,2010,2012,0.5\nb,c,support,1,2011,,0.2\nc,d,partnership,1,,2015,1\nd,e,research,3,2014,2016,0\ne,a,funding,1,,,0.3\na,c,support,1,2012,2012,0.9\n",
        ]
        for (name, contents) in files {
            let path = (root as NSString).appendingPathComponent(name)
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        }
        return root
    }()
}

/// Whether what a command wrote is what it says it is.
enum OutputCheck {
    struct Unparsable: Error, CustomStringConvertible {
        let description: String
    }

    static func parses(_ output: OptionMatrixTests.Output, path: String, standardOutput: String) throws {
        func data() throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }
        func text() throws -> String { String(decoding: try data(), as: UTF8.self) }
        switch output {
        case .text:
            guard !standardOutput.isEmpty else { throw Unparsable(description: "no output") }
        case .svg, .graphml, .gexf:
            guard XMLParser(data: try data()).parse() else { throw Unparsable(description: "\(path) is not well-formed XML") }
        case .png:
            let bytes = try data()
            guard bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), String(decoding: bytes.suffix(12), as: UTF8.self).contains("IEND") else {
                throw Unparsable(description: "\(path) is not a whole PNG")
            }
        case .pdf:
            let bytes = try data()
            guard bytes.starts(with: Data("%PDF".utf8)), String(decoding: bytes.suffix(8), as: UTF8.self).contains("%%EOF") else {
                throw Unparsable(description: "\(path) is not a whole PDF")
            }
        case .dot:
            let dot = try text()
            guard dot.hasPrefix("digraph") || dot.hasPrefix("graph") || dot.hasPrefix("strict"), dot.filter({ $0 == "{" }).count > 0 else {
                throw Unparsable(description: "\(path) is not DOT")
            }
        case .json:
            _ = try JSONSerialization.jsonObject(with: try data(), options: [.fragmentsAllowed])
        case .csv:
            let rows = try CSVCheck.rows(try text())
            guard let width = rows.first?.count, rows.allSatisfy({ $0.count == width }) else {
                throw Unparsable(description: "\(path): rows of different widths")
            }
        case .html:
            let html = try text()
            guard html.hasPrefix("<!DOCTYPE html>"), html.contains("</html>") else { throw Unparsable(description: "\(path) is not a whole page") }
        case .folder:
            guard FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("edges.csv")) else {
                throw Unparsable(description: "\(path) holds no edges.csv")
            }
        case .net:
            guard try text().lowercased().contains("*vertices") else { throw Unparsable(description: "\(path) is not Pajek") }
        case .dl:
            guard try text().lowercased().hasPrefix("dl") else { throw Unparsable(description: "\(path) is not UCINET DL") }
        case .xlsx:
            let result = try StakenetBinary.run(["info", path, "--quiet"])
            guard try data().starts(with: [0x50, 0x4B]), result.status == 0 else { throw Unparsable(description: "\(path) is not a workbook StakeNet reads back") }
        }
    }
}

/// RFC 4180 rows, for checking CSV output.
enum CSVCheck {
    static func rows(_ text: String) throws -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, afterQuote = false
        for character in text {
            if quoted {
                if character == "\"" { quoted = false; afterQuote = true } else { field.append(character) }
                continue
            }
            switch character {
            case "\"":
                if afterQuote { field.append("\"") }
                quoted = true
                afterQuote = false
            case ",":
                row.append(field); field = ""; afterQuote = false
            case "\n", "\r\n":
                row.append(field); field = ""; afterQuote = false
                rows.append(row); row = []
            default:
                field.append(character); afterQuote = false
            }
        }
        if quoted { throw OutputCheck.Unparsable(description: "an unterminated quoted field") }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
