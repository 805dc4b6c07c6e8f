import ArgumentParser
import GraphvizRendering

/// How Graphviz runs for the commands that draw: always in a worker process, with a time limit.
struct GraphvizOptions: ParsableArguments {
    @Option(name: .customLong("render-timeout"), help: ArgumentHelp("Seconds Graphviz may take for one map before it is stopped.", valueName: "seconds"))
    var renderTimeout: Double = 600

    func validate() throws {
        guard renderTimeout > 0, renderTimeout.isFinite else { throw ValidationError("--render-timeout takes a number of seconds above 0") }
    }

    var isolation: GraphvizIsolation { .worker(timeout: renderTimeout) }
}
