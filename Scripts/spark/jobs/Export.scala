package stakenet.spark

import java.io.{File, FileInputStream}
import java.nio.file.{Files, StandardCopyOption}
import java.util.Properties

import org.apache.spark.graphx.{Edge, Graph}
import org.apache.spark.rdd.RDD
import org.apache.spark.sql.{DataFrame, SparkSession}
import org.apache.spark.sql.functions.col

/** A folder written by `stakenet export --spark`: its settings, its stakeholders and its ties. */
final class Export(val spark: SparkSession, val folder: String) {
  val settings: Properties = {
    val properties = new Properties()
    val in = new FileInputStream(new File(folder, "network.properties"))
    try properties.load(in) finally in.close()
    properties
  }
  val directed: Boolean = settings.getProperty("directed") == "true"
  val stakeholders: Long = settings.getProperty("stakeholders").toLong
  def setting(name: String): Double = settings.getProperty(name).toDouble

  private def table(name: String): DataFrame =
    spark.read.option("header", "true").option("escape", "\"").option("mode", "FAILFAST").csv(new File(folder, name).getPath)

  /** vid → stakeholder id. */
  lazy val ids: DataFrame = table("vertices.csv").select(col("vid").cast("long").as("vid"), col("id"))

  /** Every recorded tie: (src, dst, weight, the tie's own direction). */
  lazy val ties: RDD[(Long, Long, Double, Boolean)] =
    table("edges.csv").select(col("src").cast("long"), col("dst").cast("long"), col("weight").cast("double"), col("directed"))
      .rdd.map(r => (r.getLong(0), r.getLong(1), if (r.isNullAt(2)) 1.0 else r.getDouble(2), r.getString(3) == "true"))

  /** The arcs of StakeNet's graph with their summed strengths: self-loops left out; a tie gives both arcs
    * when the network is undirected or the tie runs both ways; parallel arcs combined (`GraphSelection`'s
    * defaults). */
  lazy val arcs: RDD[((Long, Long), Double)] = {
    val undirectedGraph = !directed
    val n = stakeholders
    // Keyed by one number, src · n + dst: shuffling boxed pairs was many times slower.
    ties.filter(t => t._1 != t._2).flatMap { case (s, d, w, tieDirected) =>
      if (undirectedGraph || !tieDirected) Iterator((s * n + d, w), (d * n + s, w)) else Iterator((s * n + d, w))
    }.reduceByKey(_ + _).map { case (key, w) => ((key / n, key % n), w) }.cache()
  }

  /** The graph on GraphX: every stakeholder a vertex (isolated ones too), one edge per arc with its strength. */
  lazy val graph: Graph[Int, Double] = {
    val vertices = spark.sparkContext.range(0L, stakeholders).map(v => (v, 0))
    Graph(vertices, arcs.map { case ((s, d), w) => Edge(s, d, w) }, 0).cache()
  }
}

/** Writing a job's result as one CSV file with a header, `id` first, in the results folder. */
object Results {
  def write(export: Export, results: String, job: String, scores: DataFrame): Unit = {
    val staging = new File(results, s".$job.parts")
    deleteTree(staging)
    val joined = export.ids.join(scores, "vid").orderBy("vid").drop("vid")
    joined.coalesce(1).write.option("header", "true").option("escape", "\"").csv(staging.getPath)
    val part = staging.listFiles().find(f => f.getName.startsWith("part-") && f.getName.endsWith(".csv"))
      .getOrElse(sys.error(s"Spark wrote no table for $job"))
    Files.move(part.toPath, new File(results, s"$job.csv").toPath, StandardCopyOption.REPLACE_EXISTING)
    deleteTree(staging)
  }

  def deleteTree(file: File): Unit = {
    if (file.isDirectory) Option(file.listFiles()).foreach(_.foreach(deleteTree))
    file.delete()
  }
}
