#!/usr/bin/env bash
# Builds every module and runs every test: unit tests, the packaged-bundle and OSGi tests, the
# update-site test, and the test workflows on the full MNIST data (fetched once by get-mnist.sh).
# Needs Java 17, Maven 3.8+ and npm; dependencies come from Maven Central and the npm registry.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mnist="$(scripts/get-mnist.sh)"
exec mvn -B -ntp verify -Dmnist.dir="$mnist" "$@"
