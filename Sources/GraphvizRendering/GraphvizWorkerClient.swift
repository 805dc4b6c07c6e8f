import Foundation

/// StakeNet's side of `GraphvizWorkerProtocol`: runs one request in a `stakenet-render` process.
enum GraphvizWorkerClient {
    /// The environment variable naming the worker program, for installs that keep it elsewhere.
    static let environmentVariable = "STAKENET_RENDER_WORKER"
    static let programName = "stakenet-render"

    /// Runs `request` on `input` and returns the worker's output; `task` names the work in messages
    /// (`laying out map.png with neato`).
    static func perform(_ request: GraphvizWorkerRequest, input: Data, timeout: Double, program: String? = nil, task: String) throws -> Data {
        let worker = try program ?? locateWorker()
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("stakenet-graphviz-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)", isDirectory: true)
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            try JSONEncoder().encode(request).write(to: folder.appendingPathComponent(GraphvizWorkerRequest.requestFile))
            try input.write(to: folder.appendingPathComponent(GraphvizWorkerRequest.inputFile))
        } catch {
            try? manager.removeItem(at: folder)
            throw RenderError(reason: .workerUnavailable, message: "could not prepare the Graphviz worker's folder in \(manager.temporaryDirectory.path): \(error.localizedDescription)")
        }
        defer { try? manager.removeItem(at: folder) }
        let file = { (name: String) in folder.appendingPathComponent(name).path }

        let termination: ChildProcess.Termination
        do {
            // No backtrace from Swift's runtime when Graphviz crashes: the signal is what we report.
            termination = try ChildProcess.run(worker, arguments: [folder.path], environment: ["SWIFT_BACKTRACE": "enable=no"],
                                               outputPath: file(GraphvizWorkerRequest.standardOutputFile),
                                               errorPath: file(GraphvizWorkerRequest.standardErrorFile), timeout: timeout)
        } catch let error as ChildProcess.SpawnError {
            throw RenderError(reason: .workerUnavailable, message: "could not start the Graphviz worker \(worker): \(error.description)")
        }
        switch termination {
        case .exited(GraphvizWorkerRequest.ExitStatus.success):
            guard let output = try? Data(contentsOf: URL(fileURLWithPath: file(GraphvizWorkerRequest.outputFile))) else {
                throw RenderError(reason: .crashed(signal: 0), message: "the Graphviz worker wrote no output \(task)")
            }
            return output
        case .exited(GraphvizWorkerRequest.ExitStatus.refused):
            if let data = try? Data(contentsOf: URL(fileURLWithPath: file(GraphvizWorkerRequest.errorFile))),
               let failure = try? JSONDecoder().decode(GraphvizWorkerFailure.self, from: data) {
                throw RenderError(reason: .refused, message: failure.message, line: failure.line)
            }
            throw RenderError.stopped(termination, doing: task, diagnostics: diagnostics(file(GraphvizWorkerRequest.standardErrorFile)))
        case .timedOut:
            throw RenderError(reason: .timedOut(seconds: timeout),
                              message: "Graphviz ran past its time limit of \(formatSeconds(timeout)) \(task) and was stopped")
        default:
            throw RenderError.stopped(termination, doing: task, diagnostics: diagnostics(file(GraphvizWorkerRequest.standardErrorFile)))
        }
    }

    /// The last line Graphviz (or the C library) printed before stopping, cut to 200 characters.
    private static func diagnostics(_ path: String) -> String {
        // An empty file is not read: Foundation leaks a buffer reading one (Swift 6.3, Linux).
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > 0,
              let data = try? Data(contentsOf: URL(fileURLWithPath: path)) else { return "" }
        let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let last = lines.last(where: { !$0.isEmpty }) else { return "" }
        return last.count > 200 ? String(last.prefix(199)) + "…" : last
    }

    static func formatSeconds(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? "\(Int(seconds)) s" : String(format: "%.1f s", seconds)
    }

    /// The worker program: `$STAKENET_RENDER_WORKER`, else `stakenet-render` beside the running program
    /// (the tool, a test bundle, or an application that ships both), else on `PATH`.
    static func locateWorker() throws -> String {
        let manager = FileManager.default
        var looked: [String] = []
        if let configured = ProcessInfo.processInfo.environment[environmentVariable], !configured.isEmpty {
            if manager.isExecutableFile(atPath: configured) { return configured }
            throw RenderError(reason: .workerUnavailable,
                              message: "\(environmentVariable) names \(configured), which is not an executable program")
        }
        if let executable = runningExecutable() {
            let beside = ((executable as NSString).deletingLastPathComponent as NSString).appendingPathComponent(programName)
            if manager.isExecutableFile(atPath: beside) { return beside }
            looked.append((beside as NSString).deletingLastPathComponent)
        }
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) where !folder.isEmpty {
            let candidate = (folder as NSString).appendingPathComponent(programName)
            if manager.isExecutableFile(atPath: candidate) { return candidate }
        }
        looked.append("PATH")
        throw RenderError(reason: .workerUnavailable, message: "cannot find the Graphviz worker '\(programName)' (looked in \(looked.joined(separator: ", "))): "
            + "install it beside stakenet (swift build builds both), set \(environmentVariable) to its path, "
            + "or render in this process (GraphvizIsolation.inProcess)")
    }

    private static func runningExecutable() -> String? {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #endif
        return Bundle.main.executablePath ?? CommandLine.arguments.first
    }
}
