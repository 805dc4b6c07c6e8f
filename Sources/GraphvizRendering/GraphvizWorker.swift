import Foundation

/// The worker's side of `GraphvizWorkerProtocol`: what `stakenet-render FOLDER` does. It runs Graphviz in
/// its own process, so that whatever Graphviz does to memory ends with the process.
public enum GraphvizWorker {
    /// Serves the request in the folder named by the one argument; returns the exit status.
    public static func serve(arguments: [String]) -> Int32 {
        guard arguments.count == 1 else {
            FileHandle.standardError.write(Data("usage: stakenet-render FOLDER (a request folder written by StakeNet)\n".utf8))
            return GraphvizWorkerRequest.ExitStatus.badRequest
        }
        let folder = URL(fileURLWithPath: arguments[0], isDirectory: true)
        guard let requestData = try? Data(contentsOf: folder.appendingPathComponent(GraphvizWorkerRequest.requestFile)),
              let request = try? JSONDecoder().decode(GraphvizWorkerRequest.self, from: requestData),
              let input = try? Data(contentsOf: folder.appendingPathComponent(GraphvizWorkerRequest.inputFile)) else {
            FileHandle.standardError.write(Data("stakenet-render: no readable request in \(folder.path)\n".utf8))
            return GraphvizWorkerRequest.ExitStatus.badRequest
        }
        let output = folder.appendingPathComponent(GraphvizWorkerRequest.outputFile)
        do {
            switch request.operation {
            case .render:
                try GraphvizEngine.render(dot: String(decoding: input, as: UTF8.self), engine: request.engine, format: request.format,
                                          seed: request.seed, to: output.path)
            case .parse:
                let parsed = try GraphvizEngine.parse(input, name: request.name)
                try JSONEncoder().encode(parsed).write(to: output)
            }
            return GraphvizWorkerRequest.ExitStatus.success
        } catch let error as RenderError {
            let failure = GraphvizWorkerFailure(message: error.message, line: error.line)
            try? JSONEncoder().encode(failure).write(to: folder.appendingPathComponent(GraphvizWorkerRequest.errorFile))
            return GraphvizWorkerRequest.ExitStatus.refused
        } catch {
            let failure = GraphvizWorkerFailure(message: "the Graphviz worker could not write its output: \(error.localizedDescription)", line: nil)
            try? JSONEncoder().encode(failure).write(to: folder.appendingPathComponent(GraphvizWorkerRequest.errorFile))
            return GraphvizWorkerRequest.ExitStatus.refused
        }
    }
}
