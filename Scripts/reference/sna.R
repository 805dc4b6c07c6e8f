# Freeman centralizations of the reference datasets as R's sna computes them, for StakeNet's tests.
# Run through Scripts/reference-values (it writes Tests/Fixtures/reference/centralization.json);
# reads the datasets Scripts/reference/values.py wrote. Unweighted, no loops, sna's defaults.
suppressMessages(library(sna))
args <- commandArgs(trailingOnly = TRUE)
folder <- args[1]
# args[2]: the bundled network Networks/mutuals-research.
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

# Transitivity as sna's gtrans (measure "weak"), directed ("digraph") and of the undirected view ("graph").
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
    if (s != t) { m[s, t] <- 1; if (!directed) m[t, s] <- 1 }
  }
  both <- pmax(m, t(m))
  fields <- sprintf('"graph": %s', number(gtrans(both, mode = "graph", measure = "weak")))
  if (directed) fields <- c(fields, sprintf('"digraph": %s', number(gtrans(m, mode = "digraph", measure = "weak"))))
  entries <- c(entries, sprintf('  "%s": {%s}', name, paste(fields, collapse = ", ")))
}
writeLines(c("{", paste(entries, collapse = ",\n"), "}"), file.path(folder, "gtrans.json"))

# Gould-Fernandez brokerage (sna's brokerage()) on every dataset with a grouping, and the bundled network.
brokerage_cases <- list(
  list(name = "karate", folder = file.path(folder, "datasets", "karate"), by = "club"),
  list(name = "davis", folder = file.path(folder, "datasets", "davis"), by = "kind"),
  list(name = "gnp-strong", folder = file.path(folder, "datasets", "gnp-strong"), by = "group"),
  list(name = "directed-components", folder = file.path(folder, "datasets", "directed-components"), by = "group"),
  list(name = "groups-missing", folder = file.path(folder, "datasets", "groups-missing"), by = "group"),
  list(name = "mutuals-research", folder = args[2], by = "kind"))
dir.create(file.path(folder, "brokerage"), showWarnings = FALSE)
cell <- function(x) ifelse(is.finite(x), sprintf("%.17g", x), "NA")
for (case in brokerage_cases) {
  nodes <- read.csv(file.path(case$folder, "nodes.csv"), colClasses = "character", na.strings = c("", "NA"))
  edges <- read.csv(file.path(case$folder, "edges.csv"), colClasses = "character")
  directed <- grepl('"directed": true', paste(readLines(file.path(case$folder, "network.json")), collapse = ""))
  n <- nrow(nodes)
  index <- setNames(seq_len(n), nodes$id)
  m <- matrix(0, n, n)
  for (i in seq_len(nrow(edges))) {
    s <- index[[edges$source[i]]]; t <- index[[edges$target[i]]]
    if (s != t) { m[s, t] <- 1; if (!directed) m[t, s] <- 1 }
  }
  groups <- nodes[[case$by]]
  # A stakeholder without a group takes part in no triad: brokerage of the network among the others.
  keep <- !is.na(groups)
  b <- brokerage(m[keep, keep, drop = FALSE], groups[keep])
  roles <- c("coordinator", "consultant", "representative", "gatekeeper", "liaison", "total")
  header <- c("id", "group", roles, paste0("expected_", roles), paste0("sd_", roles), paste0("z_", roles))
  lines <- paste(header, collapse = ",")
  row <- cumsum(keep)
  for (v in seq_len(n)) {
    if (!keep[v]) {
      lines <- c(lines, paste(c(nodes$id[v], "", rep("NA", 24)), collapse = ","))
      next
    }
    r <- row[v]
    lines <- c(lines, paste(c(nodes$id[v], groups[v], cell(b$raw.nli[r, ]), cell(b$exp.nli[r, ]), cell(b$sd.nli[r, ]), cell(b$z.nli[r, ])), collapse = ","))
  }
  lines <- c(lines, paste(c("(network)", "", cell(b$raw.gli), cell(b$exp.gli), cell(b$sd.gli), cell(b$z.gli)), collapse = ","))
  writeLines(lines, file.path(folder, "brokerage", paste0(case$name, ".csv")))
}

# Conditional uniform graph tests (sna's cug.test, cmode = "edges": random graphs with as many ties) of
# the whole-network figures `stakenet compare A B …` reports. Seeded; p-values are Monte Carlo estimates.
read_matrix <- function(base, kinds = NULL) {
  nodes <- read.csv(file.path(base, "nodes.csv"), colClasses = "character")$id
  edges <- read.csv(file.path(base, "edges.csv"), colClasses = "character")
  directed <- grepl('"directed": true', paste(readLines(file.path(base, "network.json")), collapse = ""))
  if (!is.null(kinds)) edges <- edges[edges$kind %in% kinds, , drop = FALSE]
  n <- length(nodes)
  m <- matrix(0, n, n)
  index <- setNames(seq_len(n), nodes)
  for (i in seq_len(nrow(edges))) {
    s <- index[[edges$source[i]]]; t <- index[[edges$target[i]]]
    if (s != t) { m[s, t] <- 1; if (!directed) m[t, s] <- 1 }
  }
  list(matrix = m, directed = directed)
}
cug_statistics <- list(
  transitivity = function(x) gtrans(symmetrize(as.sociomatrix.sna(x)), mode = "graph"),
  reciprocity = function(x) grecip(x, measure = "edgewise"),
  degree_centralization = function(x, mode) centralization(x, degree, mode = mode),
  components = function(x) components(x, connected = "weak"))
cug_entries <- c()
for (name in c("karate", "florentine", "gnp-directed", "gnp-strong")) {
  g <- read_matrix(file.path(folder, "datasets", name))
  mode <- if (g$directed) "digraph" else "graph"
  fields <- c()
  for (statistic in names(cug_statistics)) {
    if (statistic == "reciprocity" && !g$directed) next
    set.seed(20261129)
    test <- cug.test(g$matrix, cug_statistics[[statistic]], mode = mode, cmode = "edges", reps = 2000)
    fields <- c(fields, sprintf('"%s": {"observed": %s, "mean": %s, "p_greater_or_equal": %s, "p_less_or_equal": %s, "replicates": %d}',
      statistic, number(test$obs.stat), number(mean(test$rep.stat)), number(test$pgteobs), number(test$plteobs), test$reps))
  }
  cug_entries <- c(cug_entries, sprintf('  "%s": {%s}', name, paste(fields, collapse = ", ")))
}
writeLines(c("{", paste(cug_entries, collapse = ",\n"), "}"), file.path(folder, "cug.json"))

# QAP correlation (gcor, qaptest) and MRQAP with double semi-partialling (netlm, nullhyp = "qapspp") on
# the generated multiplex networks: collaboration on support and funding.
qap_entries <- c()
for (name in c("multiplex-directed", "multiplex-undirected")) {
  base <- file.path(folder, "multiplex", name)
  y <- read_matrix(base, "collaboration"); support <- read_matrix(base, "support")$matrix; funding <- read_matrix(base, "funding")$matrix
  mode <- if (y$directed) "digraph" else "graph"
  set.seed(20261129)
  q <- qaptest(list(funding, y$matrix), gcor, g1 = 1, g2 = 2, mode = mode, reps = 2000)
  set.seed(20261129)
  fit <- netlm(y$matrix, list(support, funding), mode = mode, nullhyp = "qapspp", reps = 1000)
  yv <- fit$fitted.values + fit$residuals; rss <- sum(fit$residuals^2); tss <- sum((yv - mean(yv))^2)
  vec <- function(x) paste(sapply(x, number), collapse = ", ")
  qap_entries <- c(qap_entries, sprintf(
    '  "%s": {"gcor_funding_collaboration": %s, "qaptest": {"p_greater_or_equal": %s, "p_less_or_equal": %s, "replicates": 2000}, "netlm": {"coefficients": [%s], "t": [%s], "p_greater_or_equal": [%s], "p_less_or_equal": [%s], "p_absolute": [%s], "r_squared": %s, "observations": %d, "replicates": 1000}}',
    name, number(q$testval), number(q$pgreq), number(q$pleeq), vec(fit$coefficients), vec(fit$tstat),
    vec(fit$pgreq), vec(fit$pleeq), vec(fit$pgreqabs), number(1 - rss / tss), fit$n))
}
writeLines(c("{", paste(qap_entries, collapse = ",\n"), "}"), file.path(folder, "qap.json"))
