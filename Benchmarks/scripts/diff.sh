#!/usr/bin/env bash
# `credence diff` against one batch (release build), as whole processes. OLD is `policies/`,
# NEW the same with the Mid-Career Enhanced Subsidy's age raised from 40 to 41 (one line);
# the batch is `eval OLD --all --format csv`. For each cohort size the two commands run in
# turn (RUNS rounds, interleaved so that load changes hit both), and the script prints their
# median CPU time (user + system), the ratio, the median wall time and the peak RSS (GNU time's
# maximum RSS), with the load average: on a shared machine CPU time is the figure to trust.
#
#   Benchmarks/scripts/diff.sh                   # LEARNERS="10000 100000" RUNS=3
#   CREDENCE_BIN=path/to/release/credence Benchmarks/scripts/diff.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
bin="${CREDENCE_BIN:-}"
if [ -z "$bin" ]; then
  swift build -c release --product credence >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
  bin="$(swift build -c release --show-bin-path)/credence"
fi
cp -R policies "$work/new"
sed -i 's/^param mces_min_age: Number = 40$/param mces_min_age: Number = 41/' \
  "$work/new/funding/ssg-course-fee-subsidy.credence"
grep -q 'mces_min_age: Number = 41' "$work/new/funding/ssg-course-fee-subsidy.credence" \
  || { echo "diff.sh: the one-line change did not apply" >&2; exit 1; }

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for learners in ${LEARNERS:-10000 100000}; do
  db="$work/sample-$learners.db"
  "$bin" db sample "$db" --learners "$learners" --seed 1 >/dev/null
  common=(--db "$db" --all --as-of 2026-01-15 --format csv)
  for round in $(seq "${RUNS:-3}"); do
    /usr/bin/time -f "eval %e %U %S %M" -a -o "$work/times-$learners" \
      "$bin" eval policies "${common[@]}" >"$work/eval.csv"
    /usr/bin/time -f "diff %e %U %S %M" -a -o "$work/times-$learners" \
      "$bin" diff policies "$work/new" "${common[@]}" >"$work/diff.csv"
  done
  changed="$(($(wc -l <"$work/diff.csv") - 1))"
  python3 - "$work/times-$learners" "$learners" "$changed" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.split()[:1] in (["eval"], ["diff"])]
figures = {}
for name in ("eval", "diff"):
    mine = [row for row in rows if row[0] == name]
    figures[name] = (
        statistics.median(float(r[2]) + float(r[3]) for r in mine),
        statistics.median(float(r[1]) for r in mine),
        max(int(r[4]) for r in mine) / 1024,
        len(mine))
(ecpu, ewall, erss, runs), (dcpu, dwall, drss, _) = figures["eval"], figures["diff"]
print(f"{int(sys.argv[2]):,} learners ({sys.argv[3]} changed results), medians of {runs}:")
print(f"  eval --all  CPU {ecpu:.2f} s  wall {ewall:.2f} s  peak RSS {erss:.0f} MB")
print(f"  diff        CPU {dcpu:.2f} s  wall {dwall:.2f} s  peak RSS {drss:.0f} MB")
print(f"  diff / eval CPU {dcpu / ecpu:.2f}x")
PY
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
