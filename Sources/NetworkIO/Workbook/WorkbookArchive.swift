import Foundation
import ZIPFoundation

/// An Office Open XML workbook (`.xlsx`) opened for reading: its sheets in order, shared strings and the
/// styles that mark date cells. Every part is taken out of the ZIP archive (weichsel/ZIPFoundation) into a
/// private temporary file, counting bytes as they come so that a "zip bomb" is stopped at `partLimit`,
/// and read by the safe streaming XML layer (`SafeXML`: no entity declarations, no external entities).
///
/// - Complexity: O(size of the parts read); memory holds the shared strings and one sheet's cells.
final class WorkbookArchive {
    /// Bytes one part may expand to (a sheet of a million rows and a dozen columns is about 100 MB).
    static let partLimit: Int64 = 512 << 20
    /// Bytes all parts read may expand to together.
    static let totalLimit: Int64 = 2 << 30
    /// Parts that expand more than this many times over their compressed size, beyond 1 MB, are refused.
    static let ratioLimit: Int64 = 1000

    let path: String
    private let archive: Archive
    private let scratch: URL
    private var expanded: Int64 = 0
    /// Sheets in the workbook's order, with the archive path of each.
    private(set) var sheets: [(name: String, part: String)] = []
    private(set) var sharedStrings: [String] = []
    /// Style indices (a cell's `s`) whose number format is a date.
    private(set) var dateStyles = Set<Int>()
    /// Whether serial dates count from 1904 (old Mac workbooks) rather than 1900.
    private(set) var uses1904 = false
    /// The document's title and description (docProps/core.xml), when it has them.
    private(set) var title: String?
    private(set) var about: String?

    init(path: String) throws {
        self.path = path
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw InputError(file: path, message: "is not a readable .xlsx workbook (not a ZIP archive)",
                             hint: "save it from the spreadsheet program as an Excel workbook (.xlsx); .xls and .ods are not read")
        }
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("stakenet-xlsx-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        do {
            try readWorkbook()
            try readSharedStrings()
            try readStyles()
            if let core = try extract("docProps/core.xml") {
                let properties = WorkbookXML.CoreProperties()
                try stream(core, properties, part: "docProps/core.xml")
                title = properties.title.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
                about = properties.about
            }
        } catch {
            try? FileManager.default.removeItem(at: scratch)
            throw error
        }
    }

    deinit { try? FileManager.default.removeItem(at: scratch) }

    /// Takes part `name` out of the archive into a temporary file (nil when the archive has no such part).
    func extract(_ name: String) throws -> String? {
        guard let entry = archive[name] else { return nil }
        let compressed = Int64(clamping: entry.compressedSize)
        let declared = Int64(clamping: entry.uncompressedSize)
        if declared > Self.partLimit || (declared > 1 << 20 && compressed > 0 && declared / compressed > Self.ratioLimit) {
            throw bomb(name, size: declared)
        }
        let file = scratch.appendingPathComponent(UUID().uuidString + ".xml")
        _ = FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600])
        guard let handle = try? FileHandle(forWritingTo: file) else {
            throw InputError(file: path, message: "cannot unpack '\(name)' into \(scratch.path)", hint: "check the free space in the temporary folder")
        }
        defer { try? handle.close() }
        var written: Int64 = 0
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                written += Int64(chunk.count)
                self.expanded += Int64(chunk.count)
                if written > Self.partLimit || self.expanded > Self.totalLimit { throw WorkbookLimit() }
                handle.write(chunk)
            }
        } catch is WorkbookLimit {
            throw bomb(name, size: written)
        } catch {
            throw InputError(file: path, message: "part '\(name)' of the workbook is damaged (\(error))",
                             hint: "open it in the spreadsheet program and save it again")
        }
        return file.path
    }

    private struct WorkbookLimit: Error {}

    private func bomb(_ name: String, size: Int64) -> InputError {
        InputError(file: path, message: "part '\(name)' expands to more than \(Self.partLimit >> 20) MB (or far beyond its compressed size): too large a sheet, or a zip bomb",
                   hint: "split the workbook, or save its sheets as CSV files")
    }

    private func readWorkbook() throws {
        guard let workbook = try extract("xl/workbook.xml") else {
            throw InputError(file: path, message: "holds no xl/workbook.xml, so it is not an Excel workbook",
                             hint: "save it from the spreadsheet program as an Excel workbook (.xlsx)")
        }
        let names = WorkbookXML.SheetList()
        try stream(workbook, names, part: "xl/workbook.xml")
        uses1904 = names.uses1904
        var targets: [String: String] = [:]
        if let relations = try extract("xl/_rels/workbook.xml.rels") {
            let list = WorkbookXML.Relations()
            try stream(relations, list, part: "xl/_rels/workbook.xml.rels")
            targets = list.targets
        }
        sheets = names.sheets.enumerated().map { index, sheet in
            var target = targets[sheet.relation] ?? "worksheets/sheet\(index + 1).xml"
            if target.hasPrefix("/") { target.removeFirst() } else if !target.hasPrefix("xl/") { target = "xl/" + target }
            return (sheet.name, target)
        }
    }

    private func readSharedStrings() throws {
        guard let file = try extract("xl/sharedStrings.xml") else { return }
        let strings = WorkbookXML.SharedStrings()
        try stream(file, strings, part: "xl/sharedStrings.xml")
        sharedStrings = strings.strings
    }

    private func readStyles() throws {
        guard let file = try extract("xl/styles.xml") else { return }
        let styles = WorkbookXML.Styles()
        try stream(file, styles, part: "xl/styles.xml")
        dateStyles = styles.dateStyles
    }

    /// Streams a part through the safe XML layer; its problems name the workbook and the part.
    func stream(_ file: String, _ handler: XMLEventHandler, part: String) throws {
        do {
            try SafeXML.stream(file, to: handler)
        } catch let error as InputError where error.problem.sheet == nil {
            var problem = error.problem
            problem.file = path
            problem.message = "part '\(part)': " + problem.message
            problem.line = nil
            throw InputError(problem)
        }
    }
}
