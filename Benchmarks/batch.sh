#!/usr/bin/env bash
# Batch evaluation against hand-written SQL: generates a sample of N learners, decides
# Benchmarks/batch/batch.credence for every learner with `credence eval --all --format csv`,
# computes the same decisions with Benchmarks/batch/batch.sql in the sqlite3 CLI on the same
# file, checks that both give exactly the same results, and reports the median wall times,
# their ratio (SQL time / Credence time: how many times Credence's throughput is SQL's) and
# the peak resident memory and CPU use (100% per busy core) of each.
#
#   Benchmarks/batch.sh [N]            N learners (default 1000000), RUNS runs each (default 3)
#   Benchmarks/batch.sh --check [N]    the agreement check alone (default 2000 learners), as CI
#                                      runs it: no timings, one run each
#
# Needs the sqlite3 CLI and, for timings, GNU time (/usr/bin/time). The store goes to a
# temporary directory (about 430 MB per million learners), removed on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

check_only=0
if [ "${1:-}" = "--check" ]; then
  check_only=1
  shift
fi
learners="${1:-$([ "$check_only" = 1 ] && echo 2000 || echo 1000000)}"
runs="${RUNS:-3}"
as_of="2026-01-15" # the date batch.sql is written for
policy="Benchmarks/batch/batch.credence"
query="Benchmarks/batch/batch.sql"

command -v sqlite3 >/dev/null || { echo "batch.sh: needs the sqlite3 command" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
swift build -c release --product credence >"$work/build" 2>&1 || { cat "$work/build" >&2; exit 1; }
bin="$(swift build -c release --show-bin-path 2>/dev/null)/credence"
store="$work/sample.db"

"$bin" db sample "$store" --learners "$learners" --seed 1 >/dev/null

eval_credence() { "$bin" eval "$policy" --db "$store" --all --format csv --as-of "$as_of"; }
eval_sql() { sqlite3 -readonly -batch "$store" <"$query"; }

# The columns the SQL computes, sorted. The stack's credits are the credits of the awards
# its allocation picks (like `used` and `missing`, a detail of the explanation), so they
# are left out.
normalise() {
  awk -F, -v OFS=, 'NR > 1 { if ($2 == "bench_stack") $8 = ""; print $1, $2, $3, $4, $5, $6, $7, $8 }' \
    "$1" | LC_ALL=C sort
}
agree() {
  normalise "$work/credence.csv" >"$work/credence.sorted"
  LC_ALL=C sort "$work/sql.csv" >"$work/sql.sorted"
  if ! diff "$work/credence.sorted" "$work/sql.sorted" >"$work/diff"; then
    echo "batch.sh: Credence and SQL disagree ($(grep -c '^<' "$work/diff") rows; < Credence, > SQL):" >&2
    head -20 "$work/diff" >&2
    exit 1
  fi
  rows="$(wc -l <"$work/sql.sorted")"
}

if [ "$check_only" = 1 ]; then
  eval_credence >"$work/credence.csv"
  eval_sql >"$work/sql.csv"
  agree
  echo "batch.sh --check: $learners learners, $rows decisions: Credence and SQL agree"
  exit 0
fi

# One timed run: wall seconds and peak RSS (KiB) of the command, appended to FILE.
timed() { # file, output, command…
  local file="$1" output="$2"
  shift 2
  /usr/bin/time -v "$@" >"$output" 2>"$work/time" || { cat "$work/time" >&2; exit 1; }
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
    /Maximum resident set size/ { rss = $2 }
    /Percent of CPU this job got/ { cpu = $2 + 0 }
    END { printf "%.2f %d %d\n", s, rss, cpu }' "$work/time" >>"$file"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
peak() { sort -n | tail -1; }

# Runs alternate so both see the same machine state; every run counts (the page cache is
# warm after sampling).
for run in $(seq "$runs"); do
  timed "$work/credence.times" "$work/credence.csv" \
    "$bin" eval "$policy" --db "$store" --all --format csv --as-of "$as_of"
  timed "$work/sql.times" "$work/sql.csv" sh -c 'sqlite3 -readonly -batch "$1" <"$2"' sh "$store" "$query"
  agree
  echo "run $run: Credence $(tail -1 "$work/credence.times" | cut -d' ' -f1) s, SQL $(tail -1 "$work/sql.times" | cut -d' ' -f1) s" >&2
done

credence_time="$(cut -d' ' -f1 "$work/credence.times" | median)"
sql_time="$(cut -d' ' -f1 "$work/sql.times" | median)"
credence_rss="$(cut -d' ' -f2 "$work/credence.times" | peak)"
sql_rss="$(cut -d' ' -f2 "$work/sql.times" | peak)"
credence_cpu="$(cut -d' ' -f3 "$work/credence.times" | median)"
sql_cpu="$(cut -d' ' -f3 "$work/sql.times" | median)"
awk -v n="$learners" -v runs="$runs" -v rows="$rows" -v cores="$(nproc)" \
  -v ct="$credence_time" -v st="$sql_time" -v cr="$credence_rss" -v sr="$sql_rss" \
  -v cc="$credence_cpu" -v sc="$sql_cpu" 'BEGIN {
    printf "%d learners, %d decisions, outputs identical; medians of %d runs on %d cores\n", n, rows, runs, cores
    printf "  Credence  %8.2f s  %9.0f learners/s  peak RSS %5d MB  CPU %4d%%\n", ct, n / ct, cr / 1024, cc
    printf "  SQL       %8.2f s  %9.0f learners/s  peak RSS %5d MB  CPU %4d%%\n", st, n / st, sr / 1024, sc
    printf "  ratio     %8.2f x  (SQL time / Credence time)\n", st / ct
  }'
