#!/usr/bin/env bash
# Store benchmarks: writing a 1,000,000-learner sample, then streaming every learner
# through the SQLite RecordSource. Reports wall time and peak resident memory.
#
#   Benchmarks/scripts/store.sh [LEARNERS]      (default 1000000)
#
# Targets (issue 4): the sample in well under a minute; streaming under 200 MB peak RSS.
set -euo pipefail
cd "$(dirname "$0")/../.."

learners="${1:-1000000}"
swift build -c release --product credence >/dev/null
bin="$(swift build -c release --show-bin-path)/credence"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

measure() { # label, command…
  local label="$1"; shift
  /usr/bin/time -v "$@" >"$work/out" 2>"$work/time" || { cat "$work/out" "$work/time"; exit 1; }
  local wall rss
  wall="$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time")"
  rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time")"
  printf '%-32s wall %8s   peak RSS %6d MB\n' "$label" "$wall" "$((rss / 1024))"
  sed 's/^/    /' "$work/out"
}

measure "sample $learners learners" "$bin" db sample "$work/sample.db" --learners "$learners" --seed 1
ls -l "$work/sample.db" | awk '{ printf "    store size %d MB\n", $5 / 1048576 }'
measure "stream $learners learners" "$bin" db stats "$work/sample.db" --check
