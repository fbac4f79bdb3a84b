#!/usr/bin/env bash
# Benchmarks sparselr's SAGA against scikit-learn 1.2.1 on MNIST in one run: the study's problem
# (5000 training rows, 784 features, 10 classes, L1, C = 50/5000, tol 0.1) and the full 60000-row
# training set. Prints fit times, epochs and their ratio, and how far the coefficients differ.
#   scripts/bench-saga.sh [REPEATS]      (the scikit-learn side needs: apt-get install python3-sklearn)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
repeats="${1:-5}"
mnist="$(scripts/get-mnist.sh)"
mvn -q -B -ntp package -DskipTests -pl bench -am
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
java -Xmx4g --add-modules jdk.incubator.vector -cp "bench/target/sparselr-bench-0.1.0.jar:bench/target/lib/*" \
  io.github.sparselr.bench.SagaBenchmark "$mnist" "$out" "$repeats"
if /usr/bin/python3 -c "import sklearn" 2>/dev/null; then
  /usr/bin/python3 bench/sklearn_saga_bench.py "$mnist" "$out" "$repeats"
else
  echo "scikit-learn is not installed for /usr/bin/python3 (apt-get install python3-sklearn): no comparison"
fi
