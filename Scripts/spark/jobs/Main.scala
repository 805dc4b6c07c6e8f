package stakenet.spark

import java.io.File

import org.apache.spark.sql.SparkSession

/** Runs StakeNet's jobs on an export: `Main EXPORT RESULTS [job …] [name=value …]`.
  * Jobs: degree, strength, pagerank, component, strong_component (directed networks), community, reach.
  * Settings: steps=10 (label propagation), probability=0.1, runs=1000, seed=1 (reach; StakeNet's defaults). */
object Main {
  val jobs = Seq("degree", "strength", "pagerank", "component", "strong_component", "community", "reach")

  def main(arguments: Array[String]): Unit = {
    if (arguments.length < 2) { System.err.println("usage: Main EXPORT RESULTS [job …] [name=value …]"); sys.exit(2) }
    val Array(folder, results) = arguments.take(2)
    val (settingArgs, jobArgs) = arguments.drop(2).partition(_.contains("="))
    val settings = settingArgs.map { s => val Array(k, v) = s.split("=", 2); k -> v }.toMap
    val unknown = jobArgs.filterNot(jobs.contains)
    if (unknown.nonEmpty) { System.err.println(s"unknown job ${unknown.mkString(", ")}; jobs: ${jobs.mkString(", ")}"); sys.exit(2) }
    new File(results).mkdirs()
    val spark = SparkSession.builder.appName("stakenet").getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    val export = new Export(spark, folder)
    val wanted = if (jobArgs.isEmpty) jobs.filter(j => j != "strong_component" || export.directed) else jobArgs.toSeq
    for (job <- wanted) {
      val started = System.nanoTime()
      job match {
        case "degree" => Degree.degree(export, results)
        case "strength" => Degree.strength(export, results)
        case "pagerank" => PageRank.run(export, results)
        case "component" => Components.weak(export, results)
        case "strong_component" =>
          if (!export.directed) { System.err.println("stakenet-spark: strong_component needs a directed network"); sys.exit(1) }
          Components.strong(export, results)
        case "community" => Communities.run(export, results, settings.getOrElse("steps", "10").toInt)
        case "reach" => Cascade.run(export, results, settings.getOrElse("probability", "0.1").toDouble,
                                    settings.getOrElse("runs", "1000").toInt, settings.getOrElse("seed", "1").toLong)
      }
      System.err.println(f"stakenet-spark: $job%s done in ${(System.nanoTime() - started) / 1e9}%.1f s -> $results/$job.csv")
    }
    spark.stop()
  }
}
