# The glmnet side of scripts/bench-path.sh: the same MNIST problems and lambda grid as PathBenchmark.java.
#
#   Rscript glmnet_path_bench.R OUT_FOLDER SIZES THRESH REPEATS
#
# Reads OUT_FOLDER/x-N.bin (N x 784 float64, row-major, little-endian, standardized as the study does),
# y-N.txt (one label per line) and lambda-N.txt (the grid, decreasing), fits
# glmnet(family = "multinomial", alpha = 1, standardize = FALSE, intercept = TRUE, lambda = grid,
# thresh = THRESH), times the fit alone (median of REPEATS, wall time), and writes the coefficients as
# glmnet-N.bin (per lambda, per class: intercept then 784 weights, float64 little-endian) and the wall
# and CPU times (user + system, medians) as glmnet-N.txt, for PathBenchmark to compute each point's objective with the same code as its own.
suppressMessages(library(glmnet))
args <- commandArgs(trailingOnly = TRUE)
out <- args[1]
sizes <- as.integer(strsplit(args[2], ",")[[1]])
thresh <- as.numeric(args[3])
repeats <- as.integer(args[4])
cat(sprintf("glmnet %s, %s\n", as.character(packageVersion("glmnet")), R.version.string))
for (n in sizes) {
  d <- 784
  x <- matrix(readBin(file.path(out, sprintf("x-%d.bin", n)), "double", n * d, endian = "little"),
              nrow = n, ncol = d, byrow = TRUE)
  y <- factor(readLines(file.path(out, sprintf("y-%d.txt", n))))
  lambda <- scan(file.path(out, sprintf("lambda-%d.txt", n)), quiet = TRUE)
  runs <- if (n <= 5000) repeats else 1
  seconds <- numeric(runs)
  cpu <- numeric(runs)
  for (r in seq_len(runs)) {
    gc()
    t <- system.time(fit <- glmnet(x, y, family = "multinomial", alpha = 1, standardize = FALSE,
                                   intercept = TRUE, lambda = lambda, thresh = thresh))
    seconds[r] <- t[["elapsed"]]
    cpu[r] <- t[["user.self"]] + t[["sys.self"]]
  }
  if (length(fit$lambda) != length(lambda)) {
    stop(sprintf("glmnet stopped the path after %d of %d lambdas", length(fit$lambda), length(lambda)))
  }
  coefs <- coef(fit)
  values <- numeric(0)
  con <- file(file.path(out, sprintf("glmnet-%d.bin", n)), "wb")
  for (l in seq_along(lambda)) {
    for (k in seq_along(coefs)) {
      writeBin(as.numeric(coefs[[k]][, l]), con, endian = "little")
    }
  }
  close(con)
  writeLines(sprintf("%.6f %.6f %d", median(seconds), median(cpu), runs), file.path(out, sprintf("glmnet-%d.txt", n)))
  cat(sprintf("glmnet    n_train=%-6d thresh %g: path of %d lambdas in %.3f s wall (median of %d, min %.3f), %.3f s CPU\n",
              n, thresh, length(lambda), median(seconds), runs, min(seconds), median(cpu)))
}
