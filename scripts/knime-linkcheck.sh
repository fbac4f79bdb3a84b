#!/usr/bin/env bash
# Checks knime-standin against the real KNIME 5.1.0 declarations with ../shared/tools/knime-linkcheck.
# Needs git mirrors of knime/knime-core and knime/knime-shared; pass their git directories:
#   scripts/knime-linkcheck.sh KNIME_CORE_GIT KNIME_SHARED_GIT
# Must report "0 problems" whenever the stand-in changes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
core="${1:?usage: $0 KNIME_CORE_GIT KNIME_SHARED_GIT}"
shared="${2:?usage: $0 KNIME_CORE_GIT KNIME_SHARED_GIT}"
tag=analytics-platform/5.1.0
exec ../shared/tools/knime-linkcheck/run.sh --standin knime-standin/src/main/java \
  --knime "$core@$tag" --knime "$shared@$tag"
