import Foundation

/// The protocol between StakeNet and its Graphviz worker (`stakenet-render FOLDER`): one request per
/// process, exchanged through files in a private folder, so no pipe can fill up and nothing is parsed
/// from a stream Graphviz might also write to.
///
/// - `FOLDER/request.json`: a `GraphvizWorkerRequest`;
/// - `FOLDER/input`: the DOT text (bytes as given);
/// - on success (exit status 0): `FOLDER/output`, the rendered picture, or the parsed graph as JSON;
/// - when Graphviz refuses the input (exit status 1): `FOLDER/error.json`, a `GraphvizWorkerFailure`;
/// - a malformed request: exit status 2; a crash: the signal that ended the worker.
/// Whatever Graphviz writes to standard error is kept in `FOLDER/stderr`, never shown as it is.
struct GraphvizWorkerRequest: Codable, Equatable {
    enum Operation: String, Codable {
        /// Lay out and render `input` with `engine` in `format`.
        case render
        /// Parse `input` with cgraph and return its nodes, edges and attributes.
        case parse
    }

    var operation: Operation
    var engine: String = ""
    var format: String = ""
    var seed: Int = 1
    /// The input's name in Graphviz's messages (a file name when parsing).
    var name: String = "diagram"

    static let requestFile = "request.json"
    static let inputFile = "input"
    static let outputFile = "output"
    static let errorFile = "error.json"
    static let standardOutputFile = "stdout"
    static let standardErrorFile = "stderr"

    enum ExitStatus {
        static let success: Int32 = 0
        static let refused: Int32 = 1
        static let badRequest: Int32 = 2
    }
}

/// Graphviz's own message when it refused the input.
struct GraphvizWorkerFailure: Codable, Equatable {
    var message: String
    var line: Int?
}
