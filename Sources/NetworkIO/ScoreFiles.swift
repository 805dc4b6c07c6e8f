import Foundation
import NetworkModel

/// Scores computed elsewhere (by the GraphX jobs of `Scripts/spark`, or any tool), joined to a network's
/// stakeholders: CSV tables whose first column is `id` and whose other columns are numbers.
public struct ImportedScores: Sendable {
    /// One column per measure, indexed by stakeholder (NaN where the table has no row for one).
    public var columns: [NodeScores]
    /// The file each column came from, parallel to `columns`.
    public var sources: [String]
    /// Stakeholders of the network that some table leaves without a value, per column.
    public var missing: [Int]
}

public enum ScoreFiles {
    /// Reads `path` — one CSV file, or every `.csv` file of a folder (in name order) — and joins it to `network`.
    ///
    /// Every row must name a stakeholder of the network by id (did-you-mean otherwise) once; every value
    /// must be a number (an empty cell is a value not given). A column named like one already read is an
    /// error, as is a folder with no tables.
    /// - Throws: `InputError` with the file, line and column.
    /// - Complexity: O(cells).
    public static func read(_ path: String, for network: StakeholderNetwork) throws -> ImportedScores {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw InputError(file: path, message: "does not exist", hint: "give a results folder written by Scripts/spark/run, or one CSV file of scores")
        }
        var files: [String]
        if isFolder.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            files = names.filter { $0.lowercased().hasSuffix(".csv") && !$0.hasPrefix(".") }.sorted().map { (path as NSString).appendingPathComponent($0) }
            if files.isEmpty { throw InputError(file: path, message: "holds no .csv tables of scores", hint: "run Scripts/spark/run MASTER EXPORT \(path) first") }
        } else {
            files = [path]
        }
        var result = ImportedScores(columns: [], sources: [], missing: [])
        for file in files {
            let table = try CSVTable(contentsOf: file)
            guard let first = table.header.first, first.lowercased() == "id" else {
                throw InputError(file: file, line: table.headerLine, field: table.header.first, message: "the first column must be 'id' (the stakeholder ids), not '\(table.header.first ?? "")'",
                                 hint: "score tables have id first, then one column per measure")
            }
            guard table.header.count > 1 else {
                throw InputError(file: file, line: table.headerLine, message: "has no score column after 'id'", hint: "score tables have id first, then one column per measure")
            }
            var rowOf = [Int](repeating: -1, count: network.stakeholderCount)
            for (row, id) in table.columns[0].enumerated() {
                guard let index = network.index(of: id) else {
                    let suggestion = ClosestMatch.suggestion(for: id, among: network.stakeholders.lazy.map(\.id))
                    throw InputError(file: file, line: table.lines[row], field: "id", message: "'\(id)' is not a stakeholder of \(network.name)",
                                     hint: suggestion.map { "did you mean '\($0)'? The scores must come from an export of this network" } ?? "the scores must come from an export of this network")
                }
                if rowOf[index] >= 0 {
                    throw InputError(file: file, line: table.lines[row], field: "id", message: "'\(id)' has scores on line \(table.lines[rowOf[index]]) already",
                                     hint: "each stakeholder once per table")
                }
                rowOf[index] = row
            }
            for column in 1 ..< table.header.count {
                let name = table.header[column]
                if let earlier = result.columns.firstIndex(where: { $0.measure.lowercased() == name.lowercased() }) {
                    throw InputError(file: file, line: table.headerLine, field: name, message: "column '\(name)' is also in \(result.sources[earlier])",
                                     hint: "keep one table per measure")
                }
                var values = [Double](repeating: .nan, count: network.stakeholderCount)
                var missing = 0
                for v in 0 ..< network.stakeholderCount {
                    let row = rowOf[v]
                    guard row >= 0 else { missing += 1; continue }
                    let cell = table.columns[column][row].trimmingCharacters(in: .whitespaces)
                    if cell.isEmpty { missing += 1; continue }
                    guard let number = Double(cell), number.isFinite else {
                        throw InputError(file: file, line: table.lines[row], field: name, message: "'\(cell)' is not a number", hint: "score columns hold numbers")
                    }
                    values[v] = number
                }
                result.columns.append(NodeScores(measure: name, values: values))
                result.sources.append(file)
                result.missing.append(missing)
            }
        }
        return result
    }
}
