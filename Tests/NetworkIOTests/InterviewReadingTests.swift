import Foundation
@testable import NetworkIO
import NetworkModel
import Testing
import TestSupport

/// Multi-respondent networks read from a CSV folder, a workbook and GraphML, and written back.
@Suite struct InterviewReadingTests {
    static let nodes = "id,label,kind\ntrust,Leisure trust,leisure-trust\ncouncil,Council,commissioner\nfund,Sport funder,funder\nunion,Union branch,union\n"

    func expectInterviews(_ network: StakeholderNetwork) {
        #expect(network.respondents.map(\.id) == ["dir", "staff"])
        #expect(network.respondents.map(\.role) == ["director", "staff"])
        #expect(network.respondents.map(\.organisation) == [0, 0])
        #expect(network.ties.map(\.respondent) == [nil, "dir", "staff", "staff", "dir"])
        #expect(network.hasReports)
        let ratings = network.perceptions.map { "\(network.respondents[Int($0.respondent)].id)>\(network.stakeholders[Int($0.stakeholder)].id)=\($0.influence)" }
        #expect(ratings == ["dir>fund=8.0", "dir>council=6.0", "staff>fund=5.0", "staff>union=4.0"])
        #expect(network.perceptions.map { $0.attributes["attitude"]?.text } == ["+", "0", "+", "-"])
    }

    @Test func csvFolder() throws {
        let folder = try TemporaryFolder(files: [
            "nodes.csv": Self.nodes,
            "edges.csv": "source,target,kind,reported_by\ncouncil,trust,commissioning,\nfund,trust,funding,dir\nfund,trust,funding,staff\nunion,trust,representation,staff\ncouncil,fund,partnership,dir\n",
            "respondents.csv": "id,role,organisation\ndir,director,trust\nstaff,staff,Leisure trust\n",
            "perceptions.csv": "respondent,stakeholder,influence,attitude\ndir,fund,8,+\ndir,council,6,0\nstaff,fund,5,+\nstaff,union,4,-\n",
        ])
        let (network, warnings) = try NetworkReader.read(folder.path)
        expectInterviews(network)
        // Two respondents reporting one tie are two reports, not a repeated tie.
        #expect(!warnings.contains { $0.message.contains("repeat") })
        // Written as a folder and read back: the same respondents, reports and ratings.
        let copy = folder.file("copy")
        try NetworkWriter.write(network, to: copy, as: .folder, inputs: [folder.path])
        expectInterviews(try NetworkReader.read(copy).network)
        // And as a workbook: sheets respondents and perceptions beside Kumu's two.
        let book = folder.file("copy.xlsx")
        try NetworkWriter.write(network, to: book, as: .xlsx, inputs: [folder.path])
        expectInterviews(try NetworkReader.read(book).network)
        #expect(NetworkFormat.xlsx.losses(of: network).isEmpty && !NetworkFormat.graphml.losses(of: network).isEmpty)
    }

    @Test func workbookWrittenByOpenpyxl() throws {
        expectInterviews(try NetworkReader.read(Fixtures.path("workbooks/interviews.xlsx")).network)
    }

    /// The same workbook saved by LibreOffice Calc (shared strings, numbers as Calc types them).
    @Test func workbookSavedByLibreOffice() throws {
        expectInterviews(try NetworkReader.read(Fixtures.path("workbooks/libreoffice-interviews.xlsx")).network)
    }

    @Test func graphMLEdgesNameTheirRespondent() throws {
        let folder = try TemporaryFolder(files: ["g.graphml": """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
          <key id="r" for="edge" attr.name="informant" attr.type="string"/>
          <graph edgedefault="directed">
            <node id="a"/><node id="b"/><node id="c"/>
            <edge source="a" target="b"><data key="r">ann</data></edge>
            <edge source="a" target="b"><data key="r">bo</data></edge>
            <edge source="b" target="c"/>
          </graph>
        </graphml>
        """])
        let network = try NetworkReader.read(folder.file("g.graphml")).network
        #expect(network.ties.map(\.respondent) == ["ann", "bo", nil])
        #expect(network.respondents.map(\.id) == ["ann", "bo"])
        #expect(network.respondents.allSatisfy { $0.role == nil })
    }

    @Test func emptyInfluenceIsLeftOutWithAWarning() throws {
        let folder = try TemporaryFolder(files: [
            "edges.csv": "source,target,respondent\na,b,r1\n",
            "perceptions.csv": "respondent,stakeholder,influence\nr1,a,\nr1,b,3\n",
        ])
        let (network, warnings) = try NetworkReader.read(folder.path)
        #expect(network.perceptions.count == 1)
        #expect(warnings.contains { $0.message.contains("1 row has no influence") })
    }
}
