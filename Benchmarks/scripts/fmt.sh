#!/usr/bin/env bash
# Formatter benchmarks: the policy library, the library repeated into one large file, a
# one-line list of 200,000 numbers and an examples table 3,000 columns wide. Reports wall
# time and peak resident memory; every input must format (exit 0), in time linear in size.
#
#   Benchmarks/scripts/fmt.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

swift build -c release --product credence >/dev/null
bin="$(swift build -c release --show-bin-path)/credence"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

measure() { # label, input file
  local label="$1" input="$2"
  /usr/bin/time -v "$bin" fmt - <"$input" >"$work/out" 2>"$work/time" \
    || { tail -5 "$work/time"; exit 1; }
  local wall rss
  wall="$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time")"
  rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time")"
  printf '%-40s %9d bytes   wall %8s   peak RSS %5d MB\n' \
    "$label" "$(wc -c <"$input")" "$wall" "$((rss / 1024))"
}

# Each library file on its own, then all of them.
/usr/bin/time -f '%e s, %M KB' -o "$work/lib" "$bin" fmt --check policies >/dev/null
printf '%-40s %9s         wall %8s\n' "policies/ (--check, $(find policies -name '*.credence' | wc -l) files)" "" \
  "$(cut -d, -f1 "$work/lib")"

# The library 40 times over in one file (the declarations repeat; formatting does not care).
find policies -name '*.credence' | sort | xargs cat >"$work/library.credence"
for _ in $(seq 40); do cat "$work/library.credence"; done >"$work/library-40.credence"
measure "library x40 in one file" "$work/library-40.credence"

python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
with open(f"{work}/long-line.credence", "w") as f:
    f.write("let xs = [" + ", ".join(str(i) for i in range(200000)) + "]\n")
with open(f"{work}/wide-table.credence", "w") as f:
    f.write('test "t"\n  expect a\n  examples\n')
    f.write("    | " + " | ".join(f"c{i}" for i in range(3000)) + " |\n")
    for r in range(20):
        f.write("    | " + " | ".join(str(i * r) for i in range(3000)) + " |\n")
PY
measure "one line, 200,000 list elements" "$work/long-line.credence"
measure "examples table, 3,000 columns" "$work/wide-table.credence"
