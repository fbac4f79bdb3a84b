#!/usr/bin/env bash
# Benchmarks sparselr's coordinate-descent path solver (NewtonCdPathSolver) against glmnet 4.1-6 on MNIST:
# the study's 5000 standardized training rows (and, with SIZES=5000,60000, the full 60000), one L1
# multinomial path over the same 30 values of lambda, log-spaced from lambda_max down to 0.02
# (C = 1/(lambda * n)); glmnet(family="multinomial", alpha=1, standardize=FALSE, intercept=TRUE).
# Both are held to the same accuracy: every point's objective (mean log loss + lambda * |W|_1, computed
# by one function for both) within a relative gap of 1e-5 of a reference path fitted at tol 1e-8;
# the script prints each side's largest gap, so a reader sees that both reach it.
# Both sides are timed the same way, as a user runs one fit: every repeat is a fresh process (a new JVM
# with no warm-up, a new R) that loads the data and fits the path once, cold; only the fit is timed, as
# the process's CPU time (Java: com.sun.management.OperatingSystemMXBean#getProcessCpuTime, every thread
# of the JVM, JIT compilers and garbage collector included; R: proc.time() user + system around glmnet())
# and as wall time. Medians over the repeats; the last line reads, in process CPU seconds (on a shared
# machine CPU time is what wall time would be on a quiet one; both print),
#   path: sparselr A s, glmnet B s: R x        (R = B / A, for the first size)
#
#   scripts/bench-path.sh [SIZES [REPEATS]]     e.g. scripts/bench-path.sh 5000,60000 3
# Environment: SPARSELR_TOL (default 3e-4, the solver's largest optimality violation),
# GLMNET_THRESH (default 1e-7; at 1e-6 glmnet missed the 1e-5 gap, 4.5e-5 measured), RSCRIPT (default
# Rscript). The glmnet side needs R with glmnet (Debian: apt-get install -y r-cran-glmnet); without it
# the script says so and times sparselr alone.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
sizes="${1:-5000}"
repeats="${2:-3}"
tol="${SPARSELR_TOL:-3e-4}"
thresh="${GLMNET_THRESH:-1e-7}"
mnist="$(scripts/get-mnist.sh)"
mvn -q -B -ntp -o package -DskipTests -pl bench -am
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(java -version 2>&1 | head -1)"
run_java() {
  java -Xmx8g --add-modules jdk.incubator.vector -cp "bench/target/sparselr-bench-0.1.0.jar:bench/target/lib/*" \
    io.github.sparselr.bench.PathBenchmark "$@" 2> >(grep -v "Using incubator modules" >&2)
}
run_java prepare "$mnist" "$out" "$sizes"
rscript="${RSCRIPT:-Rscript}"
have_r=0
if command -v "$rscript" >/dev/null && "$rscript" -e 'library(glmnet)' >/dev/null 2>&1; then
  have_r=1
else
  echo "R with glmnet is not installed (Debian: apt-get install -y r-cran-glmnet): sparselr is timed alone"
fi
for n in ${sizes//,/ }; do
  runs="$repeats"
  if [ "$n" -gt 5000 ]; then runs=1; fi
  for _ in $(seq "$runs"); do
    if [ "$have_r" = 1 ]; then
      "$rscript" bench/glmnet_path_bench.R "$out" "$n" "$thresh"
    fi
    run_java fit "$out" "$n" "$tol"
  done
done
run_java run "$out" "$sizes" "$tol"
