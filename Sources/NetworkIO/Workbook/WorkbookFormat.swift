import Foundation
import NetworkModel

/// Reads an Excel workbook (`.xlsx`) as a network, the way a folder of CSV files is read: a sheet of ties
/// named as a folder's file would be (`edges`, `ties`, `connections`, `links`, any case) and optionally a
/// sheet of stakeholders (`nodes`, `stakeholders`, `elements`, `vertices`), sheets `respondents` and
/// `perceptions` for interviews (see `InterviewTablesReader`) — Kumu's import template
/// (Elements, Connections) among them — or a workbook of one sheet, read as an edge list or a matrix. The network is
/// named by the document's title (LibreOffice and Excel keep one; StakeNet writes the network's name), else
/// by the file. Each sheet's
/// first non-empty row is its header. Problems are located as a spreadsheet names cells:
/// `study.xlsx[Connections]!C14`.
enum WorkbookFormat {
    static func read(_ path: String, options: NetworkReadOptions) throws -> (StakeholderNetwork, [InputProblem]) {
        var report = ValidationReport()
        let network = load(path, options: options, report: &report)
        try report.throwIfErrors()
        guard let network else { throw InputError(file: path, message: "cannot be read as a network") }
        return (network, report.warnings)
    }

    static func load(_ path: String, options: NetworkReadOptions, report: inout ValidationReport) -> StakeholderNetwork? {
        let workbook: WorkbookArchive
        do { workbook = try WorkbookArchive(path: path) } catch let error as InputError {
            report.add(error.problem)
            return nil
        } catch {
            report.error(path, "cannot be read: \(error)")
            return nil
        }
        func sheet(named stems: [String]) -> (name: String, part: String)? {
            for stem in stems {
                if let found = workbook.sheets.first(where: { HeaderMatching.normalised($0.name) == stem }) { return found }
            }
            return nil
        }
        let tieSheet: (name: String, part: String)
        var oneSheet = false
        if let named = sheet(named: NetworkReader.tieFileNames) {
            tieSheet = named
        } else if workbook.sheets.count == 1 {
            tieSheet = workbook.sheets[0]
            oneSheet = true
        } else {
            let names = workbook.sheets.map(\.name)
            report.error(path, "holds no sheet of ties (looked for sheets named \(NetworkReader.tieFileNames.joined(separator: ", ")); the workbook has \(names.isEmpty ? "no sheets" : names.joined(separator: ", ")))",
                         hint: "name the sheet of ties 'edges' (or 'connections', as Kumu does), or keep the ties in a workbook of one sheet")
            return nil
        }
        let stakeholderSheet = sheet(named: NetworkReader.stakeholderFileNames)
        func source(_ sheet: (name: String, part: String)) -> NetworkReader.TableSource {
            let name = "\(path)[\(sheet.name)]"
            return NetworkReader.TableSource(name: name) { report in
                do {
                    let table = try self.table(workbook, sheet: sheet, file: name)
                    report.registerSheet(name, workbook: path, sheet: sheet.name, header: table.header)
                    return table
                } catch let error as InputError {
                    report.add(error.problem)
                    return nil
                } catch {
                    report.error(name, "cannot be read: \(error)")
                    return nil
                }
            }
        }
        // The network's name is the workbook's title (StakeNet writes it there), else the file's name.
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        if oneSheet {
            // One sheet: an edge list, or a matrix.
            guard let table = source(tieSheet).load(&report) else { return nil }
            return NetworkReader.oneTable(table, name: workbook.title ?? stem, options: options, report: &report)
        }
        return NetworkReader.assemble(name: workbook.title ?? stem, settings: NetworkSettings(description: workbook.about), stakeholders: stakeholderSheet.map(source), ties: source(tieSheet),
                                      respondents: sheet(named: InterviewTablesReader.respondentFileNames).map(source),
                                      perceptions: sheet(named: InterviewTablesReader.perceptionFileNames).map(source),
                                      options: options, report: &report)
    }

    /// A sheet as a table: its first non-empty row the header, each later non-empty row a data row whose
    /// line is its row number.
    static func table(_ workbook: WorkbookArchive, sheet: (name: String, part: String), file: String) throws -> CSVTable {
        guard let part = try workbook.extract(sheet.part) else {
            throw InputError(file: workbook.path, message: "sheet '\(sheet.name)' is missing from the workbook (no \(sheet.part))",
                             hint: "open the workbook in the spreadsheet program and save it again")
        }
        let cells = WorkbookXML.SheetCells(workbook: workbook, file: workbook.path, sheet: sheet.name)
        try workbook.stream(part, cells, part: sheet.part)
        try? FileManager.default.removeItem(atPath: part)
        guard let headerRow = cells.rows.first else {
            throw InputError(file: workbook.path, message: "sheet '\(sheet.name)' is empty", hint: "the sheet needs a header row and a row per tie or stakeholder")
        }
        let width = (cells.rows.map { $0.cells.last?.column ?? -1 }.max() ?? -1) + 1
        var header = [String](repeating: "", count: width)
        for cell in headerRow.cells { header[cell.column] = cell.text }
        // Columns past the header's last name must be empty, as a CSV row may not run past its header.
        let named = (header.lastIndex { !$0.trimmingSpaces.isEmpty } ?? -1) + 1
        var columns = [[String]](repeating: [], count: named)
        var lines: [Int] = []
        for row in cells.rows.dropFirst() {
            if let extra = row.cells.first(where: { $0.column >= named && !$0.text.trimmingSpaces.isEmpty }) {
                throw InputError(InputProblem(.error, file: workbook.path, line: row.number,
                                              message: "cell \(InputProblem.columnLetters(extra.column))\(row.number) has a value but its column has no header",
                                              hint: "add a header for the column, or clear the cell")
                    .located(sheet: sheet.name, column: extra.column))
            }
            var values = [String](repeating: "", count: named)
            for cell in row.cells where cell.column < named { values[cell.column] = cell.text }
            if values.allSatisfy({ $0.trimmingSpaces.isEmpty }) { continue }
            for c in 0 ..< named { columns[c].append(values[c]) }
            lines.append(row.number)
        }
        return CSVTable(file: file, header: Array(header.prefix(named)), headerLine: headerRow.number, columns: columns, lines: lines)
    }
}

extension InputProblem {
    /// The problem placed at a sheet's cell.
    func located(sheet: String, column: Int?) -> InputProblem {
        var copy = self
        copy.sheet = sheet
        copy.column = column
        return copy
    }
}
