#!/usr/bin/env bash
# Benchmarks the whole MNIST study end to end: the README's main command (./sparselr mnist, into a
# temporary --out) against the seed's pipeline in scikit-learn 1.2.1 (bench/sklearn_study.py: read the
# same IDX files, permute, split, scale, fit, score, save the 2x5 coefficient figure as PNG). The two run
# alternately, ROUNDS times each, under /usr/bin/time -v; prints the medians of wall time and peak RSS
# (max resident set size) of each and their ratios, and checks that both print the same two numbers.
# CPU time (user + system, all threads) is printed too: it moves less than wall time when other jobs
# share the machine.
#   scripts/bench-study.sh [ROUNDS]   (default 5; needs /usr/bin/time and, for scikit-learn,
#                                      apt-get install python3-sklearn python3-matplotlib)
# A benchmark, never a test: the machine's load moves the numbers; compare medians of one run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rounds="${1:-5}"
mnist="$(scripts/get-mnist.sh)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
./sparselr mnist --out "$work/warmup" >/dev/null 2>&1 # builds the runner if needed; not timed
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(java -version 2>&1 | head -1)"

# one timed run: label, then the command; appends "wall_s rss_kb" to $work/label.times
timed() {
  local label="$1"
  shift
  /usr/bin/time -v -o "$work/time.txt" "$@" >"$work/stdout.txt" 2>"$work/stderr.txt" || {
    cat "$work/stdout.txt" "$work/stderr.txt" >&2
    echo "bench-study: $label failed" >&2
    exit 1
  }
  local wall rss cpu
  wall="$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt" \
    | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')"
  rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")"
  cpu="$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$work/time.txt")"
  echo "$wall $rss $cpu" >>"$work/$label.times"
  grep -E '^(Sparsity|Test score) with L1 penalty' "$work/stdout.txt" >"$work/$label.lines"
  printf '  %-9s %6.2f s  %5.0f MB  CPU %6.2f s  %s\n' "$label" "$wall" "$((rss / 1024))" "$cpu" \
    "$(tr '\n' ' ' <"$work/$label.lines")"
}

for ((r = 1; r <= rounds; r++)); do
  echo "round $r of $rounds"
  timed sparselr ./sparselr mnist --out "$work/out"
  timed sklearn /usr/bin/python3 bench/sklearn_study.py "$mnist" "$work/sklearn.png"
  if ! cmp -s "$work/sparselr.lines" "$work/sklearn.lines"; then
    echo "bench-study: the two print different numbers:" >&2
    cat "$work/sparselr.lines" "$work/sklearn.lines" >&2
    exit 1
  fi
done

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
s_wall="$(cut -d' ' -f1 "$work/sparselr.times" | median)"
k_wall="$(cut -d' ' -f1 "$work/sklearn.times" | median)"
s_rss="$(cut -d' ' -f2 "$work/sparselr.times" | median)"
k_rss="$(cut -d' ' -f2 "$work/sklearn.times" | median)"
s_cpu="$(cut -d' ' -f3 "$work/sparselr.times" | median)"
k_cpu="$(cut -d' ' -f3 "$work/sklearn.times" | median)"
echo "medians of $rounds rounds (same numbers printed by both: $(tr '\n' ' ' <"$work/sparselr.lines"))"
awk -v sw="$s_wall" -v kw="$k_wall" -v sr="$s_rss" -v kr="$k_rss" -v sc="$s_cpu" -v kc="$k_cpu" 'BEGIN {
  printf "  wall time   sparselr %6.2f s   scikit-learn %6.2f s   sparselr %.2fx faster\n", sw, kw, kw / sw
  printf "  CPU time    sparselr %6.2f s   scikit-learn %6.2f s   sparselr %.2fx less\n", sc, kc, kc / sc
  printf "  peak RSS    sparselr %6.0f MB  scikit-learn %6.0f MB  sparselr/scikit-learn %.2f\n", sr / 1024, kr / 1024, sr / kr
}'
