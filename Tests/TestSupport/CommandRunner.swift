import Foundation

/// Runs the built `stakenet` binary, as a user would.
public struct CommandResult: Sendable {
    public let status: Int32
    public let standardOutput: String
    public let standardError: String
    /// Whether the process ended through a signal (a crash) rather than `exit`.
    public let wasSignalled: Bool
}

public enum StakenetBinary {
    /// The `stakenet` built beside the test bundle.
    public static var url: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("stakenet")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        for configuration in ["debug", "release"] {
            let built = Fixtures.packageRoot.appendingPathComponent(".build/\(configuration)/stakenet")
            if FileManager.default.isExecutableFile(atPath: built.path) { return built }
        }
        return beside
    }

    /// Runs `stakenet ARGUMENTS` in `directory` (the package root by default).
    /// `environment` adds to (or replaces in) this process's environment.
    public static func run(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:]) throws -> CommandResult {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if !environment.isEmpty {
            var merged = ProcessInfo.processInfo.environment
            for (key, value) in environment { merged[key] = value }
            process.environment = merged
        }
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? Fixtures.packageRoot.path)
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read both pipes while the process runs, so a large output cannot block it.
        let errorBox = DataBox()
        let done = DispatchSemaphore(value: 0)
        let errorHandle = error.fileHandleForReading
        DispatchQueue.global().async {
            errorBox.data = errorHandle.readDataToEndOfFile()
            done.signal()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        let errorData = errorBox.data
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus,
                             standardOutput: String(decoding: outputData, as: UTF8.self),
                             standardError: String(decoding: errorData, as: UTF8.self),
                             wasSignalled: process.terminationReason == .uncaughtSignal)
    }
}

private final class DataBox: @unchecked Sendable {
    var data = Data()
}
