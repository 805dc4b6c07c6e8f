package stakenet.spark

/** Weak components (GraphX's `connectedComponents`, ties read both ways) and, on directed networks, strong
  * components (GraphX's `stronglyConnectedComponents`). Each stakeholder's component is named by the
  * smallest vid in it. Cost: O(m) messages per round; rounds up to the diameter (weak) and repeated
  * trimming and colouring (strong). */
object Components {
  def weak(export: Export, results: String): Unit = {
    import export.spark.implicits._
    val labels = export.graph.connectedComponents().vertices
    Results.write(export, results, "component", labels.toDF("vid", "component"))
  }

  def strong(export: Export, results: String): Unit = {
    import export.spark.implicits._
    val labels = export.graph.stronglyConnectedComponents(Int.MaxValue).vertices
    Results.write(export, results, "strong_component", labels.toDF("vid", "strong_component"))
  }
}
