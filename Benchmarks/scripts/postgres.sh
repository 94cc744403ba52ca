#!/usr/bin/env bash
# The PostgreSQL record store against SQLite: the same sample population evaluated from each
# (`eval policies --all --format csv`), wall time, CPU time (user + sys, getrusage through
# /usr/bin/time) and peak RSS; then the 4 shards of the PostgreSQL run one after another,
# their CPU added up, against the single run. Outputs are compared byte for byte (the shards
# after the README's merge). The load average is printed beside the figures: on a shared
# machine wall times are noise, CPU times and ratios less so.
#
#   CREDENCE_BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:PORT/postgres \
#     Benchmarks/scripts/postgres.sh [LEARNERS]          (default 1000000)
#
# The URL names a server and a database to connect to; the script creates the database
# `credence_bench` there (dropped first if it exists). CREDENCE_BIN names a built `credence`
# (default: the release build). With CREDENCE_BENCH_SERVER_PID, the server's postmaster,
# each run's server CPU is printed too (the postmaster's own and its reaped backends'), since
# a shard's filtering happens in the server.
set -euo pipefail
cd "$(dirname "$0")/../.."

learners="${1:-1000000}"
url="${CREDENCE_BENCH_POSTGRES_URL:?set CREDENCE_BENCH_POSTGRES_URL to a PostgreSQL server}"
if [ -n "${CREDENCE_BIN:-}" ]; then
  bin="$CREDENCE_BIN"
else
  swift build -c release --product credence >/dev/null
  bin="$(swift build -c release --show-bin-path)/credence"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
bench="${url%/*}/credence_bench"
psql -X -q "$url" -c 'DROP DATABASE IF EXISTS credence_bench' -c 'CREATE DATABASE credence_bench'

server_cpu() { # seconds of CPU of the server so far (0 without CREDENCE_BENCH_SERVER_PID)
  [ -n "${CREDENCE_BENCH_SERVER_PID:-}" ] || { echo 0; return; }
  awk -v tick="$(getconf CLK_TCK)" '{ print ($14 + $15 + $16 + $17) / tick }' \
    "/proc/$CREDENCE_BENCH_SERVER_PID/stat"
}

cpu_total=0
server_total=0
measure() { # label, output file, command…
  local label="$1" out="$2"; shift 2
  local server_before
  server_before="$(server_cpu)"
  /usr/bin/time -v "$@" >"$out" 2>"$work/time" || [ $? -eq 65 ] || { cat "$work/time"; exit 1; }
  server_total=$(echo "$(server_cpu) - $server_before" | bc)
  local wall rss user sys
  wall="$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time")"
  rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time")"
  user="$(sed -n 's/.*User time (seconds): //p' "$work/time")"
  sys="$(sed -n 's/.*System time (seconds): //p' "$work/time")"
  cpu_total=$(echo "$user + $sys" | bc)
  printf '%-30s wall %9s   CPU %8.2f s   server CPU %7.2f s   peak RSS %5d MB   load %s\n' \
    "$label" "$wall" "$cpu_total" "$server_total" "$((rss / 1024))" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
}

eval_args=(eval policies --all --as-of 2026-06-30 --format csv)
measure "sample $learners (SQLite)" /dev/null "$bin" db sample "$work/sample.db" \
  --learners "$learners" --seed 1
"$bin" db init "$bench" >/dev/null
measure "db copy into PostgreSQL" /dev/null "$bin" db copy "$work/sample.db" "$bench"
measure "eval --all from SQLite" "$work/sqlite.csv" "$bin" "${eval_args[@]}" --db "$work/sample.db"
sqlite_cpu=$cpu_total
measure "eval --all from PostgreSQL" "$work/pg.csv" "$bin" "${eval_args[@]}" --db "$bench"
pg_cpu=$cpu_total
cmp "$work/sqlite.csv" "$work/pg.csv" && echo "    outputs byte-identical"
# The 4 shards of each store, one after another; their CPU added up against the single run.
shards() { # name, store, single run's CPU, single run's output
  local name="$1" db="$2" single="$3" whole="$4" total=0 k
  for k in 0 1 2 3; do
    measure "  shard $k/4 from $name" "$work/shard-$k.csv" "$bin" "${eval_args[@]}" \
      --db "$db" --shard "$k/4"
    total=$(echo "$total + $cpu_total" | bc)
    tail -n +2 "$work/shard-$k.csv" >"$work/shard-$k.rows"
  done
  { head -n 1 "$work/shard-0.csv"; LC_ALL=C sort -m -s -t, -k1,1 "$work"/shard-*.rows; } \
    >"$work/merged.csv"
  cmp "$work/merged.csv" "$whole" && echo "    merged shards byte-identical to the single run"
  printf '    4 shards / single run from %s: %.2f (%.2f s / %.2f s of CPU)\n' "$name" \
    "$(echo "$total / $single" | bc -l)" "$total" "$single"
}
shards PostgreSQL "$bench" "$pg_cpu" "$work/pg.csv"
shards SQLite "$work/sample.db" "$sqlite_cpu" "$work/sqlite.csv"
printf 'CPU: PostgreSQL / SQLite %.2f\n' "$(echo "$pg_cpu / $sqlite_cpu" | bc -l)"
psql -X -q "$url" -c 'DROP DATABASE IF EXISTS credence_bench'
