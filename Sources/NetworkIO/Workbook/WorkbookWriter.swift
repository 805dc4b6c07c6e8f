import Foundation
import NetworkModel
import ZIPFoundation

/// Writes a network as an Excel workbook in Kumu's import layout: a sheet `Elements` (ID, Label, Type, then
/// the sector and every stakeholder attribute) and a sheet `Connections` (From, To, Type, Direction,
/// Strength, Start, End, then every tie attribute), From and To naming elements by ID — Kumu matches them
/// against an ID column, so labels need not be unique. Numbers are written as numbers, booleans as
/// booleans, everything else as inline strings; the header rows are bold. StakeNet reads the workbook back
/// into the same network (the ZIP archive through weichsel/ZIPFoundation, in memory).
///
/// - Complexity: O(n + m) cells.
public enum WorkbookWriter {
    public static func kumuWorkbook(_ network: StakeholderNetwork) throws -> Data {
        let columns = NetworkColumns(network)
        let s = network.stakeholders, t = network.ties
        // Elements.
        var elementHeader = ["ID", "Label"]
        var elementValues: [(Int) -> AttributeValue] = [{ .text(s[$0].id) }, { .text(s[$0].label) }]
        for column in columns.node where column.name != "label" {
            elementHeader.append(column.name == "kind" ? "Type" : column.name == "sector" ? "Sector" : column.name)
            elementValues.append(column.typed)
        }
        // Connections.
        var connectionHeader = ["From", "To"]
        var connectionValues: [(Int) -> AttributeValue] = [{ .text(s[Int(t[$0].source)].id) }, { .text(s[Int(t[$0].target)].id) }]
        for column in columns.edge {
            switch column.name {
            case "kind":
                connectionHeader.append("Type")
                connectionValues.append(column.typed)
                connectionHeader.append("Direction")
                connectionValues.append { .text(network.isDirected(t[$0]) ? "directed" : "undirected") }
            case "weight": connectionHeader.append("Strength"); connectionValues.append(column.typed)
            case "start": connectionHeader.append("Start"); connectionValues.append(column.typed)
            case "end": connectionHeader.append("End"); connectionValues.append(column.typed)
            default: connectionHeader.append(column.name); connectionValues.append(column.typed)
            }
        }
        if !connectionHeader.contains("Direction") {
            connectionHeader.insert("Direction", at: 2)
            connectionValues.insert({ .text(network.isDirected(t[$0]) ? "directed" : "undirected") }, at: 2)
        }
        var sheets: [(name: String, data: Data)] = [
            ("Elements", sheet(header: elementHeader, values: elementValues, rows: s.count)),
            ("Connections", sheet(header: connectionHeader, values: connectionValues, rows: t.count)),
        ]
        // Interviews: who was asked, and their ratings, as the reader finds them.
        if network.respondents.contains(where: { $0.role != nil || $0.organisation != nil || !$0.attributes.isEmpty }) || !network.perceptions.isEmpty {
            let r = network.respondents, extra = Set(r.flatMap(\.attributes.keys)).sorted()
            var values: [(Int) -> AttributeValue] = [{ .text(r[$0].id) }, { r[$0].role.map(AttributeValue.text) ?? .missing },
                                                     { r[$0].organisation.map { .text(s[Int($0)].id) } ?? .missing }]
            for name in extra { values.append { r[$0].attributes[name] ?? .missing } }
            sheets.append(("respondents", sheet(header: ["id", "role", "organisation"] + extra, values: values, rows: r.count)))
        }
        if !network.perceptions.isEmpty {
            let p = network.perceptions, extra = Set(p.flatMap(\.attributes.keys)).sorted()
            var values: [(Int) -> AttributeValue] = [{ .text(network.respondents[Int(p[$0].respondent)].id) }, { .text(s[Int(p[$0].stakeholder)].id) },
                                                     { .number(p[$0].influence) }]
            for name in extra { values.append { p[$0].attributes[name] ?? .missing } }
            sheets.append(("perceptions", sheet(header: ["respondent", "stakeholder", "influence"] + extra, values: values, rows: p.count)))
        }
        var parts: [(String, Data)] = [
            ("[Content_Types].xml", Data(contentTypes(sheets: sheets.count).utf8)),
            ("docProps/core.xml", Data(coreProperties(network).utf8)),
            ("_rels/.rels", Data(packageRelations.utf8)),
            ("xl/workbook.xml", Data(workbook(sheets.map(\.name)).utf8)),
            ("xl/_rels/workbook.xml.rels", Data(workbookRelations(sheets: sheets.count).utf8)),
            ("xl/styles.xml", Data(styles.utf8)),
        ]
        for (i, sheet) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(i + 1).xml", sheet.data)) }
        let archive = try Archive(data: Data(), accessMode: .create)
        let stamp = Date(timeIntervalSince1970: 315_532_800)  // 1980-01-01, ZIP's earliest: the same network gives the same bytes
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: stamp,
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position) ..< Int(position) + size)
            }
        }
        guard let bytes = archive.data else { throw InputError(file: network.name, message: "the workbook could not be assembled") }
        return bytes
    }

    /// One worksheet: a bold header row, then a row per element.
    static func sheet(header: [String], values: [(Int) -> AttributeValue], rows: Int) -> Data {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        xml += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
        xml += #"<row r="1">"#
        for (c, name) in header.enumerated() { xml += inline(name, reference: InputProblem.columnLetters(c) + "1", style: 1) }
        xml += "</row>"
        for row in 0 ..< rows {
            let r = row + 2
            xml += #"<row r="\#(r)">"#
            for (c, value) in values.enumerated() {
                let reference = InputProblem.columnLetters(c) + "\(r)"
                switch value(row) {
                case .missing: continue
                case let .integer(number): xml += #"<c r="\#(reference)"><v>\#(number)</v></c>"#
                case let .number(number) where number.isFinite: xml += #"<c r="\#(reference)"><v>\#(AttributeValue.format(number))</v></c>"#
                case let .boolean(flag): xml += #"<c r="\#(reference)" t="b"><v>\#(flag ? 1 : 0)</v></c>"#
                case let other: xml += inline(other.text ?? "", reference: reference, style: 0)
                }
            }
            xml += "</row>"
        }
        xml += "</sheetData></worksheet>"
        return Data(xml.utf8)
    }

    /// The document's title and description: the network's name and description, read back by `WorkbookArchive`.
    static func coreProperties(_ network: StakeholderNetwork) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        xml += #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">"#
        xml += "<dc:title>\(XMLWriting.escape(network.name))</dc:title>"
        if let description = network.description { xml += "<dc:description>\(XMLWriting.escape(description))</dc:description>" }
        xml += "<dc:creator>StakeNet</dc:creator></cp:coreProperties>"
        return xml
    }

    static func inline(_ text: String, reference: String, style: Int) -> String {
        let space = text.first?.isWhitespace == true || text.last?.isWhitespace == true ? #" xml:space="preserve""# : ""
        return #"<c r="\#(reference)"\#(style > 0 ? #" s="\#(style)""# : "") t="inlineStr"><is><t\#(space)>\#(XMLWriting.escape(text))</t></is></c>"#
    }

    static func contentTypes(sheets: Int) -> String {
        let overrides = (1 ... sheets).map { #"<Override PartName="/xl/worksheets/sheet\#($0).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"# }.joined()
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
            + overrides
            + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#
    }

    static let packageRelations = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>
    """

    static func workbook(_ names: [String]) -> String {
        let sheets = names.enumerated().map { #"<sheet name="\#(XMLWriting.escape($0.element))" sheetId="\#($0.offset + 1)" r:id="rId\#($0.offset + 1)"/>"# }.joined()
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
            + sheets + "</sheets></workbook>"
    }

    static func workbookRelations(sheets: Int) -> String {
        let relations = (1 ... sheets).map { #"<Relationship Id="rId\#($0)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#($0).xml"/>"# }.joined()
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"# + relations
            + #"<Relationship Id="rId\#(sheets + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#
    }

    static let styles = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
    """
}
