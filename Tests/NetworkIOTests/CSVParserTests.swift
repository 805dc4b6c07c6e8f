import Foundation
@testable import NetworkIO
import NetworkModel
import Testing
import TestSupport

/// The byte-level CSV reader against what wrote the text: random tables of awkward cells (delimiters,
/// quotes, line breaks, spaces, non-ASCII letters, numbers with and without leading zeros) written with
/// RFC 4180 quoting and each of the three line ends, read back cell for cell and line for line.
@Suite struct CSVParserTests {
    static let pieces = ["a", "B", "7", "0", "007", "12", "1234567890", " ", "\u{00A0}", ",", "\"", "\n", "\r\n", "é", "Zoë", "x y", "NA", ";", "\t"]

    func randomCell(_ generator: inout SeededGenerator) -> String {
        (0 ..< Int.random(in: 0 ... 3, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
    }

    static func lineBreaks(in cell: String) -> Int {
        var count = 0, previous: UInt8 = 0
        for byte in cell.utf8 {
            if byte == 0x0D || (byte == 0x0A && previous != 0x0D) { count += 1 }
            previous = byte
        }
        return count
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func randomTablesReadBackCellForCell(lineEnd: String) throws {
        var generator = SeededGenerator(seed: 19)
        for _ in 0 ..< 200 {
            let width = Int.random(in: 1 ... 5, using: &generator)
            let header = (0 ..< width).map { "c\($0)" }
            var rows: [[String]] = []
            for _ in 0 ..< Int.random(in: 0 ... 12, using: &generator) {
                let row = (0 ..< width).map { _ in randomCell(&generator) }
                if row.allSatisfy({ $0.trimmingSpaces.isEmpty }) { continue } // blank rows are skipped by design
                rows.append(row)
            }
            var text = ""
            var expectedLines: [Int] = []
            var line = 1
            for (r, row) in ([header] + rows).enumerated() {
                if r > 0 { expectedLines.append(line) }
                var record = ""
                CSVText.append(row, to: &record)
                text += record.dropLast() + lineEnd
                line += 1 + row.reduce(0) { $0 + Self.lineBreaks(in: $1) }
            }
            let table = try CSVTable(text: text, file: "t.csv")
            #expect(table.header == header)
            #expect(Array(table.lines) == expectedLines)
            for (r, row) in rows.enumerated() {
                for c in 0 ..< width { #expect(table.columns[c][r] == row[c], "row \(r) column \(c) of \(text.debugDescription)") }
            }
            // Equal texts share a code, different texts do not.
            for column in table.columns {
                #expect(Set(column.values).count == column.values.count)
            }
        }
    }

    @Test func numbersAndTheirLookalikesAreDistinctValues() throws {
        let cells = ["7", "007", "0", "00", "123456789", "1234567890", "7", "99999999", "-1", "+1", "1.0", "0", "123456789"]
        let table = try CSVTable(text: "n\n" + cells.joined(separator: "\n") + "\n", file: "n.csv")
        #expect(Array(table.columns[0]) == cells)
        #expect(table.columns[0].values.count == Set(cells).count + 1) // and the empty cell, code 0
    }

    @Test func locatedErrors() {
        func problem(_ text: String) -> InputProblem? {
            do { _ = try CSVTable(text: text, file: "f.csv"); return nil } catch let error as InputError { return error.problem } catch { return nil }
        }
        #expect(problem("a,b\n1,\"open\n2,3\n")?.line == 2)
        #expect(problem("a,b\n1,2\n\"x\"y,3\n")?.message.contains("text follows the closing quote") == true)
        #expect(problem("a,b\n1,2\n1,2,3\n")?.line == 3)
        #expect(problem("a,b\n1,2\n1,2,,  \n") == nil)
        #expect(problem("\n  ,\t\n")?.message.contains("no rows") == true)
    }

    @Test func bytesAreCheckedAsTextIs() {
        func problem(_ bytes: [UInt8]) -> InputProblem? {
            do { _ = try CSVTable(data: Data(bytes), file: "f.csv"); return nil } catch let error as InputError { return error.problem } catch { return nil }
        }
        #expect(problem(Array("a,b\n1,2\n".utf8)) == nil)
        #expect(problem([0xEF, 0xBB, 0xBF] + Array("a,b\n1,2\n".utf8)) == nil)
        #expect(problem(Array("a,b\n1,".utf8) + [0xFF] + Array("\n".utf8))?.line == 2)
        #expect(problem(Array("a,b\n1,2\n3,".utf8) + [0] + Array("\n".utf8))?.line == 3)
        #expect(problem([])?.message == "the file is empty")
    }

    /// A random table's text: awkward cells, blank rows, rows short of the header, and the given line end.
    func randomTableText(_ generator: inout SeededGenerator, lineEnd: String, rows: Int) -> String {
        let width = Int.random(in: 1 ... 4, using: &generator)
        var text = ""
        var header = ""
        CSVText.append((0 ..< width).map { "c\($0)" }, to: &header)
        text += header.dropLast() + lineEnd
        for _ in 0 ..< rows {
            switch Int.random(in: 0 ..< 20, using: &generator) {
            case 0: text += "  ," + lineEnd // blank
            case 1: text += randomCell(&generator).replacingOccurrences(of: "\n", with: "x") + lineEnd // short
            default:
                var record = ""
                CSVText.append((0 ..< width).map { _ in randomCell(&generator) }, to: &record)
                text += record.dropLast() + lineEnd
            }
        }
        return text
    }

    /// The outcome of reading: the table's every code, value and line, or the error.
    static func outcome(_ read: () throws -> CSVTable) -> String {
        do {
            let table = try read()
            return "\(table.header) \(Array(table.lines)) " + table.columns.map { "\($0.codes) \($0.values)" }.joined(separator: " | ")
        } catch let error as InputError {
            return "error \(error.problem.description)"
        } catch {
            return "other \(error)"
        }
    }

    /// Reading a file in parts on several threads, a few bytes at a time, gives the table read whole by one
    /// thread: the same codes (values numbered in order of first mention), lines and errors.
    @Test(arguments: ["\n", "\r\n", "\r"])
    func partsAndBlocksReadTheSameTable(lineEnd: String) throws {
        var generator = SeededGenerator(seed: 7)
        let folder = try TemporaryFolder()
        for round in 0 ..< 60 {
            var text = randomTableText(&generator, lineEnd: lineEnd, rows: Int.random(in: 0 ... 80, using: &generator))
            // Now and then a problem: an unclosed quote, text after a closing quote, a NUL, a long row.
            switch round % 6 {
            case 1: text += "a,\"open" + lineEnd + "b" + lineEnd
            case 2: text += "\"x\"y,1" + lineEnd
            case 3: text += "z,\u{0},w" + lineEnd
            case 4: text = text.replacingOccurrences(of: "é", with: "é,e,e,e,e,e,e")
            default: break
            }
            let path = try folder.write("t\(round).csv", text)
            // Every other round, the first two columns share their values, after a few given ones.
            let plan: (([String]) -> CSVColumnPlan?)? = round % 2 == 0 ? nil : { header in
                header.count < 2 ? nil : CSVColumnPlan(shared: [0, 1], seeds: ["7", "a", "Zoë", "x y", "12"])
            }
            let whole = Self.outcome { try CSVTable(text: text, file: path, parts: 1, plan: plan) }
            for parts in [1, 2, 3, 5] {
                for block in [16, 40, 1 << 20] {
                    let read = Self.outcome { try CSVParser.table(CSVSource(path: path, file: path, blockSize: block), parts: parts, plan: plan) }
                    #expect(read == whole, "round \(round), \(parts) parts, blocks of \(block): \(text.debugDescription)")
                }
                #expect(Self.outcome { try CSVTable(text: text, file: path, parts: parts, plan: plan) } == whole)
            }
        }
    }

    /// A part's codes start one byte wide and widen to two and four as more values are met, keeping every code.
    @Test func partCodesWidenWithoutLoss() {
        var generator = SeededGenerator(seed: 3)
        for limit: Int32 in [0xFF, 0xFFFF, 0x10_0000] {
            var codes = PartCodes(), expected: [Int32] = []
            for i in 0 ..< 3_000 {
                // Mostly small codes, with a larger one now and then (the largest only near the end).
                let code = i > 2_500 && i % 97 == 0 ? limit : Int32.random(in: 0 ... min(limit, 300), using: &generator)
                codes.append(code)
                expected.append(code)
            }
            #expect(codes.width == (limit <= 0xFF ? 1 : limit <= 0xFFFF ? 2 : 4))
            var seen: [Int32] = []
            codes.forEach { seen.append($0) }
            #expect(seen == expected)
            #expect(codes.takeAll() == expected)
            #expect(codes.count == 0)
        }
    }

    /// Columns that pass 256 and 65,536 distinct values in one part and not in another (so the parts' codes
    /// have different widths) are read in parts as by one thread.
    @Test func partsOfDifferentWidthsJoinAsOneRead() throws {
        var text = "few,some,many\n"
        for row in 0 ..< 150_000 {
            // `some` has 300 values, all in the first third; `many` a new value on most rows of the last half.
            let some = row < 50_000 ? row % 300 : 0
            let many = row < 75_000 ? row % 5 : row
            text += "\(row % 3),s\(some),m\(many)\n"
        }
        let folder = try TemporaryFolder()
        let path = try folder.write("wide.csv", text)
        let whole = try CSVTable(text: text, file: path, parts: 1)
        #expect(whole.columns.map { $0.values.count } == [4, 301, 75_006])
        for parts in [2, 3, 7] {
            let read = try CSVParser.table(CSVSource(path: path, file: path, blockSize: 1 << 16), parts: parts)
            #expect(Array(read.lines) == Array(whole.lines))
            for c in 0 ..< 3 {
                #expect(read.columns[c].codes == whole.columns[c].codes, "\(parts) parts, column \(c)")
                #expect(read.columns[c].values == whole.columns[c].values, "\(parts) parts, column \(c)")
            }
        }
    }

    /// Invalid UTF-8 in the last part is found on its line, as when one thread reads the file.
    @Test func badBytesAreFoundInAnyPart() throws {
        let folder = try TemporaryFolder()
        var bytes = Array("a,b\n".utf8)
        for i in 0 ..< 2000 { bytes += Array("x\(i),\"y\ny\"\r\n".utf8) }
        bytes += [0x7A, 0x2C, 0xC3, 0x28, 0x0A]
        let path = folder.path + "/bad.csv"
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        for parts in [1, 2, 4] {
            do {
                _ = try CSVParser.table(CSVSource(path: path, file: path, blockSize: 64), parts: parts)
                Issue.record("no error")
            } catch let error as InputError {
                #expect(error.problem.line == 4002 && error.problem.message.contains("0xC3"), "\(parts) parts: \(error)")
            }
        }
    }

    /// A tie table's ends interned together after the known ids: a known id's code is its index + 1, and
    /// both columns index one list of values.
    @Test func sharedAndSeededColumns() throws {
        let text = "source,w,target\nb,1,c\nzz,2,a\n a,3,b\n"
        let plan = { (_: [String]) in CSVColumnPlan(shared: [0, 2], seeds: ["a", "b", "c"]) }
        for parts in [1, 3] {
            let table = try CSVTable(text: text, file: "t.csv", parts: parts, plan: plan)
            #expect(table.sharedValues == [0, 2])
            #expect(table.columns[0].values == ["", "a", "b", "c", "zz", " a"] && table.columns[2].values == table.columns[0].values)
            #expect(table.columns[0].codes == [2, 4, 5] && table.columns[2].codes == [3, 1, 2])
            #expect(table.columns[0].seedCount == 3 && table.columns[1].seedCount == 0)
            #expect(table.columns[1].values == ["", "1", "2", "3"])
        }
    }
}

/// Tie ends interned together (and after the known ids) resolve to the stakeholders, and in the order, that
/// ends looked up one cell at a time do: untrimmed ids, missing markers, unknown ids and all.
@Suite struct SharedTieEndsTests {
    static let tables = [
        "source,target,weight\n1,2,1\n2,3,2\n3,1,1\n10,2,4\n",
        "source,target\nb,a\n a,c\nc,NA\n,b\nd , a\n",
        "from,to\nx,y\ny,z\n",
        "Target,Source\nq,r\nr,s\ns,q\n",
        "source,target,kind\nb,zz,funding\na,b,support\nc,a,\n",
    ]

    func outcome(_ table: CSVTable, _ stakeholders: TieTableReader.Stakeholders) -> String {
        var report = ValidationReport()
        let result = TieTableReader.read(table, stakeholders: stakeholders, labelKeyed: false, report: &report)
        return "\(result.map { Array($0.ties) } ?? []) \(result?.inferredIDs ?? []) \(report.problems.map(\.description))"
    }

    @Test(arguments: tables)
    func sameTiesAsCellByCell(text: String) throws {
        let known: [String] = ["a", "b", "c", "1", "2", "3", "q", "r", "s"]
        for stakeholders in [TieTableReader.Stakeholders.inferred, .known(ids: TieTableReader.KnownIDs(known), file: "nodes.csv")] {
            let seeds: [String]
            if case .known = stakeholders { seeds = known } else { seeds = [] }
            let plain = try CSVTable(text: text, file: "t.csv")
            let planned = try CSVTable(text: text, file: "t.csv", parts: nil) { header in
                TieTableReader.plan(header: header, mapping: ColumnMapping(), labelKeyed: false, seeds: seeds)
            }
            #expect(outcome(planned, stakeholders) == outcome(plain, stakeholders), "\(text.debugDescription)")
        }
    }
}
