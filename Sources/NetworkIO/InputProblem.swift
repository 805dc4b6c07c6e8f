/// One problem found in an input file, with where it is and what to do about it.
public struct InputProblem: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable { case error, warning }

    public var severity: Severity
    /// The file as the user named it.
    public var file: String
    /// 1-based line in the file; `nil` for a problem with the file as a whole.
    public var line: Int?
    /// The column (header name) or element the problem is in, when there is one.
    public var field: String?
    public var message: String
    /// What the user can do about it.
    public var hint: String?
    /// For a problem in a workbook: the sheet, and the column index of `field` (0-based), so the problem is
    /// located as a spreadsheet would name its cell, `study.xlsx[Connections]!C14`.
    public var sheet: String?
    public var column: Int?

    public init(_ severity: Severity, file: String, line: Int? = nil, field: String? = nil, message: String, hint: String? = nil) {
        self.severity = severity
        self.file = file
        self.line = line
        self.field = field
        self.message = message
        self.hint = hint
    }

    /// `FILE:LINE: column 'F': message (hint)`, the form compilers use, so editors can jump to it; in a
    /// workbook `FILE[SHEET]!CELL: …` (`!14:14` for a whole row).
    public var description: String {
        var text = file
        if let sheet {
            text += "[\(sheet)]"
            if let line { text += "!" + (column.map { InputProblem.columnLetters($0) + "\(line)" } ?? "\(line):\(line)") }
        } else if let line {
            text += ":\(line)"
        }
        text += ": "
        if let field {
            // XML elements and JSON paths are places, not columns.
            text += field.hasPrefix("<") || field.hasSuffix("]") || field.hasPrefix("node ") || field.hasPrefix("edge ") ? "\(field): " : "column '\(field)': "
        }
        text += message
        if let hint { text += " (\(hint))" }
        return text
    }
}

extension InputProblem {
    /// A spreadsheet's name for column `index` (0-based): A … Z, AA … AZ, BA …
    public static func columnLetters(_ index: Int) -> String {
        var n = index + 1, letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters
    }
}

/// The input cannot be read; `problem` is the first error, and `otherErrors` says how many more were found.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public let problem: InputProblem
    public let otherErrors: Int

    public init(_ problem: InputProblem, otherErrors: Int = 0) {
        self.problem = problem
        self.otherErrors = otherErrors
    }

    public init(file: String, line: Int? = nil, field: String? = nil, message: String, hint: String? = nil) {
        self.init(InputProblem(.error, file: file, line: line, field: field, message: message, hint: hint))
    }

    public var description: String {
        guard otherErrors > 0 else { return problem.description }
        let more = otherErrors == 1 ? "1 more problem" : "\(otherErrors) more problems"
        return problem.description + "\n\(more) in the input; 'stakenet validate' lists them all"
    }
}

/// Everything found wrong with an input: errors that stop it being read, and warnings about how it was read.
public struct ValidationReport: Sendable {
    public private(set) var problems: [InputProblem] = []
    /// Tables read from workbook sheets, by the name their problems are filed under (`study.xlsx[Connections]`).
    var sheets: [String: SheetPlace] = [:]

    struct SheetPlace: Sendable {
        let workbook: String
        let sheet: String
        let header: [String]
    }

    public init() {}

    /// Problems filed under `table` are located by sheet and cell from now on.
    mutating func registerSheet(_ table: String, workbook: String, sheet: String, header: [String]) {
        sheets[table] = SheetPlace(workbook: workbook, sheet: sheet, header: header)
    }

    public var errors: [InputProblem] { problems.filter { $0.severity == .error } }
    public var warnings: [InputProblem] { problems.filter { $0.severity == .warning } }
    public var hasErrors: Bool { problems.contains { $0.severity == .error } }

    public mutating func add(_ problem: InputProblem) {
        guard let place = sheets[problem.file], problem.sheet == nil else {
            problems.append(problem)
            return
        }
        var located = problem
        located.file = place.workbook
        located.sheet = place.sheet
        located.column = problem.field.flatMap { place.header.firstIndex(of: $0) }
        problems.append(located)
    }

    public mutating func error(_ file: String, line: Int? = nil, field: String? = nil, _ message: String, hint: String? = nil) {
        add(InputProblem(.error, file: file, line: line, field: field, message: message, hint: hint))
    }

    public mutating func warning(_ file: String, line: Int? = nil, field: String? = nil, _ message: String, hint: String? = nil) {
        add(InputProblem(.warning, file: file, line: line, field: field, message: message, hint: hint))
    }

    /// Throws the first error, counting the others, if there is one.
    public func throwIfErrors() throws {
        let errors = self.errors
        if let first = errors.first { throw InputError(first, otherErrors: errors.count - 1) }
    }
}
