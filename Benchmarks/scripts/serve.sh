#!/usr/bin/env bash
# Load on `credence serve` from a second process on loopback (wrk, from Debian's
# packages): random learners of a sample store decided with the example library, with
# 64 connections for 60 s, then the same again while the policies are reloaded every
# second (alternating two versions, by admin request and by SIGHUP in turn). Reports
# requests/s, p50/p99 latency, failed requests (must be 0), the server's CPU time per
# request (getrusage-like, from /proc: load-independent), its RSS at start and end, the
# load average, and a same-run baseline: GET /health at the same concurrency.
#
#   Benchmarks/scripts/serve.sh [LEARNERS] [SECONDS] [CONNECTIONS]   (100000 60 64)
set -euo pipefail
cd "$(dirname "$0")/../.."

learners="${1:-100000}"
seconds="${2:-60}"
connections="${3:-64}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk"; exit 1; }
# CREDENCE_BIN: a release binary built already (else one is built here).
bin="${CREDENCE_BIN:-}"
if [ -z "$bin" ]; then
  swift build -c release --product credence >/dev/null
  bin="$(swift build -c release --show-bin-path)/credence"
fi
work="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$bin" db sample "$work/store.db" --learners "$learners" --seed 1 >/dev/null
sqlite3 "$work/store.db" "select id from learners" >"$work/ids"
token="$("$bin" serve keys add --keys "$work/keys" --name load --scope admin)"
cp -r policies "$work/policies"

"$bin" serve "$work/policies" --db "$work/store.db" --keys "$work/keys" \
  --listen 127.0.0.1:0 --log-level notice --log-format text 2>"$work/server.log" &
server=$!
port=""
for _ in $(seq 1 600); do
  port="$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/server.log" | head -1)"
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { cat "$work/server.log"; exit 1; }

rss() { awk '/VmRSS/ { printf "%d MB", $2 / 1024 }' "/proc/$server/status"; }
# The server's user + system CPU time so far, in clock ticks.
cpu() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }
ticks="$(getconf CLK_TCK)"
run() { # label [wrk script] [seconds]
  local script="${2:-Benchmarks/scripts/serve-load.lua}" length="${3:-$seconds}" before after out
  echo "== $1 (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  echo "   server RSS at start $(rss)"
  before="$(cpu)"
  out="$(CREDENCE_TOKEN="$token" CREDENCE_IDS="$work/ids" wrk -t2 -c"$connections" -d"${length}s" \
    --latency -s "$script" "http://127.0.0.1:$port" | tail -1)"
  after="$(cpu)"
  echo "   $out"
  echo "$out" | awk -v cpu=$((after - before)) -v hz="$ticks" '{
    n = $2; sub(",", "", n); printf "   server CPU %.1f s, %.3f ms per request\n", cpu / hz, cpu / hz * 1000 / n }'
  echo "   server RSS at end $(rss) (load average $(cut -d' ' -f1-3 /proc/loadavg))"
}

# Warm-up: the first requests fault in the store's pages.
CREDENCE_TOKEN="$token" CREDENCE_IDS="$work/ids" wrk -t1 -c4 -d5s \
  -s Benchmarks/scripts/serve-load.lua "http://127.0.0.1:$port" >/dev/null
run "baseline: GET /health, $connections connections, 10s" Benchmarks/scripts/serve-health.lua 10
run "decide, $connections connections, ${seconds}s, $learners learners"

# Reloads every second, alternating two versions of the library (a comment added to one
# file and taken away) and the trigger (admin request, SIGHUP), while the same load runs.
file="$(find "$work/policies" -name '*.credence' | sort | head -1)"
cp "$file" "$work/original.credence"
reloads() {
  local end=$((SECONDS + seconds)) flip=0
  while [ "$SECONDS" -lt "$end" ]; do
    # Written aside and renamed into place, as an editor or a deployment would.
    if [ "$flip" = 0 ]; then { cat "$work/original.credence"; printf '\n# reload\n'; } >"$work/next"; flip=1
    else cp "$work/original.credence" "$work/next"; flip=0; fi
    mv "$work/next" "$file"
    if [ "$flip" = 1 ]; then
      curl -s -o /dev/null -w '%{http_code}\n' -X POST -H "Authorization: Bearer $token" \
        "http://127.0.0.1:$port/v1/admin/reload" >>"$work/reloads"
    else
      kill -HUP "$server"
    fi
    sleep 1
  done
}
reloads &
reloader=$!
run "decide during reloads, $connections connections, ${seconds}s"
wait "$reloader"
echo "   admin reloads: $(grep -c '^200$' "$work/reloads") answered 200, $(grep -vc '^200$' "$work/reloads" || true) otherwise"
echo "   policy versions put in force (admin and SIGHUP): $(grep -c 'policies reloaded' "$work/server.log" || true)"
