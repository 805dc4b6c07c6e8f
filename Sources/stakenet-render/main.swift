import Foundation
import GraphvizRendering

// The Graphviz worker: StakeNet runs every layout, render and DOT parse in a process of this program, so
// that a crash of Graphviz becomes an error in StakeNet (GraphvizWorkerProtocol.swift).
exit(GraphvizWorker.serve(arguments: Array(CommandLine.arguments.dropFirst())))
