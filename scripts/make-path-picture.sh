#!/usr/bin/env bash
# Makes docs/mnist-l1-path.png, the README's picture of the trade-off between C, sparsity and accuracy:
# runs the workflow test-workflows/MNIST_L1_Path headlessly on the local MNIST files (scripts/get-mnist.sh)
# and copies the Logistic Regression Path node's plot (its third output, port_3.png) into docs/.
#   scripts/make-path-picture.sh
# Prints the run's lines (sparsity and test score of the chosen model) and its wall time.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mnist="$(scripts/get-mnist.sh)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
start=$(date +%s.%N)
./sparselr run -workflowDir=test-workflows/MNIST_L1_Path -reset -nosave \
  -workflow.variable=data_source,local,String "-workflow.variable=mnist_folder,$mnist,String" \
  --out "$work/out" | grep -E "^(Sparsity|Test score)|^Logistic Regression Path \(#4\) +executed"
end=$(date +%s.%N)
# written beside the target and moved into place, so that a failed run leaves the earlier picture
cp "$work/out/Logistic Regression Path (#4)/port_3.png" docs/.mnist-l1-path.png.part
mv docs/.mnist-l1-path.png.part docs/mnist-l1-path.png
awk -v s="$start" -v e="$end" 'BEGIN { printf "wrote docs/mnist-l1-path.png; the workflow ran in %.1f s (wall, with JVM start)\n", e - s }'
