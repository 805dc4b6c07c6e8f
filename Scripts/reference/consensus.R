# Consensus structures of generated report arrays as R's sna computes them, for StakeNet's tests.
# Run through Scripts/reference-values (writes Tests/Fixtures/reference/consensus.json).
#
# Each case is an m x n x n array of 0/1 reports (a roster design: every respondent answers every pair),
# respondent k belonging to stakeholder k (m = n) so that the locally aggregated structures apply.
# Reports are a true network seen with respondent-specific competence and bias, as the Romney-Batchelder
# model assumes. "union" and "intersection" are not sna methods; they are apply(max) and apply(min).
#
# Romney-Batchelder: sna returns only the answer key. The script also runs a transcription of sna's
# loop: with sna's own base rate s1 (over all n^2 cells after the first step) it must reproduce sna's key,
# which the script checks; with s1 over the cells asked about (StakeNet's estimate, see RomneyBatchelder.swift)
# it gives the competences, biases and key the tests compare with.
suppressMessages(library(sna))
args <- commandArgs(trailingOnly = TRUE)
out <- file.path(args[1], "consensus.json")
set.seed(20261202)

rb <- function(d, tol = 1e-6, maxiter = 1000, sna_base_rate = TRUE) {
  asked <- !is.na(d[1, , ])
  drate <- apply(d, 1, mean, na.rm = TRUE)
  cong <- apply(d, c(2, 3), mean, na.rm = TRUE) > 0.5
  s1 <- mean(cong, na.rm = TRUE); s0 <- 1 - s1
  correct <- apply(sweep(d, c(2, 3), cong, "=="), 1, mean, na.rm = TRUE)
  comp <- pmax(2 * correct - 1, 0)
  bias <- pmin(pmax((drate - s1 * comp) / (1 - comp), 0), 1)
  bias[comp == 1] <- 0.5
  ocomp <- comp + tol + 1
  iter <- 0
  while ((max(abs(ocomp - comp), na.rm = TRUE) > tol) && (iter < maxiter)) {
    iter <- iter + 1
    ocomp <- comp
    ll1 <- apply(sweep(d, 1, log(comp + (1 - comp) * bias), "*") + sweep(1 - d, 1, log((1 - comp) * (1 - bias)), "*"), c(2, 3), sum, na.rm = TRUE)
    ll0 <- apply(sweep(1 - d, 1, log(comp + (1 - comp) * (1 - bias)), "*") + sweep(d, 1, log((1 - comp) * bias), "*"), c(2, 3), sum, na.rm = TRUE)
    cong <- ll1 > ll0
    s1 <- if (sna_base_rate) mean(cong, na.rm = TRUE) else mean(cong[asked]); s0 <- 1 - s1
    correct <- apply(sweep(d, c(2, 3), cong, "=="), 1, mean, na.rm = TRUE)
    comp <- pmax((correct - s1 * bias - s0 * (1 - bias)) / (1 - s1 * bias - s0 * (1 - bias)), 0)
    bias <- pmin(pmax((drate - s1 * comp) / (1 - comp), 0), 1)
    bias[comp == 1] <- 0.5
  }
  list(cong = cong, comp = comp, bias = bias)
}

ties <- function(g, directed) {
  pairs <- c()
  n <- nrow(g)
  for (i in 1:n) for (j in 1:n) if (i != j && !is.na(g[i, j]) && g[i, j] > 0 && (directed || i < j)) pairs <- c(pairs, sprintf("[%d,%d]", i - 1, j - 1))
  paste0("[", paste(pairs, collapse = ","), "]")
}
numbers <- function(x) paste0("[", paste(sprintf("%.17g", x), collapse = ","), "]")

cases <- c()
specs <- list(list("directed-8", TRUE, 8, 0.3), list("directed-12", TRUE, 12, 0.2), list("undirected-10", FALSE, 10, 0.3),
              list("directed-10-noisy", TRUE, 10, 0.4), list("undirected-14", FALSE, 14, 0.25))
for (spec in specs) {
  name <- spec[[1]]; directed <- spec[[2]]; n <- spec[[3]]; density <- spec[[4]]
  truth <- matrix(rbinom(n * n, 1, density), n, n); diag(truth) <- 0
  if (!directed) { truth[lower.tri(truth)] <- t(truth)[lower.tri(truth)] }
  competence <- runif(n, 0.2, 0.95); guess <- runif(n, 0.1, 0.5)
  dat <- array(0, c(n, n, n))
  for (k in 1:n) {
    knows <- matrix(runif(n * n) < competence[k], n, n)
    guessed <- matrix(rbinom(n * n, 1, guess[k]), n, n)
    g <- ifelse(knows, truth, guessed); diag(g) <- 0
    if (!directed) { g[lower.tri(g)] <- t(g)[lower.tri(g)] }
    dat[k, , ] <- g
  }
  mode <- if (directed) "digraph" else "graph"
  methods <- c("central.graph", "LAS.intersection", "LAS.union", "romney.batchelder")
  if (directed) methods <- c(methods, "OR.row", "OR.col")
  fields <- c(sprintf('"name": "%s"', name), sprintf('"directed": %s', if (directed) "true" else "false"), sprintf('"n": %d', n))
  reports <- sapply(1:n, function(k) ties(dat[k, , ], directed))
  fields <- c(fields, sprintf('"reports": [%s]', paste(reports, collapse = ",")))
  results <- c()
  for (method in methods) {
    cong <- consensus(dat, mode = mode, method = method, verbose = FALSE)
    results <- c(results, sprintf('"%s": %s', method, ties(cong, directed)))
  }
  results <- c(results, sprintf('"union": %s', ties(apply(dat, c(2, 3), max), directed)))
  results <- c(results, sprintf('"intersection": %s', ties(apply(dat, c(2, 3), min), directed)))
  fields <- c(fields, sprintf('"sna": {%s}', paste(results, collapse = ", ")))
  # The transcription, checked against sna itself.
  d <- dat
  if (!directed) d <- upper.tri.remove(d)
  d <- diag.remove(d)
  same <- rb(d, sna_base_rate = TRUE)
  key <- same$cong; if (!directed) key[upper.tri(key)] <- t(key)[upper.tri(key)]; diag(key) <- 0
  stopifnot(all(key == consensus(dat, mode = mode, method = "romney.batchelder", verbose = FALSE)))
  fixed <- rb(d, sna_base_rate = FALSE)
  key <- fixed$cong; if (!directed) key[upper.tri(key)] <- t(key)[upper.tri(key)]; diag(key) <- 0
  snakey <- consensus(dat, mode = mode, method = "romney.batchelder", verbose = FALSE)
  wrong <- function(g) sum(g[row(g) != col(g)] != truth[row(truth) != col(truth)]) / (if (directed) 1 else 2)
  fields <- c(fields, sprintf('"romney_batchelder": {"key": %s, "competence": %s, "bias": %s, "sna_competence": %s, "true_competence": %s, "wrong_pairs": %d, "sna_wrong_pairs": %d, "majority_wrong_pairs": %d}',
                              ties(key, directed), numbers(fixed$comp), numbers(fixed$bias), numbers(same$comp), numbers(competence),
                              wrong(key), wrong(snakey), wrong(consensus(dat, mode = mode, method = "central.graph"))))
  cases <- c(cases, paste0("  {", paste(fields, collapse = ", "), "}"))
}
writeLines(c("[", paste(cases, collapse = ",\n"), "]"), out)
