#!/usr/bin/env bash
# Fuzzes one of the engine's fuzz tests for real with Jazzer (coverage-guided, in-process), for a given
# number of minutes, one test at a time. In `mvn verify` the same tests only replay their committed
# corpus (core/src/test/resources/io/github/sparselr/{io,openml}/*FuzzTestInputs); here Jazzer mutates it.
#   scripts/fuzz.sh NAME [MINUTES]
#     NAME     a fuzz test, as Class#method or just the method: fuzzArff, fuzzGzipArff, fuzzIdxFile,
#              fuzzMnistFolder, fuzzCsv (the readers), answersOrSaysWhatIsWrong (OpenML's JSON answers)
#     MINUTES  default 10
# A finding (any throwable but the reader's own format exception, or an input taking over 5 s: the
# test's @Timeout, which Jazzer passes to libFuzzer as -timeout while JUnit's own timer is off) stops
# the run and is written as crash-*/timeout-* into the test's inputs folder, so it joins the corpus
# that every build replays. New coverage goes to core/.cifuzz-corpus (not committed). The log is
# core/target/fuzz-NAME.log; its last "#N DONE" line gives the runs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
name="${1:?usage: scripts/fuzz.sh NAME [MINUTES]}"
minutes="${2:-10}"
if [[ "$name" != *"#"* ]]; then
  file="$(grep -rl --include='*FuzzTest.java' "void $name(" core/src/test/java || true)"
  [[ -n "$file" ]] || { echo "fuzz: no fuzz test method '$name' under core/src/test/java" >&2; exit 2; }
  name="$(basename "$file" .java)#$name"
fi
log="core/target/fuzz-${name//#/-}.log"
mkdir -p core/target
echo "fuzz: $name for $minutes min (log: $log)"
set +e
# The heap is kept small so that an allocation driven by a claim in the input fails fast as a finding.
JAZZER_FUZZ=1 JAVA_TOOL_OPTIONS="-Xmx1g" mvn -B -ntp -o test -pl core -Dtest="$name" \
  -Dsurefire.failIfNoSpecifiedTests=false -Djunit.jupiter.execution.timeout.mode=disabled \
  -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1="-max_total_time=$((minutes * 60))" >"$log" 2>&1
status=$?
set -e
grep -aE "^#[0-9]+[[:space:]]+(DONE|INITED)|== Java Exception|Test unit written|Tests run:.*Fail|ERROR\]" "$log" | tail -n 12
summary="$(grep -aE "^#[0-9]+[[:space:]]+DONE" "$log" | tail -n 1 || true)"
echo "fuzz: $name: exit $status; ${summary:-no DONE line (see the log)}"
exit $status
