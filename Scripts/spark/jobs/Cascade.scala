package stakenet.spark

/** StakeNet's random numbers: xoshiro256** seeded by SplitMix64, one stream per run
  * (`SeededGenerator(seed:stream:)` in NetworkModel), so that a run here draws what StakeNet's run draws. */
final class SeededGenerator(seed: Long, stream: Long) {
  private var mixer = seed ^ (stream * 0xD1B54A32D192ED03L)
  private def splitMix(): Long = {
    mixer += 0x9E3779B97F4A7C15L
    var z = mixer
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL
    z ^ (z >>> 31)
  }
  private var s0 = splitMix()
  private var s1 = splitMix()
  private var s2 = splitMix()
  private var s3 = splitMix()

  def next(): Long = {
    val result = java.lang.Long.rotateLeft(s1 * 5, 7) * 9
    val t = s1 << 17
    s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t
    s3 = java.lang.Long.rotateLeft(s3, 45)
    result
  }

  /** A uniform double in [0, 1) with 53 random bits. */
  def nextUnit(): Double = (next() >>> 11).toDouble * 1.1102230246251565e-16
}

/** Expected independent-cascade spread from each stakeholder alone (StakeNet's `ReachFromEach`, the
  * `mean_reach` of `compare` and the report): in each run every arc is kept with its probability and the
  * reach of v is the number of stakeholders v reaches along kept arcs (Kempe, Kleinberg and Tardos,
  * KDD 2003). Arcs follow each tie's own direction; parallel ties combine as 1 − Π(1 − p). Run r draws
  * from stream r + 1 of the seed, in StakeNet's arc order, so the figures equal StakeNet's for the same
  * seed and runs. Runs are spread over Spark tasks; each task holds the arcs (12 bytes each, broadcast),
  * so the network must fit one executor's memory. Cost: O(runs · m · α(n)) when every arc has its reverse
  * (union–find), O(runs · Σ reach) otherwise. */
object Cascade {
  def run(export: Export, results: String, probability: Double, runs: Int, seed: Long): Unit = {
    import export.spark.implicits._
    val sc = export.spark.sparkContext
    val n = export.stakeholders.toInt
    val failure = if (probability >= 1) Double.PositiveInfinity else -math.log1p(-probability)
    val arcs = export.ties.filter(t => t._1 != t._2).flatMap { case (s, d, _, tieDirected) =>
      if (tieDirected) Seq(((s, d), 1)) else Seq(((s, d), 1), ((d, s), 1))
    }.reduceByKey(_ + _).collect().sortBy(_._1)
    val offsets = new Array[Int](n + 1)
    val targets = new Array[Int](arcs.length)
    val chance = new Array[Double](arcs.length)
    for (((s, d), count) <- arcs) offsets(s.toInt + 1) += 1
    for (v <- 0 until n) offsets(v + 1) += offsets(v)
    for ((((_, d), count), i) <- arcs.zipWithIndex) {
      targets(i) = d.toInt
      val hazard = failure * count
      chance(i) = if (hazard.isInfinite) 1.0 else -math.expm1(-hazard)
    }
    val symmetric = (0 until n).forall { u =>
      (offsets(u) until offsets(u + 1)).forall { p =>
        val v = targets(p)
        val back = java.util.Arrays.binarySearch(targets, offsets(v), offsets(v + 1), u)
        back >= 0 && chance(back) == chance(p)
      }
    }
    val graph = sc.broadcast((offsets, targets, chance))
    val slices = math.max(1, math.min(runs, sc.defaultParallelism * 4))
    val totals = sc.parallelize(0 until runs, slices).mapPartitions { runsHere =>
      val (offsets, targets, chance) = graph.value
      val sum = new Array[Long](n)
      val reach = new Array[Int](n)
      val parent = new Array[Int](n)
      val size = new Array[Int](n)
      val kept = new Array[Boolean](targets.length)
      val seen = new Array[Int](n)
      val queue = new Array[Int](math.max(n, 1))
      var stamp = 0
      def find(v: Int): Int = {
        var root = v
        while (parent(root) != root) root = parent(root)
        var x = v
        while (parent(x) != root) { val next = parent(x); parent(x) = root; x = next }
        root
      }
      for (run <- runsHere) {
        val generator = new SeededGenerator(seed, run.toLong + 1)
        if (symmetric) {
          for (v <- 0 until n) { parent(v) = v; size(v) = 1 }
          for (u <- 0 until n; p <- offsets(u) until offsets(u + 1)) {
            val v = targets(p)
            if (v > u && generator.nextUnit() < chance(p)) {
              var x = find(u); var y = find(v)
              if (x != y) {
                if (size(x) < size(y)) { val t = x; x = y; y = t }
                parent(y) = x; size(x) += size(y)
              }
            }
          }
          for (v <- 0 until n) reach(v) = size(find(v))
        } else {
          for (p <- targets.indices) kept(p) = generator.nextUnit() < chance(p)
          for (source <- 0 until n) {
            stamp += 1
            seen(source) = stamp; queue(0) = source
            var head = 0; var tail = 1
            while (head < tail) {
              val u = queue(head); head += 1
              var p = offsets(u)
              while (p < offsets(u + 1)) {
                if (kept(p)) { val v = targets(p); if (seen(v) != stamp) { seen(v) = stamp; queue(tail) = v; tail += 1 } }
                p += 1
              }
            }
            reach(source) = tail
          }
        }
        for (v <- 0 until n) sum(v) += reach(v)
      }
      Iterator(sum)
    }.treeReduce((a, b) => { for (i <- a.indices) a(i) += b(i); a })
    val means = sc.parallelize(totals.indices.map(v => (v.toLong, totals(v).toDouble / runs)), slices)
    Results.write(export, results, "reach", means.toDF("vid", "reach"))
  }
}
