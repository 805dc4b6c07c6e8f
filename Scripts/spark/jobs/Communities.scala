package stakenet.spark

import org.apache.spark.graphx.lib.LabelPropagation

/** Label-propagation communities (GraphX's `LabelPropagation`, synchronous, `steps` rounds, ties read both
  * ways): Raghavan, Albert and Kumara, "Near linear time algorithm to detect community structures in
  * large-scale networks", Phys. Rev. E 76, 036106 (2007). A community is named by a vid. Synchronous
  * rounds can oscillate on near-bipartite parts, which is why the number of rounds is fixed; StakeNet
  * states the partition's modularity when it reads it back. Cost: O(m) per round. */
object Communities {
  def run(export: Export, results: String, steps: Int): Unit = {
    import export.spark.implicits._
    val labels = LabelPropagation.run(export.graph, steps).vertices
    Results.write(export, results, "community", labels.toDF("vid", "community"))
  }
}
