#!/usr/bin/env bash
# Benchmarks the ARFF reader on a mnist_784-style file (70000 x 785, ~128 MB) made from the MNIST IDX
# files, beside scikit-learn 1.2.1's two ARFF parsers (liac-arff and pandas) in the same run.
#   scripts/bench-arff.sh [REPEATS]   (the scikit-learn side needs: apt-get install python3-sklearn python3-pandas)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
repeats="${1:-3}"
mnist="$(scripts/get-mnist.sh)"
mvn -q -B -ntp package -DskipTests -pl bench -am
arff="$(dirname "$mnist")/mnist_784-from-idx.arff"
java -Xmx4g -cp "bench/target/sparselr-bench-0.1.0.jar:bench/target/lib/*" \
  io.github.sparselr.bench.ArffBenchmark "$mnist" "$arff" "$repeats"
if /usr/bin/python3 -c "import sklearn" 2>/dev/null; then
  /usr/bin/python3 bench/sklearn_arff_bench.py "$arff"
else
  echo "scikit-learn is not installed for /usr/bin/python3 (apt-get install python3-sklearn): no comparison"
fi
