package stakenet.spark

import org.apache.spark.HashPartitioner

/** PageRank as StakeNet's `metrics` (and NetworkX's `pagerank`): unweighted, damping `alpha`, a stakeholder
  * without out-going ties jumps uniformly, power iteration from the uniform vector until the L1 change is
  * below the tolerance (the vector sums to 1); both from network.properties. GraphX's own `pageRank`
  * rescales instead of spreading the rank of dangling vertices uniformly (a different fixed point), and
  * Pregel has no global sum for that rank, so the iteration is written on the arcs of the export's GraphX
  * graph as co-partitioned RDDs (one shuffle per iteration; the lineage is cut every 10 iterations).
  * Cost: O(m) per iteration; about log(tolerance) / log(alpha) iterations (170 at 1e-12). */
object PageRank {
  def run(export: Export, results: String): Unit = {
    import export.spark.implicits._
    val sc = export.spark.sparkContext
    val alpha = export.setting("pagerank.damping")
    val tolerance = export.setting("pagerank.tolerance")
    val n = export.stakeholders.toDouble
    val partitioner = new HashPartitioner(math.max(2, export.graph.edges.getNumPartitions))
    val links = export.graph.edges.map(e => (e.srcId, e.dstId)).groupByKey(partitioner).mapValues(_.toArray).cache()
    // (rank, is dangling)
    var ranks = sc.range(0L, export.stakeholders).map(v => (v, 0)).partitionBy(partitioner)
      .leftOuterJoin(links).mapValues { case (_, out) => (1 / n, out.isEmpty) }.cache()
    var dangling = ranks.map { case (_, (r, d)) => if (d) r else 0.0 }.sum()
    var iteration = 0
    var change = Double.MaxValue
    while (change >= tolerance && iteration < 1000) {
      val base = alpha * dangling / n + (1 - alpha) / n
      val received = links.join(ranks).flatMap { case (_, (targets, (r, _))) => val share = r / targets.length; targets.iterator.map(t => (t, share)) }
        .reduceByKey(partitioner, _ + _)
      val next = ranks.leftOuterJoin(received).mapValues { case ((r, d), sum) => (alpha * sum.getOrElse(0.0) + base, d, r) }.cache()
      iteration += 1
      if (iteration % 10 == 0) next.localCheckpoint()
      val (delta, danglingMass) = next.map { case (_, (r, d, previous)) => (math.abs(r - previous), if (d) r else 0.0) }
        .fold((0.0, 0.0))((a, b) => (a._1 + b._1, a._2 + b._2))
      ranks.unpersist(blocking = false)
      ranks = next.mapValues { case (r, d, _) => (r, d) }.cache()
      change = delta
      dangling = danglingMass
      if (iteration % 25 == 0) System.err.println(s"stakenet-spark: pagerank iteration $iteration, L1 change $change")
    }
    if (change >= tolerance) sys.error(s"pagerank did not converge in $iteration iterations (L1 change $change, tolerance $tolerance)")
    System.err.println(s"stakenet-spark: pagerank converged in $iteration iterations (L1 change $change)")
    Results.write(export, results, "pagerank", ranks.map { case (v, (r, _)) => (v, r) }.toDF("vid", "pagerank"))
  }
}
