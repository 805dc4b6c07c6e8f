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
        let parts: [(String, Data)] = [
            ("[Content_Types].xml", Data(contentTypes.utf8)),
            ("docProps/core.xml", Data(coreProperties(network).utf8)),
            ("_rels/.rels", Data(packageRelations.utf8)),
            ("xl/workbook.xml", Data(workbook.utf8)),
            ("xl/_rels/workbook.xml.rels", Data(workbookRelations.utf8)),
            ("xl/styles.xml", Data(styles.utf8)),
            ("xl/worksheets/sheet1.xml", sheet(header: elementHeader, values: elementValues, rows: s.count)),
            ("xl/worksheets/sheet2.xml", sheet(header: connectionHeader, values: connectionValues, rows: t.count)),
        ]
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

    static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>
    """

    static let packageRelations = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>
    """

    static let workbook = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Elements" sheetId="1" r:id="rId1"/><sheet name="Connections" sheetId="2" r:id="rId2"/></sheets></workbook>
    """

    static let workbookRelations = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
    """

    static let styles = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
    """
}
