import Foundation

/// Writing to the terminal: results to standard output, messages to standard error.
enum Terminal {
    enum Stream { case standardOutput, standardError }

    static func write(_ text: String, to stream: Stream = .standardOutput) {
        let handle = stream == .standardOutput ? FileHandle.standardOutput : FileHandle.standardError
        handle.write(Data(text.utf8))
    }

    static func error(_ message: String) {
        write("stakenet: error: \(message)\n", to: .standardError)
    }

    /// What the tool did that the user should know of (a selection's size): `stakenet: message`.
    static func note(_ message: String) {
        write("stakenet: \(message)\n", to: .standardError)
    }

    static func warning(_ message: String) {
        write("stakenet: warning: \(message)\n", to: .standardError)
    }
}
