#!/usr/bin/env bash
# Builds every module and runs every test: unit tests, the packaged-bundle and OSGi tests, the
# update-site test, and the test workflows on the full MNIST data (fetched once by get-mnist.sh).
# Then runs the engine's and the plugin's tests a second time on the newest JDK under /usr/lib/jvm
# (KNIME 5.9 and later ship Java 21, and the Vector API is an incubator module that moves between
# JDKs), or says plainly that there is none newer than the build's.
# Needs Java 17, Maven 3.8+ and npm; dependencies come from Maven Central and the npm registry.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mnist="$(scripts/get-mnist.sh)"
mvn -B -ntp verify -Dmnist.dir="$mnist" "$@"

newest="" newest_major=0
for release in /usr/lib/jvm/*/release; do
  major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")"
  if [[ -n "$major" && "$major" -gt "$newest_major" && -x "$(dirname "$release")/bin/javac" ]]; then
    newest="$(dirname "$release")" newest_major="$major"
  fi
done
build_major="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
if [[ -z "$newest" || "$newest_major" -le "${build_major:-17}" ]]; then
  echo "test-all: no JDK newer than Java ${build_major:-17} under /usr/lib/jvm; the second run of the engine's" \
    "and plugin's tests on a newer JDK is SKIPPED (install e.g. Temurin 25 there to run it)"
  exit 0
fi
echo "test-all: the engine's and plugin's tests again on Java $newest_major ($newest)"
JAVA_HOME="$newest" mvn -B -ntp verify -pl core,knime-standin,plugin -Dmnist.dir="$mnist" "$@"
