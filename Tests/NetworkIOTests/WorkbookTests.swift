import Foundation
@testable import NetworkIO
import NetworkModel
import Testing
import TestSupport

/// Excel workbooks: Kumu's template written by openpyxl, the same saved again by LibreOffice, a bundled
/// edge list turned into a workbook by LibreOffice, a one-sheet workbook, and bad workbooks
/// (Tests/Fixtures/workbooks, from Scripts/reference/workbooks).
@Suite struct WorkbookTests {
    static func workbook(_ name: String) -> String { Fixtures.path("workbooks/\(name)") }

    /// Stakeholders and ties as comparable text.
    static func summary(_ network: StakeholderNetwork) -> (stakeholders: [String], ties: [String]) {
        let stakeholders = network.stakeholders.map { s in
            "\(s.id) | \(s.label) | \(s.kind?.name ?? "-") | \(s.sector ?? "-") | "
                + s.attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        }
        let ties = network.ties.map { t in
            "\(network.stakeholders[Int(t.source)].id) > \(network.stakeholders[Int(t.target)].id) | \(t.kind?.name ?? "-") | \(t.weight) | "
                + "\(t.start.map(String.init) ?? "-")–\(t.end.map(String.init) ?? "-") | \(t.direction) | "
                + t.attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        }
        return (stakeholders, ties)
    }

    @Test(arguments: ["kumu-study.xlsx", "libreoffice-kumu-study.xlsx"])
    func kumuTemplateReadsAsTheNetworkItHolds(_ file: String) throws {
        let read = try NetworkReader.read(Self.workbook(file)).network
        let expected = try NetworkReader.read(Self.workbook("kumu-study")).network
        let (stakeholders, ties) = Self.summary(read)
        let (wantedStakeholders, wantedTies) = Self.summary(expected)
        #expect(stakeholders == wantedStakeholders)
        #expect(ties == wantedTies)
        // What the fixtures were made to hold: a date cell as an ISO date, booleans, numbers, an #N/A as
        // missing, a Kumu list, a start date read as its year, a connection to two elements.
        let health = try #require(read[id: "Health Mutual"])
        #expect(health.kind == .spinOut && health.attributes["Founded"] == .text("2011-04-01"))
        #expect(health.attributes["Active"] == .boolean(true) && health.attributes["Staff"] == .integer(420))
        #expect(health.attributes["Tags"] == .list(["health", "community"]))
        #expect(read.ties.count == 4 && read.ties[0].start == 2012 && read.ties[2].attributes["Note"] == nil)
    }

    @Test func aBundledEdgeListTurnedIntoAWorkbookByLibreOfficeReadsTheSame() throws {
        let workbook = try NetworkReader.read(Self.workbook("libreoffice-mutuals-research-edges.xlsx")).network
        let csv = try NetworkReader.read(Fixtures.network("mutuals-research") + "/edges.csv").network
        #expect(Self.summary(workbook).ties == Self.summary(csv).ties)
        #expect(workbook.stakeholders.map(\.id) == csv.stakeholders.map(\.id))
    }

    @Test func aWorkbookOfOneSheetIsAnEdgeList() throws {
        let network = try NetworkReader.read(Self.workbook("one-sheet.xlsx")).network
        #expect(network.stakeholders.map(\.id) == ["a", "b", "c", "d"] && network.ties.map(\.weight) == [1, 2, 3, 1])
    }

    @Test func problemsAreLocatedBySheetAndCell() throws {
        let error = try #require(throws: InputError.self) { try NetworkReader.read(Self.workbook("bad-weight.xlsx")) }
        #expect(error.problem.description.hasPrefix(Self.workbook("bad-weight.xlsx") + "[Connections]!D4: column 'Strength': weight 'strong' is not a number"),
                "\(error.problem)")
        let shared = try #require(throws: InputError.self) { try NetworkReader.read(Self.workbook("bad-shared-string.xlsx")) }
        #expect(shared.problem.description.hasPrefix(Self.workbook("bad-shared-string.xlsx") + "[Sheet1]!A2: the cell names shared string 999"), "\(shared.problem)")
    }

    @Test func zipBombsAreRefusedBeforeTheyExpand() throws {
        let started = Date()
        let error = try #require(throws: InputError.self) { try NetworkReader.read(Self.workbook("zip-bomb.xlsx")) }
        #expect(error.problem.message.contains("zip bomb"), "\(error.problem)")
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func aWorkbookWithoutATieSheetNamesItsSheets() throws {
        let folder = try TemporaryFolder()
        var network = try NetworkReader.read(Fixtures.network("mutuals-research")).network
        network.name = "x"
        let data = try WorkbookWriter.kumuWorkbook(network)
        // Rename the Connections sheet in workbook.xml: the workbook then has no sheet of ties.
        let path = try folder.write("renamed.xlsx", bytes: data)
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.isEmpty)
        let archive = try WorkbookArchive(path: path)
        #expect(archive.sheets.map(\.name) == ["Elements", "Connections"] && archive.title == "x")
        let notAWorkbook = try folder.write("plain.xlsx", "source,target\na,b\n")
        let refused = try #require(throws: InputError.self) { try NetworkReader.read(notAWorkbook) }
        #expect(refused.problem.message.contains("not a readable .xlsx workbook"))
    }

    @Test func serialDatesAndFormatsAreReadAsExcelMeansThem() {
        #expect(WorkbookXML.SheetCells.isoDate(serial: 1, uses1904: false) == "1900-01-01")
        #expect(WorkbookXML.SheetCells.isoDate(serial: 59, uses1904: false) == "1900-02-28")
        #expect(WorkbookXML.SheetCells.isoDate(serial: 61, uses1904: false) == "1900-03-01")
        #expect(WorkbookXML.SheetCells.isoDate(serial: 40_634, uses1904: false) == "2011-04-01")
        #expect(WorkbookXML.SheetCells.isoDate(serial: 39_172, uses1904: true) == "2011-04-01")
        #expect(WorkbookXML.Styles.isDateFormat("dd/mm/yyyy") && WorkbookXML.Styles.isDateFormat("[$-409]mmm d, yyyy"))
        #expect(!WorkbookXML.Styles.isDateFormat("0.00") && !WorkbookXML.Styles.isDateFormat("\"day\" 0") && !WorkbookXML.Styles.isDateFormat("[Red]0"))
        #expect(WorkbookXML.SheetCells.column(of: "C14") == 2 && WorkbookXML.SheetCells.column(of: "AB3") == 27)
        #expect(InputProblem.columnLetters(0) == "A" && InputProblem.columnLetters(25) == "Z" && InputProblem.columnLetters(27) == "AB")
    }
}
