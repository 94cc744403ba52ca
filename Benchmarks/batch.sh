#!/usr/bin/env bash
# Batch evaluation against hand-written SQL and against the cost of reading the rows.
#
# Generates a sample of N learners, adds the workload's covering indexes to it (the SQL's
# setup; Credence reads the same file), decides the workload's policy for every learner with
# `credence eval --all --format csv`, computes the same decisions with the workload's SQL in
# the sqlite3 CLI, checks that both give exactly the same results, and reports medians of
# interleaved runs: wall time, CPU time (user + system), peak resident memory, the ratio
# SQL / Credence, and Credence's CPU time against the read floor (read-floor.c: every row
# the batch reads, stepped on one thread, nothing evaluated).
#
#   Benchmarks/batch.sh [--workload W] [N]          N learners (default 1000000), RUNS runs
#                                                   of each (default 3)
#   Benchmarks/batch.sh [--workload W] --check [N]  the agreement check alone (default 2000
#                                                   learners): no timings, one run each
#
# Workloads (Benchmarks/W/): `batch` (default; four decisions, README there) and `batch2`
# (five decisions: two ledger funds, a stack with a credit total, a 40-row equivalence
# table, a first-match subsidy). Each has W.credence, W.sql, W-indexes.sql and the date its
# SQL is written for; `batch` also has batch-naive.sql, the first plain SQL, timed too when
# NAIVE=1.
#
# CREDENCE_BIN=PATH times that binary instead of building one; STORE=FILE reuses a sample
# already written with the workload's indexes (N must then be its number of learners).
#
# Needs the sqlite3 CLI, a C compiler with the SQLite headers (libsqlite3-dev) and GNU time
# (/usr/bin/time). The store goes to a temporary directory (about 500 MB per million
# learners with the indexes), removed on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

workload=batch
check_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --workload) workload="${2:?--workload needs batch or batch2}"; shift 2 ;;
    --check) check_only=1; shift ;;
    *) break ;;
  esac
done
case "$workload" in
  batch) as_of="2026-01-15" ;;
  batch2) as_of="2025-06-30" ;;
  *) echo "batch.sh: no workload \`$workload\` (batch or batch2)" >&2; exit 2 ;;
esac
learners="${1:-$([ "$check_only" = 1 ] && echo 2000 || echo 1000000)}"
runs="${RUNS:-3}"
dir="Benchmarks/$workload"
policy="$dir/$workload.credence"
query="$dir/$workload.sql"
naive="$dir/$workload-naive.sql"

command -v sqlite3 >/dev/null || { echo "batch.sh: needs the sqlite3 command" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ -n "${CREDENCE_BIN:-}" ]; then
  bin="$CREDENCE_BIN"
else
  swift build -c release --product credence >"$work/build" 2>&1 || { cat "$work/build" >&2; exit 1; }
  bin="$(swift build -c release --show-bin-path 2>/dev/null)/credence"
fi
if [ -n "${STORE:-}" ]; then
  # A sample written before (`credence db sample FILE --learners N --seed 1`, then
  # W-indexes.sql), reused so that a million learners are written once.
  store="$STORE"
else
  store="$work/sample.db"
  "$bin" db sample "$store" --learners "$learners" --seed 1 >/dev/null
  sqlite3 "$store" <"$dir/$workload-indexes.sql"
fi

eval_credence() { "$bin" eval "$policy" --db "$store" --all --format csv --as-of "$as_of"; }
eval_sql() { sqlite3 -readonly -batch "$store" <"$1"; }

# The columns the SQL computes, sorted. A stack's credits are the credits of the awards its
# allocation picks (like `used` and `missing`, a detail of the explanation), so they are
# left out.
normalise() {
  awk -F, -v OFS=, 'NR > 1 { if ($2 ~ /_stack$/) $8 = ""; print $1, $2, $3, $4, $5, $6, $7, $8 }' \
    "$1" | LC_ALL=C sort
}
agree() { # SQL output file
  normalise "$work/credence.csv" >"$work/credence.sorted"
  LC_ALL=C sort "$1" >"$work/sql.sorted"
  if ! diff "$work/credence.sorted" "$work/sql.sorted" >"$work/diff"; then
    echo "batch.sh: Credence and $1 disagree ($(grep -c '^<' "$work/diff") rows; < Credence, > SQL):" >&2
    head -20 "$work/diff" >&2
    exit 1
  fi
  rows="$(wc -l <"$work/sql.sorted")"
}

if [ "$check_only" = 1 ]; then
  eval_credence >"$work/credence.csv"
  eval_sql "$query" >"$work/sql.csv"
  agree "$work/sql.csv"
  echo "batch.sh --check: $workload, $learners learners, $rows decisions: Credence and SQL agree"
  exit 0
fi

floor="$work/read-floor"
cc -O2 -o "$floor" Benchmarks/batch/read-floor.c -lsqlite3

# One timed run: wall seconds, CPU seconds (user + system) and peak RSS (KiB), appended to
# FILE.
timed() { # file, output, command…
  local file="$1" output="$2"
  shift 2
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >"$output" || { cat "$work/time" >&2; exit 1; }
  awk '{ printf "%.2f %.2f %d\n", $1, $2 + $3, $4 }' "$work/time" >>"$file"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
peak() { sort -n | tail -1; }
column() { cut -d' ' -f"$2" "$work/$1.times"; }

kinds="credence sql floor"
if [ "${NAIVE:-0}" = 1 ] && [ -f "$naive" ]; then kinds="credence sql naive floor"; fi
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
# Runs alternate so all see the same machine state; every run counts (the page cache is
# warm after sampling).
for run in $(seq "$runs"); do
  timed "$work/credence.times" "$work/credence.csv" \
    "$bin" eval "$policy" --db "$store" --all --format csv --as-of "$as_of"
  timed "$work/sql.times" "$work/sql.csv" sh -c 'sqlite3 -readonly -batch "$1" <"$2"' sh "$store" "$query"
  agree "$work/sql.csv"
  line="run $run: Credence $(tail -1 "$work/credence.times" | cut -d' ' -f1-2) s, SQL $(tail -1 "$work/sql.times" | cut -d' ' -f1-2) s"
  if [[ "$kinds" == *naive* ]]; then
    timed "$work/naive.times" "$work/naive.csv" sh -c 'sqlite3 -readonly -batch "$1" <"$2"' sh "$store" "$naive"
    agree "$work/naive.csv"
    line="$line, naive SQL $(tail -1 "$work/naive.times" | cut -d' ' -f1-2) s"
  fi
  timed "$work/floor.times" "$work/floor.out" "$floor" "$store"
  echo "$line, read floor $(tail -1 "$work/floor.times" | cut -d' ' -f1-2) s (wall, CPU)" >&2
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

report() { # kind, label
  printf '  %-10s %8.2f s  CPU %7.2f s  %9.0f learners/s  peak RSS %5d MB\n' "$2" \
    "$(column "$1" 1 | median)" "$(column "$1" 2 | median)" \
    "$(awk -v n="$learners" -v t="$(column "$1" 1 | median)" 'BEGIN { print n / t }')" \
    "$(($(column "$1" 3 | peak) / 1024))"
}
echo "$workload: $learners learners, $rows decisions, outputs identical; medians of $runs runs on $(nproc) cores (load average $load_before before, $load_after after)"
echo "             wall          CPU (user + system)"
report credence Credence
report sql SQL
[[ "$kinds" == *naive* ]] && report naive "naive SQL"
report floor "read floor"
awk -v ct="$(column credence 1 | median)" -v st="$(column sql 1 | median)" \
  -v cc="$(column credence 2 | median)" -v sc="$(column sql 2 | median)" \
  -v fc="$(column floor 2 | median)" 'BEGIN {
    printf "  ratio      %8.2f x  (SQL wall / Credence wall)\n", st / ct
    printf "             %8.2f x  (SQL CPU / Credence CPU)\n", sc / cc
    printf "  floor      %8.2f x  (Credence CPU / read-floor CPU)\n", cc / fc
  }'
