import Foundation
import NetworkModel

/// UCINET DL files (Borgatti, Everett and Freeman's UCINET; also read by igraph and statnet).
///
/// Reading: the header `dl n=… [nm=…] format=fullmatrix|edgelist1|nodelist1`, `labels:` (or `labels
/// embedded`), `matrix labels:` (one tie kind per matrix), `diagonal = absent`, then `data:`. Labels may be
/// separated by commas, spaces or line breaks and quoted. Several matrices follow one another (edge
/// lists separated by `!` lines or by their count). Two-mode files (`nr`, `nc`) are not read.
/// DL has no direction: a network is read as undirected when every tie is matched by one the other way
/// with the same value (each pair kept once), directed otherwise.
/// Writing: `format = edgelist1`, a `labels:` list and stakeholders numbered in the data, one matrix per tie kind (`nm`, which igraph does not
/// read), an undirected tie listed both ways.
public enum UCINETFormat {
    public static func read(_ path: String, options: NetworkReadOptions = NetworkReadOptions()) throws -> (StakeholderNetwork, [InputProblem]) {
        let text = try TextDecoding.readText(at: path)
        let scanner = DLScanner(text: text)
        func fail(_ line: Int, _ message: String, _ hint: String = "see UCINET's description of the DL format") -> InputError {
            InputError(file: path, line: line, message: message, hint: hint)
        }
        var tokens = scanner.tokens
        guard let first = tokens.first, first.text.lowercased() == "dl" else {
            throw fail(tokens.first?.line ?? 1, "does not start with 'dl'", "a DL file starts with: dl n=5 format=edgelist1")
        }
        tokens.removeFirst()
        var n: Int?, matrices = 1, format = "fullmatrix", embedded = false, diagonal = true
        var labels: [String] = [], matrixLabels: [String] = []
        var index = 0
        func value(after i: inout Int) -> String? {
            // Accept "n=5", "n = 5" and "n =5".
            let token = tokens[i].text
            if let eq = token.firstIndex(of: "="), token.index(after: eq) != token.endIndex { return String(token[token.index(after: eq)...]) }
            i += 1
            if i < tokens.count, tokens[i].text == "=" { i += 1 }
            else if i < tokens.count, tokens[i].text.hasPrefix("=") { return String(tokens[i].text.dropFirst()) }
            return i < tokens.count ? tokens[i].text : nil
        }
        func readLabels(_ i: inout Int) -> [String] {
            var list: [String] = []
            i += 1
            while i < tokens.count, !DLScanner.isKeyword(tokens[i]) { list.append(tokens[i].text); i += 1 }
            i -= 1
            return list
        }
        var dataStart: Int?
        while index < tokens.count {
            let token = tokens[index]
            let word = token.text.lowercased()
            let key = word.split(separator: "=").first.map(String.init) ?? word
            switch key {
            case "n": n = value(after: &index).flatMap(Int.init)
            case "nm": matrices = value(after: &index).flatMap(Int.init) ?? 1
            case "nr", "nc": throw fail(token.line, "two-mode DL files (nr, nc) are not read", "convert to a one-mode network, or to a CSV folder with a mode attribute")
            case "format": format = (value(after: &index) ?? "").lowercased()
            case "diagonal": diagonal = (value(after: &index) ?? "present").lowercased() != "absent"
            case "labels:": labels = readLabels(&index)
            case "row", "col", "column": break
            case "labels":
                if index + 1 < tokens.count, tokens[index + 1].text.lowercased() == "embedded" { embedded = true; index += 1 }
                else if index + 1 < tokens.count, tokens[index + 1].text.lowercased() == "embedded:" { embedded = true; index += 1 }
            case "matrix":
                if index + 1 < tokens.count, tokens[index + 1].text.lowercased() == "labels:" { index += 1; matrixLabels = readLabels(&index) }
            case "data:": dataStart = index + 1
            default:
                if word.hasPrefix("format=") { format = String(word.dropFirst(7)) }
                else { throw fail(token.line, "'\(token.text)' is not a DL header keyword") }
            }
            if dataStart != nil { break }
            index += 1
        }
        guard let n, n >= 0 else { throw fail(1, "gives no number of stakeholders (n=…)", "write: dl n=5 format=fullmatrix") }
        guard let dataStart else { throw fail(tokens.last?.line ?? 1, "has no 'data:' line", "the data follow a line 'data:'") }
        guard ["fullmatrix", "fm", "edgelist1", "el1", "nodelist1", "nl1"].contains(format) else {
            throw fail(1, "format '\(format)' is not read", "StakeNet reads fullmatrix, edgelist1 and nodelist1")
        }
        if !labels.isEmpty && labels.count != n { throw fail(1, "lists \(labels.count) labels for n=\(n) stakeholders", "give one label per stakeholder") }
        let data = Array(tokens[dataStart...])
        let listsLabels = embedded && labels.isEmpty && format != "fullmatrix" && format != "fm"
        var ids = labels.isEmpty ? (listsLabels ? [] : (0 ..< n).map { String($0 + 1) }) : labels
        var position: [String: Int] = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        struct Cell { let source: Int; let target: Int; let value: Double; let matrix: Int; let line: Int }
        var cells: [Cell] = []
        var cursor = 0
        func next() -> DLScanner.Token? { cursor < data.count ? data[cursor] : nil }
        func stakeholder(_ token: DLScanner.Token) throws -> Int {
            // Without embedded labels, data name stakeholders by number (1 to n); with them, by label.
            if !embedded, let number = Int(token.text), number >= 1, number <= n { return number - 1 }
            if let p = position[token.text] { return p }
            if listsLabels && ids.count < n {
                // Edge lists with embedded labels name stakeholders as they go.
                position[token.text] = ids.count
                ids.append(token.text)
                return ids.count - 1
            }
            throw fail(token.line, "'\(token.text)' is not one of the \(n) stakeholders", "check the labels and n=")
        }
        if embedded && (format == "fullmatrix" || format == "fm") {
            if labels.isEmpty {
                // A first row of column labels.
                ids = []
                for _ in 0 ..< n { guard let t = next() else { break }; ids.append(t.text); cursor += 1 }
                position = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            } else {
                cursor += n
            }
        }
        for matrix in 0 ..< max(1, matrices) {
            switch format {
            case "fullmatrix", "fm":
                for row in 0 ..< n {
                    if embedded { cursor += 1 }
                    for column in 0 ..< n {
                        if !diagonal && row == column { continue }
                        guard let t = next() else { throw fail(data.last?.line ?? 1, "the matrix ends early (row \(row + 1) of \(n))", "give n values in each of n rows") }
                        guard let value = Double(t.text) else { throw fail(t.line, "'\(t.text)' in the matrix is not a number", "matrix cells are numbers") }
                        cursor += 1
                        if value != 0 { cells.append(Cell(source: row, target: column, value: value, matrix: matrix, line: t.line)) }
                    }
                }
            default:
                // Edge and node lists: one record per line, until a '!' line or the end.
                var line = next()?.line
                while let current = line {
                    let record = data[cursor...].prefix { $0.line == current && $0.text != "!" }
                    cursor += record.count
                    let items = Array(record)
                    if format.hasPrefix("e") {
                        guard items.count >= 2 else { throw fail(current, "an edge list line needs two stakeholders", "write: a b [value]") }
                        let value = items.count >= 3 ? Double(items[2].text) : 1
                        guard let value else { throw fail(current, "'\(items[2].text)' is not a number", "the third column is the tie's value") }
                        cells.append(Cell(source: try stakeholder(items[0]), target: try stakeholder(items[1]), value: value, matrix: matrix, line: current))
                    } else if let source = items.first {
                        let s = try stakeholder(source)
                        for target in items.dropFirst() { cells.append(Cell(source: s, target: try stakeholder(target), value: 1, matrix: matrix, line: current)) }
                    }
                    if let t = next(), t.text == "!" { cursor += 1; break }
                    line = next()?.line
                }
            }
        }
        if ids.count < n { ids += (ids.count ..< n).map { String($0 + 1) } }
        // Undirected when every tie is matched the other way with the same value.
        var valueOf: [Int: Double] = [:]
        for c in cells { valueOf[(c.matrix * n + c.source) * n + c.target] = c.value }
        let symmetric = cells.allSatisfy { valueOf[($0.matrix * n + $0.target) * n + $0.source] == $0.value }
        let isDirected = options.directed ?? !symmetric
        var records = NetworkRecords(file: path)
        records.mapping = options.columns
        for id in ids { records.add(NetworkRecords.Node(id: id)) }
        for c in cells where isDirected || c.source <= c.target || !symmetric {
            var values: [(String, NetworkRecords.Value)] = [("weight", .typed(.number(c.value)))]
            if c.matrix < matrixLabels.count, matrixLabels[c.matrix] != "(none)" { values.append(("kind", .typed(.text(matrixLabels[c.matrix])))) }
            records.add(NetworkRecords.Edge(source: ids[c.source], target: ids[c.target], values: values, line: c.line))
        }
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return try records.network(name: name, isDirected: isDirected)
    }

    static func quote(_ text: String) -> String {
        let plain = !text.isEmpty && !text.contains { " ,\t\"'=!:\n".contains($0) }
        return plain ? text : "\"" + text.replacingOccurrences(of: "\"", with: "'") + "\""
    }

    public static func write(_ network: StakeholderNetwork) -> String {
        let kinds = Array(Set(network.ties.map { $0.kind?.name ?? "" })).sorted()
        // "format" on its own line, as igraph's reader requires.
        var lines = ["dl n=\(network.stakeholderCount)" + (kinds.count > 1 ? " nm=\(kinds.count)" : ""), "format = edgelist1"]
        lines.append("labels:")
        lines.append(network.stakeholders.map { quote($0.id) }.joined(separator: ","))
        if kinds.count > 1 || !(kinds.first ?? "").isEmpty {
            lines.append("matrix labels:")
            lines.append(kinds.map { quote($0.isEmpty ? "(none)" : $0) }.joined(separator: ","))
        }
        lines.append("data:")
        for (k, kind) in kinds.enumerated() {
            if k > 0 { lines.append("!") }
            for tie in network.ties where (tie.kind?.name ?? "") == kind {
                let a = String(tie.source + 1), b = String(tie.target + 1)
                let w = AttributeValue.format(tie.weight)
                lines.append("\(a) \(b) \(w)")
                if !network.isDirected(tie) && tie.source != tie.target { lines.append("\(b) \(a) \(w)") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Splits DL text into tokens with their lines: words, "quoted" and 'quoted' labels, commas as separators.
struct DLScanner {
    struct Token { let text: String; let line: Int }
    let tokens: [Token]

    init(text: String) {
        var tokens: [Token] = []
        var current = "", line = 1, quote: Character?
        func flush() { if !current.isEmpty { tokens.append(Token(text: current, line: line)); current = "" } }
        for character in text {
            if let q = quote {
                if character == q { tokens.append(Token(text: current, line: line)); current = ""; quote = nil } else { current.append(character) }
                continue
            }
            switch character {
            case "\"" where current.isEmpty, "'" where current.isEmpty: quote = character
            case "\n", "\r\n": flush(); line += 1
            case " ", "\t", ",", "\r": flush()
            default: current.append(character)
            }
        }
        flush()
        self.tokens = tokens
    }

    static func isKeyword(_ token: Token) -> Bool {
        let word = token.text.lowercased()
        return word.hasSuffix(":") || ["labels", "matrix", "row", "col", "column", "diagonal", "format", "n", "nm"].contains(where: { word == $0 || word.hasPrefix($0 + "=") })
    }
}
