#!/usr/bin/env bash
# Builds every module and runs every test (unit tests, the packaged-bundle and OSGi tests, the
# update-site test). Needs Java 17 and Maven 3.8+; dependencies come from Maven Central.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec mvn -B -ntp verify "$@"
