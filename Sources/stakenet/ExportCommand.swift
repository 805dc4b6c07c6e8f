import ArgumentParser
import Foundation
import NetworkIO
import NetworkModel

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a network as tables for a distributed graph engine (Spark's GraphX).",
        discussion: """
        --spark OUT writes a folder Spark reads directly: vertices.csv (vid,id,label,kind,sector; vid is a dense
        vertex number 0 … n-1), edges.csv (src,dst,kind,weight,directed,start,end; one row per tie), and
        network.properties (direction, counts, the PageRank settings StakeNet uses), with a README. Large
        networks are written streaming. Scripts/spark/run then computes degree, strength, PageRank,
        components, label-propagation communities and cascade reach on GraphX; stakenet metrics --scores and
        stakenet report --scores read the results back.

        Examples:
          stakenet export register.csv --spark register-spark
          Scripts/spark/run 'local[2]' register-spark register-results
          stakenet report register.csv --scores register-results -o report.html
        """
    )

    @OptionGroup var input: NetworkOptions

    @Option(help: ArgumentHelp("The folder to write the Spark tables into (created; an earlier export there is replaced).", valueName: "folder"))
    var spark: String

    func run() throws {
        let network = try input.load()
        let progress = Progress(quiet: input.quiet)
        defer { progress.done() }
        progress.say("writing \(network.stakeholderCount) stakeholders and \(network.tieCount) ties for Spark")
        try SparkExport.write(network, toFolder: spark, inputs: [input.network])
    }
}
