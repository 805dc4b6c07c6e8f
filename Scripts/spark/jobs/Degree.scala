package stakenet.spark

import org.apache.spark.sql.functions.col

/** degree and strength, as StakeNet's `metrics`: degree counts distinct neighbours (in plus out when
  * directed); strength sums the ties' weights (in plus out when directed), parallel ties included,
  * self-loops left out. Cost: one pass over the arcs. */
object Degree {
  def degree(export: Export, results: String): Unit = {
    import export.spark.implicits._
    val byEnd = if (export.directed) export.arcs.flatMap { case ((s, d), _) => Seq((s, 1L), (d, 1L)) }
                else export.arcs.map { case ((s, _), _) => (s, 1L) }
    val counts = byEnd.reduceByKey(_ + _)
    val all = export.spark.sparkContext.range(0L, export.stakeholders).map(v => (v, 0L)).leftOuterJoin(counts)
      .map { case (v, (_, c)) => (v, c.getOrElse(0L)) }
    Results.write(export, results, "degree", all.toDF("vid", "degree"))
  }

  def strength(export: Export, results: String): Unit = {
    import export.spark.implicits._
    val byEnd = if (export.directed) export.arcs.flatMap { case ((s, d), w) => Seq((s, w), (d, w)) }
                else export.arcs.map { case ((s, _), w) => (s, w) }
    val sums = byEnd.reduceByKey(_ + _)
    val all = export.spark.sparkContext.range(0L, export.stakeholders).map(v => (v, 0.0)).leftOuterJoin(sums)
      .map { case (v, (_, s)) => (v, s.getOrElse(0.0)) }
    Results.write(export, results, "strength", all.toDF("vid", "strength"))
  }
}
