#!/usr/bin/env bash
# Checks knime-standin against the real KNIME declarations with ../shared/tools/knime-linkcheck, at
# KNIME 5.1.0 (the oldest release the bundle supports) and at the newest 5.x tag the mirrors hold, so
# that every class and member the stand-in declares links on both.
# Needs git mirrors of knime/knime-core and knime/knime-shared; pass their git directories:
#   scripts/knime-linkcheck.sh KNIME_CORE_GIT KNIME_SHARED_GIT
# Must report "0 problems" at both tags whenever the stand-in changes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
core="${1:?usage: $0 KNIME_CORE_GIT KNIME_SHARED_GIT}"
shared="${2:?usage: $0 KNIME_CORE_GIT KNIME_SHARED_GIT}"
newest="$(git -C "$core" tag --list 'analytics-platform/5.*' | sort -V | tail -n 1)"
status=0
for tag in analytics-platform/5.1.0 "$newest"; do
  echo "knime-linkcheck at $tag:"
  ../shared/tools/knime-linkcheck/run.sh --standin knime-standin/src/main/java \
    --knime "$core@$tag" --knime "$shared@$tag" || status=1
done
exit "$status"
