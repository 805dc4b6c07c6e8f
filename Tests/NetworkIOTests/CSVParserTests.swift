import Foundation
@testable import NetworkIO
import NetworkModel
import Testing

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
}
