# Freeman centralizations of the reference datasets as R's sna computes them, for StakeNet's tests.
# Run through Scripts/reference-values (it writes Tests/Fixtures/reference/centralization.json);
# reads the datasets Scripts/reference/values.py wrote. Unweighted, no loops, sna's defaults.
suppressMessages(library(sna))
args <- commandArgs(trailingOnly = TRUE)
folder <- args[1]
datasets <- sort(list.files(file.path(folder, "datasets")))
number <- function(x) if (is.na(x) || is.nan(x)) "null" else sprintf("%.17g", x)
entries <- c()
for (name in datasets) {
  base <- file.path(folder, "datasets", name)
  nodes <- read.csv(file.path(base, "nodes.csv"), colClasses = "character")$id
  edges <- read.csv(file.path(base, "edges.csv"), colClasses = "character")
  directed <- grepl('"directed": true', paste(readLines(file.path(base, "network.json")), collapse = ""))
  n <- length(nodes)
  m <- matrix(0, n, n)
  index <- setNames(seq_len(n), nodes)
  for (i in seq_len(nrow(edges))) {
    s <- index[[edges$source[i]]]; t <- index[[edges$target[i]]]
    m[s, t] <- 1
    if (!directed) m[t, s] <- 1
  }
  mode <- if (directed) "digraph" else "graph"
  fields <- c(
    sprintf('"degree": %s', number(centralization(m, degree, mode = mode))),
    sprintf('"betweenness": %s', number(centralization(m, betweenness, mode = mode))),
    sprintf('"closeness": %s', number(centralization(m, closeness, mode = mode))))
  if (directed) {
    fields <- c(fields,
      sprintf('"in_degree": %s', number(centralization(m, degree, mode = mode, cmode = "indegree"))),
      sprintf('"out_degree": %s', number(centralization(m, degree, mode = mode, cmode = "outdegree"))))
  }
  entries <- c(entries, sprintf('  "%s": {%s}', name, paste(fields, collapse = ", ")))
}
writeLines(c("{", paste(entries, collapse = ",\n"), "}"), file.path(folder, "centralization.json"))
