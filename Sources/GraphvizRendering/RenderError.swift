import Foundation

/// A failure of Graphviz: a message of its own, a crash, or a time-out.
public struct RenderError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        /// Graphviz refused the input with a message (a syntax error, a layout it cannot make).
        case refused
        /// The Graphviz worker ended on a signal (6: abort, 11: segmentation fault …) or an unexpected status.
        case crashed(signal: Int32)
        /// The Graphviz worker ran past its time limit and was stopped.
        case timedOut(seconds: Double)
        /// The Graphviz worker could not be found or started.
        case workerUnavailable
    }

    public let reason: Reason
    /// What happened, in a sentence (Graphviz's own message when it gave one).
    public let message: String
    /// The line Graphviz named, when it named one.
    public let line: Int?

    public init(reason: Reason, message: String, line: Int? = nil) {
        self.reason = reason
        self.message = message
        self.line = line
    }

    /// Whether Graphviz stopped without a message of its own (a crash or a time-out), so that a safer
    /// setting may succeed where this one failed.
    public var isCrashOrTimeOut: Bool {
        switch reason {
        case .crashed, .timedOut: true
        case .refused, .workerUnavailable: false
        }
    }

    public var description: String {
        reason == .refused ? "Graphviz: \(message)" : message
    }

    /// The message for a worker that stopped, naming what it was doing (`laying out map.png with neato`).
    static func stopped(_ termination: ChildProcess.Termination, doing task: String, diagnostics: String) -> RenderError {
        let detail = diagnostics.isEmpty ? "" : " (Graphviz said: \(diagnostics))"
        switch termination {
        case let .signalled(signal):
            let name = strsignal(signal).map { String(cString: $0) } ?? "signal \(signal)"
            return RenderError(reason: .crashed(signal: signal), message: "Graphviz crashed (signal \(signal), \(name)) \(task)\(detail)")
        case let .exited(status):
            return RenderError(reason: .crashed(signal: 0), message: "the Graphviz worker stopped with status \(status) \(task)\(detail)")
        case .timedOut:
            return RenderError(reason: .timedOut(seconds: 0), message: "Graphviz ran out of time \(task)")
        }
    }
}

/// Where Graphviz runs. Graphviz is neither thread-safe nor crash-free (DESIGN.md): by default it runs in a
/// worker process (`stakenet-render`), so that a crash, an abort or a hang becomes a `RenderError` and leaves
/// this process and its memory untouched. In-process rendering is an explicit choice: faster by the cost of
/// starting a process (a few milliseconds), but a Graphviz crash then ends the calling program.
public enum GraphvizIsolation: Sendable, Equatable {
    /// In a child process, stopped after `timeout` seconds. `program` is the worker to run (`nil`: found
    /// as `GraphvizWorkerClient.locateWorker` says: `$STAKENET_RENDER_WORKER`, beside this program, or on `PATH`).
    case worker(timeout: Double, program: String? = nil)
    /// In this process, every call under one lock.
    case inProcess

    /// A worker with a generous time limit: 10 minutes (the largest maps of docs/SCALING.md take under 2).
    public static let standard = GraphvizIsolation.worker(timeout: 600)
}
