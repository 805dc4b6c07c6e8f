import Foundation
import NetworkIO
import Testing
import TestSupport

/// Every kind of bad input gets a clear error naming the file, the line and the column.
@Suite struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let files: [String: String]
        /// The file (last path component) the error names.
        let file: String
        let line: Int?
        let field: String?
        /// Text the message must contain.
        let message: String
        /// Text the hint must contain, if any.
        var hint: String? = nil
        var testDescription: String { name }
    }

    static let nodes = "id,label\nnesta,Nesta\nunison,Unison\nmutual,Care Mutual\n"

    static let cases: [Case] = [
        Case(name: "unknown stakeholder with a suggestion", files: ["nodes.csv": nodes, "edges.csv": "source,target\nnesta,mutual\nunison,mutul\n"],
             file: "edges.csv", line: 3, field: "target", message: "tie target 'mutul' is not a stakeholder in", hint: "did you mean 'mutual'?"),
        Case(name: "ids are case-sensitive", files: ["nodes.csv": nodes, "edges.csv": "source,target\nNesta,mutual\n"],
             file: "edges.csv", line: 2, field: "source", message: "tie source 'Nesta' is not a stakeholder in", hint: "did you mean 'nesta'?"),
        Case(name: "unknown stakeholder without a close id", files: ["nodes.csv": nodes, "edges.csv": "source,target\nzzzzzz,mutual\n"],
             file: "edges.csv", line: 2, field: "source", message: "tie source 'zzzzzz' is not a stakeholder", hint: "add it to"),
        Case(name: "duplicate id", files: ["nodes.csv": "id\na\nb\na\n", "edges.csv": "source,target\na,b\n"],
             file: "nodes.csv", line: 4, field: "id", message: "duplicate id 'a' (first on line 2)"),
        Case(name: "missing id", files: ["nodes.csv": "id,label\n,Nameless\n", "edges.csv": "source,target\n"],
             file: "nodes.csv", line: 2, field: "id", message: "the stakeholder has no id"),
        Case(name: "non-numeric weight", files: ["edges.csv": "source,target,weight\na,b,strong\n"],
             file: "edges.csv", line: 2, field: "weight", message: "weight 'strong' is not a number"),
        Case(name: "negative weight", files: ["edges.csv": "source,target,weight\na,b,1\na,c,-2\n"],
             file: "edges.csv", line: 3, field: "weight", message: "weight -2 is negative"),
        Case(name: "NaN weight", files: ["edges.csv": "source,target,weight\na,b,NaN\n"],
             file: "edges.csv", line: 2, field: "weight", message: "weight 'NaN' is not a finite number"),
        Case(name: "infinite weight", files: ["edges.csv": "source,target,weight\na,b,inf\n"],
             file: "edges.csv", line: 2, field: "weight", message: "is not a finite number"),
        Case(name: "missing source column", files: ["edges.csv": "origin,target\na,b\n"],
             file: "edges.csv", line: 1, field: nil, message: "no source column (looked for source, from, source id); found: origin, target"),
        Case(name: "missing id column", files: ["nodes.csv": "code,sector\na,x\n", "edges.csv": "source,target\n"],
             file: "nodes.csv", line: 1, field: nil, message: "no id column"),
        Case(name: "empty file", files: ["nodes.csv": "", "edges.csv": "source,target\n"],
             file: "nodes.csv", line: nil, field: nil, message: "the file is empty"),
        Case(name: "blank file", files: ["edges.csv": "\n\n  \n"],
             file: "edges.csv", line: nil, field: nil, message: "holds no rows, not even a header"),
        Case(name: "start after end", files: ["edges.csv": "source,target,start,end\na,b,2010,2012\na,c,2015,2011\n"],
             file: "edges.csv", line: 3, field: "start", message: "the tie starts in 2015, after it ends in 2011", hint: "swap"),
        Case(name: "year not a whole number", files: ["edges.csv": "source,target,end\na,b,2012.5\n"],
             file: "edges.csv", line: 2, field: "end", message: "end year '2012.5' is not a whole number"),
        Case(name: "missing target", files: ["edges.csv": "source,target\na,\n"],
             file: "edges.csv", line: 2, field: "target", message: "the tie has no target"),
        Case(name: "bad direction", files: ["edges.csv": "source,target,directed\na,b,sideways\n"],
             file: "edges.csv", line: 2, field: "directed", message: "'sideways' is not a direction"),
        Case(name: "unclosed quote", files: ["edges.csv": "source,target,note\na,b,ok\nb,c,\"never closed\nc,d,x\n"],
             file: "edges.csv", line: 3, field: nil, message: "a quoted field starts here and is never closed"),
        Case(name: "text after a closing quote", files: ["edges.csv": "source,target,note\na,b,\"quoted\" then text\n"],
             file: "edges.csv", line: 2, field: nil, message: "text follows the closing quote"),
        Case(name: "row longer than the header", files: ["edges.csv": "source,target\na,b\nc,d,e\nf,g,h\n"],
             file: "edges.csv", line: 3, field: nil, message: "the row has 3 cells but the header has 2; 1 more rows like it"),
        Case(name: "column named twice", files: ["edges.csv": "source,target,Weight,weight\na,b,1,2\n"],
             file: "edges.csv", line: 1, field: "weight", message: "the header names this column twice (columns 3 and 4)"),
        Case(name: "malformed network.json", files: ["edges.csv": "source,target\na,b\n", "network.json": "{\"directed\": tru"],
             file: "network.json", line: nil, field: nil, message: "is not valid JSON"),
        Case(name: "network.json value of the wrong type", files: ["edges.csv": "source,target\na,b\n", "network.json": "{\"directed\": \"yes\"}"],
             file: "network.json", line: nil, field: "directed", message: "has a value of the wrong type"),
        Case(name: "folder without ties", files: ["nodes.csv": "id\na\n"],
             file: "", line: nil, field: nil, message: "holds no table of ties"),
    ]

    @Test(arguments: cases)
    func reportsTheProblemWhereItIs(_ testCase: Case) throws {
        let folder = try TemporaryFolder(files: testCase.files)
        let (network, report) = NetworkReader.validate(folder.path)
        #expect(network == nil)
        let problem = try #require(report.errors.first)
        #expect(problem.file.hasSuffix(testCase.file.isEmpty ? folder.path : "/" + testCase.file))
        #expect(problem.line == testCase.line)
        #expect(problem.field == testCase.field)
        #expect(problem.message.contains(testCase.message), "\(problem)")
        if let hint = testCase.hint { #expect(problem.hint?.contains(hint) == true, "\(problem)") }
        // Reading (rather than validating) stops with the same first error.
        #expect(throws: InputError.self) { try NetworkReader.read(folder.path) }
    }

    @Test func notUTF8NamesTheLine() throws {
        let folder = try TemporaryFolder()
        try folder.write("edges.csv", bytes: Data("source,target\na,b\nM".utf8) + Data([0xFC]) + Data("nchen,c\n".utf8))
        let error = try #require(throws: InputError.self) { try NetworkReader.read(folder.path) }
        #expect(error.problem.line == 3 && error.problem.message == "is not UTF-8 text (byte 0xFC)")
        #expect(error.problem.hint?.contains("CSV UTF-8") == true)
    }

    @Test func binaryDataIsRefused() throws {
        let folder = try TemporaryFolder()
        try folder.write("edges.csv", bytes: Data([0x73, 0x2C, 0x74, 0x0A, 0x00, 0x01, 0xFF]))
        let error = try #require(throws: InputError.self) { try NetworkReader.read(folder.path) }
        #expect(error.problem.line == 2 && error.problem.message.contains("binary data"))
    }

    @Test func missingPathAndUnsupportedFormat() throws {
        let missing = try #require(throws: InputError.self) { try NetworkReader.read("/nonexistent/network") }
        #expect(missing.problem.message == "no such file or folder")
        let folder = try TemporaryFolder(files: ["net.xlsx": "PK", "net.ods": "PK"])
        let notZip = try #require(throws: InputError.self) { try NetworkReader.read(folder.file("net.xlsx")) }
        #expect(notZip.problem.message.contains("not a readable .xlsx workbook"))
        let unsupported = try #require(throws: InputError.self) { try NetworkReader.read(folder.file("net.ods")) }
        #expect(unsupported.problem.message.contains("cannot read '.ods' files"))
    }

    /// The broken fixture folder holds one of each common mistake; validate must list every one.
    @Test func validateListsEveryProblemInTheBrokenFixture() throws {
        let (network, report) = NetworkReader.validate(Fixtures.path("broken-network"))
        #expect(network == nil)
        let found = report.errors.map { "\(($0.file as NSString).lastPathComponent):\($0.line ?? 0)" }
        #expect(found == [
            "nodes.csv:5", "nodes.csv:7", "edges.csv:3", "edges.csv:4", "edges.csv:5", "edges.csv:6", "edges.csv:7", "edges.csv:9",
        ])
        let first = try #require(report.errors.first)
        #expect(first.message.contains("duplicate id 'leisure-1'"))
        #expect(report.errors.contains { $0.message.contains("'spinout-2'") && $0.hint == "did you mean 'spin-out-2'?" })
        #expect(report.warnings.contains { $0.message.contains("from a stakeholder to itself") && $0.line == 8 })
        let error = try #require(throws: InputError.self) { try NetworkReader.read(Fixtures.path("broken-network")) }
        #expect(error.otherErrors == 7)
    }
}
