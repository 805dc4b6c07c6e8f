import NetworkModel

/// The named values of nodes or of edges as a format gives them, a column per name: each record's value
/// as a code into the column's distinct entries (0: not given). A value given as text is interned by its
/// bytes (with the type it was declared with), so a million edges of a few weights keep a few texts, and
/// each is typed once.
///
/// - Complexity: 4 bytes per record per column, plus the distinct entries.
struct RecordColumns: Sendable {
    /// A value as given: a typed value, or text to be typed (as declared, or as the column's texts allow).
    enum Entry: Sendable {
        case missing
        case typed(AttributeValue)
        case text(String, DeclaredType?)
    }

    struct Column: Sendable {
        let name: String
        /// Each record's entry (0 for none); records past the end have none.
        var codes: [Int32] = []
        var entries: [Entry] = [.missing]
        /// Texts by their bytes, one interner per declared type (`DeclaredType.tag`; 0 for none), with the
        /// entry of each interned text.
        var texts: [ByteInterner?] = Array(repeating: nil, count: 6)
        var entryOfText: [[Int32]] = Array(repeating: [], count: 6)
        var typedEntries: [AttributeValue: Int32] = [:]

        init(name: String) { self.name = name }

        /// The entry of `record`.
        func entry(of record: Int) -> Int32 { record < codes.count ? codes[record] : 0 }

        mutating func set(_ entry: Int32, of record: Int) {
            if record >= codes.count { codes.append(contentsOf: repeatElement(0, count: record + 1 - codes.count)) }
            codes[record] = entry
        }
    }

    private(set) var columns: [Column] = []
    private var byName: [String: Int] = [:]

    /// The number of the column `name`, made when first asked for.
    mutating func column(named name: String) -> Int {
        if let number = byName[name] { return number }
        byName[name] = columns.count
        columns.append(Column(name: name))
        return columns.count - 1
    }

    /// Gives `record` the text `bytes` in column `number`, to be typed as `type` (or as the column's texts allow).
    mutating func setText(_ bytes: UnsafeBufferPointer<UInt8>, type: DeclaredType?, column number: Int, record: Int) {
        let tag = Int(type?.tag ?? 0)
        if columns[number].texts[tag] == nil { columns[number].texts[tag] = ByteInterner() }
        let code = columns[number].texts[tag]!.intern(bytes)
        if Int(code) == columns[number].entryOfText[tag].count {
            columns[number].entryOfText[tag].append(Int32(columns[number].entries.count))
            columns[number].entries.append(.text(String(decoding: bytes, as: UTF8.self), type))
        }
        columns[number].set(columns[number].entryOfText[tag][Int(code)], of: record)
    }

    mutating func setText(_ text: String, type: DeclaredType?, column number: Int, record: Int) {
        var text = text
        text.withUTF8 { setText($0, type: type, column: number, record: record) }
    }

    /// Gives `record` a typed value in column `number`.
    mutating func setTyped(_ value: AttributeValue, column number: Int, record: Int) {
        let entry: Int32
        if let known = columns[number].typedEntries[value] {
            entry = known
        } else {
            entry = Int32(columns[number].entries.count)
            columns[number].entries.append(.typed(value))
            columns[number].typedEntries[value] = entry
        }
        columns[number].set(entry, of: record)
    }

    mutating func set(_ value: NetworkRecords.Value, name: String, record: Int) {
        let number = column(named: name)
        switch value {
        case .typed(let typed): setTyped(typed, column: number, record: record)
        case .text(let text): setText(text, type: nil, column: number, record: record)
        }
    }

    /// Drops a column (its values are read some other way).
    mutating func remove(named name: String) {
        guard let number = byName[name] else { return }
        columns.remove(at: number)
        byName = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1.name, $0) })
    }

    func number(of name: String) -> Int? { byName[name] }

    /// Each entry of column `number` as a value: typed values as given, declared texts as declared, and
    /// the other texts as the narrowest type every one of them fits (as a spreadsheet's column is typed).
    func values(of number: Int) -> [AttributeValue] {
        let column = columns[number]
        let untyped = column.entries.compactMap { entry -> String? in
            if case .text(let text, nil) = entry { return text }
            return nil
        }
        let inferred = untyped.isEmpty ? AttributeType.text : AttributeParsing.inferType(of: untyped)
        return column.entries.map { entry in
            switch entry {
            case .missing: return .missing
            case .typed(let value): return value
            case .text(let text, let declared?): return declared.value(text)
            case .text(let text, nil): return AttributeParsing.value(text, as: inferred)
            }
        }
    }
}

extension DeclaredType {
    /// A byte naming the type, for interning a text with its type.
    var tag: UInt8 {
        switch self {
        case .integer: return 1
        case .number: return 2
        case .boolean: return 3
        case .list: return 4
        case .text: return 5
        }
    }
}
