# The glmnet side of scripts/bench-path.sh: the same MNIST problems and lambda grid as PathBenchmark.java.
#
#   Rscript glmnet_path_bench.R OUT_FOLDER N THRESH
#
# Reads OUT_FOLDER/x-N.bin (N x 784 float64, row-major, little-endian, standardized as the study does),
# y-N.txt (one label per line) and lambda-N.txt (the grid, decreasing), fits once, cold, in this fresh R
# process, glmnet(family = "multinomial", alpha = 1, standardize = FALSE, intercept = TRUE, lambda = grid,
# thresh = THRESH), timed by proc.time() around glmnet() alone (CPU = user + system of the process, and
# wall); appends "cpu wall" to glmnet-N.txt and writes the coefficients as glmnet-N.bin (per lambda, per
# class: intercept then 784 weights, float64 little-endian), for PathBenchmark to compute each point's
# objective with the same code as its own.
suppressMessages(library(glmnet))
args <- commandArgs(trailingOnly = TRUE)
out <- args[1]
n <- as.integer(args[2])
thresh <- as.numeric(args[3])
cat(sprintf("glmnet %s, %s\n", as.character(packageVersion("glmnet")), R.version.string))
d <- 784
x <- matrix(readBin(file.path(out, sprintf("x-%d.bin", n)), "double", n * d, endian = "little"),
            nrow = n, ncol = d, byrow = TRUE)
y <- factor(readLines(file.path(out, sprintf("y-%d.txt", n))))
lambda <- scan(file.path(out, sprintf("lambda-%d.txt", n)), quiet = TRUE)
t0 <- proc.time()
fit <- glmnet(x, y, family = "multinomial", alpha = 1, standardize = FALSE, intercept = TRUE, lambda = lambda,
              thresh = thresh)
t <- proc.time() - t0
cpu <- t[["user.self"]] + t[["sys.self"]]
wall <- t[["elapsed"]]
if (length(fit$lambda) != length(lambda)) {
  stop(sprintf("glmnet stopped the path after %d of %d lambdas", length(fit$lambda), length(lambda)))
}
coefs <- coef(fit)
con <- file(file.path(out, sprintf("glmnet-%d.bin", n)), "wb")
for (l in seq_along(lambda)) {
  for (k in seq_along(coefs)) {
    writeBin(as.numeric(coefs[[k]][, l]), con, endian = "little")
  }
}
close(con)
cat(sprintf("%.6f %.6f\n", cpu, wall), file = file.path(out, sprintf("glmnet-%d.txt", n)), append = TRUE)
cat(sprintf("glmnet    n_train=%-6d thresh %g: cold path of %d lambdas in a fresh R process: %.3f s process CPU, %.3f s wall\n",
            n, thresh, length(lambda), cpu, wall))
