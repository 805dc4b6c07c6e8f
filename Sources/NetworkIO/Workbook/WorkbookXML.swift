import Foundation

/// Streaming readers of the parts of an `.xlsx` workbook (ECMA-376 Part 1, SpreadsheetML), each fed by
/// `SafeXML` element by element.
enum WorkbookXML {
    /// `xl/workbook.xml`: sheet names in order, their relation ids, and the 1904 date system flag.
    final class SheetList: XMLEventHandler {
        var sheets: [(name: String, relation: String)] = []
        var uses1904 = false
        var wantsText: Bool { false }
        func start(_ name: String, namespace: XMLNamespace, attributes: XMLAttributes, line: Int) throws {
            if name == "sheet", let sheet = attributes["name"] { sheets.append((sheet, attributes["id"] ?? "")) }
            if name == "workbookPr", let flag = attributes["date1904"] { uses1904 = flag == "1" || flag.lowercased() == "true" }
        }
        func end(_ name: String) throws {}
        func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
    }

    /// `xl/_rels/workbook.xml.rels`: where each relation id's part is.
    final class Relations: XMLEventHandler {
        var targets: [String: String] = [:]
        var wantsText: Bool { false }
        func start(_ name: String, namespace: XMLNamespace, attributes: XMLAttributes, line: Int) throws {
            if name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target }
        }
        func end(_ name: String) throws {}
        func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
    }

    /// `docProps/core.xml`: the document's title and description (Dublin Core).
    final class CoreProperties: XMLEventHandler {
        var title: String?
        var about: String?
        private var field: String?
        var wantsText: Bool { field != nil }
        func start(_ name: String, namespace: XMLNamespace, attributes: XMLAttributes, line: Int) throws {
            if name == "title" || name == "description" { field = name }
        }
        func end(_ name: String) throws { field = nil }
        func text(_ bytes: UnsafeBufferPointer<UInt8>) {
            let text = String(decoding: bytes, as: UTF8.self)
            if field == "title" { title = (title ?? "") + text } else if field == "description" { about = (about ?? "") + text }
        }
    }

    /// `xl/sharedStrings.xml`: each `<si>`'s text, its runs joined, phonetic guides (`<rPh>`) left out.
    final class SharedStrings: XMLEventHandler {
        var strings: [String] = []
        private var current: String?
        private var inText = false
        private var inPhonetic = false
        var wantsText: Bool { inText && !inPhonetic }
        func start(_ name: String, namespace: XMLNamespace, attributes: XMLAttributes, line: Int) throws {
            switch name {
            case "si": current = ""
            case "t": inText = true
            case "rPh": inPhonetic = true
            default: break
            }
        }
        func end(_ name: String) throws {
            switch name {
            case "si": strings.append(current ?? ""); current = nil
            case "t": inText = false
            case "rPh": inPhonetic = false
            default: break
            }
        }
        func text(_ bytes: UnsafeBufferPointer<UInt8>) { current? += String(decoding: bytes, as: UTF8.self) }
    }

    /// `xl/styles.xml`: which cell formats (`<cellXfs>` entries, a cell's `s`) show numbers as dates.
    final class Styles: XMLEventHandler {
        var dateStyles = Set<Int>()
        private var customDates = Set<Int>()
        private var inCellFormats = false
        private var index = 0
        var wantsText: Bool { false }
        /// Excel's built-in date and time formats (ECMA-376 §18.8.30).
        static let builtInDates: Set<Int> = Set(14 ... 22).union(45 ... 47).union([27, 30, 36, 50, 57])

        func start(_ name: String, namespace: XMLNamespace, attributes: XMLAttributes, line: Int) throws {
            switch name {
            case "numFmt":
                if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"], Self.isDateFormat(code) { customDates.insert(id) }
            case "cellXfs":
                inCellFormats = true
                index = 0
            case "xf" where inCellFormats:
                if let id = attributes["numFmtId"].flatMap(Int.init), Self.builtInDates.contains(id) || customDates.contains(id) { dateStyles.insert(index) }
                index += 1
            default: break
            }
        }
        func end(_ name: String) throws { if name == "cellXfs" { inCellFormats = false } }
        func text(_ bytes: UnsafeBufferPointer<UInt8>) {}

        /// A format code shows a date when, outside quotes and brackets, it has a day, month or year field.
        static func isDateFormat(_ code: String) -> Bool {
            var quoted = false, bracket = false
            for character in code.lowercased() {
                if character == "\"" { quoted.toggle(); continue }
                if quoted { continue }
                if character == "[" { bracket = true } else if character == "]" { bracket = false } else if !bracket && "dym".contains(character) { return true }
            }
            return false
        }
    }

    /// A worksheet's cells, row by row, as text: shared and inline strings, numbers as written, booleans as
    /// `true`/`false`, dates (number cells in a date style, or `t="d"`) as ISO dates, error cells
    /// (`#N/A`, `#REF!` …) as empty (missing). Rows and columns past the limits are refused.
    final class SheetCells: XMLEventHandler {
        struct Row {
            let number: Int
            var cells: [(column: Int, text: String)]
        }

        let workbook: WorkbookArchive
        let file: String
        let sheet: String
        private(set) var rows: [Row] = []
        private var row: Row?
        private var cellColumn = 0
        private var cellType = "n"
        private var cellStyle = -1
        private var value = ""
        private var inValue = false
        private var inInline = false
        private var nextRow = 1
        var wantsText: Bool { inValue }

        static let rowLimit = 2_000_000

        init(workbook: WorkbookArchive, file: String, sheet: String) {
            self.workbook = workbook
            self.file = file
            self.sheet = sheet
        }

        func start(_ name: String, namespace: XMLNamespace, attributes: XMLAttributes, line: Int) throws {
            switch name {
            case "row":
                let number = attributes["r"].flatMap(Int.init) ?? nextRow
                nextRow = number + 1
                if number > Self.rowLimit {
                    throw InputError(file: file, message: "sheet '\(sheet)' has more than \(Self.rowLimit) rows",
                                     hint: "split the sheet, or save it as a CSV file")
                }
                row = Row(number: number, cells: [])
            case "c":
                let reference = attributes["r"] ?? ""
                cellColumn = Self.column(of: reference) ?? ((row?.cells.last?.column ?? -1) + 1)
                if cellColumn >= CSVTable.columnLimit {
                    throw InputError(file: file, message: "sheet '\(sheet)' uses column \(InputProblem.columnLetters(cellColumn)), beyond the \(CSVTable.columnLimit) columns a table may have",
                                     hint: "is this the right sheet?")
                }
                cellType = attributes["t"] ?? "n"
                cellStyle = attributes["s"].flatMap(Int.init) ?? -1
                value = ""
            case "v": inValue = true
            case "is": inInline = true
            case "t" where inInline: inValue = true
            default: break
            }
        }

        func end(_ name: String) throws {
            switch name {
            case "v", "t": inValue = false
            case "is": inInline = false
            case "c":
                let text = try cellText()
                if !text.isEmpty { row?.cells.append((cellColumn, text)) }
            case "row":
                if let row, !row.cells.isEmpty { rows.append(row) }
                row = nil
            default: break
            }
        }

        func text(_ bytes: UnsafeBufferPointer<UInt8>) { value += String(decoding: bytes, as: UTF8.self) }

        private func cellText() throws -> String {
            if value.utf8.count > CSVTable.cellLimit {
                throw InputError(InputProblem(.error, file: file, line: row?.number, message: "the cell holds \(value.utf8.count >> 10) KB of text, over the \(CSVTable.cellLimit >> 20) MB a cell may hold",
                                              hint: "is this the right sheet?").located(sheet: sheet, column: cellColumn))
            }
            switch cellType {
            case "s":
                guard let index = Int(value.trimmingCharacters(in: .whitespaces)), index >= 0, index < workbook.sharedStrings.count else {
                    throw InputError(InputProblem(.error, file: file, line: row?.number, message: "the cell names shared string \(value), which the workbook does not have",
                                                  hint: "open the workbook in the spreadsheet program and save it again").located(sheet: sheet, column: cellColumn))
                }
                return workbook.sharedStrings[index]
            case "inlineStr", "str":
                return value
            case "b":
                return value == "1" ? "true" : value == "0" ? "false" : value
            case "e":
                return ""  // #N/A, #REF!, #DIV/0! …: missing
            case "d":
                return String(value.prefix(10))
            default:
                let number = value.trimmingCharacters(in: .whitespaces)
                if workbook.dateStyles.contains(cellStyle), let serial = Double(number) {
                    return Self.isoDate(serial: serial, uses1904: workbook.uses1904) ?? number
                }
                return number
            }
        }

        /// The column index of a cell reference (`C14` → 2).
        static func column(of reference: String) -> Int? {
            var index = 0, letters = 0
            for scalar in reference.unicodeScalars {
                guard (65 ... 90).contains(scalar.value) || (97 ... 122).contains(scalar.value) else { break }
                index = index * 26 + Int(scalar.value & 0x1F)
                letters += 1
            }
            return letters > 0 ? index - 1 : nil
        }

        /// An Excel serial date as `YYYY-MM-DD`: days since 1899-12-30 (Excel counts a 29 February 1900 that
        /// never was, so serials below 61 are one day later than that), or since 1904-01-01.
        static func isoDate(serial: Double, uses1904: Bool) -> String? {
            guard serial.isFinite, serial >= 0, serial < 3_000_000 else { return nil }
            var days = Int(serial.rounded(.down))
            if uses1904 { days += 1462 } else if days < 61 { days += 1 }
            // Civil date from days since 1899-12-30 (Howard Hinnant's algorithm, shifted to 1970-01-01).
            let z = days - 25569 + 719_468
            let era = (z >= 0 ? z : z - 146_096) / 146_097
            let doe = z - era * 146_097
            let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
            let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
            let mp = (5 * doy + 2) / 153
            let day = doy - (153 * mp + 2) / 5 + 1
            let month = mp < 10 ? mp + 3 : mp - 9
            let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
            return String(format: "%04d-%02d-%02d", year, month, day)
        }
    }
}
