import Foundation
import NetworkIO

/// Sending a command's result to standard output or, atomically, to the file given with `-o`.
enum Output {
    static func emit(_ text: String, to path: String?, inputs: [String]) throws {
        guard let path else {
            Terminal.write(text)
            return
        }
        try OutputFile.write(Data(text.utf8), to: path, inputs: inputs)
    }
}

enum JSONOutput {
    /// Pretty JSON; `sortedKeys` for documents built from dictionaries, so their output is stable.
    static func encode<T: Encodable>(_ value: T, sortedKeys: Bool = false) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = sortedKeys ? [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys] : [.prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
