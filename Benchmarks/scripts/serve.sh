#!/usr/bin/env bash
# Load on `credence serve` from a second process on loopback (wrk, from Debian's
# packages): random learners of a sample store decided with the example library, with
# 64 connections for 60 s, then the same again while the policies are reloaded every
# second (alternating two versions). Reports requests/s, p50/p99 latency, failed requests
# (must be 0), the server's RSS at start and end, and the load average.
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
# The start-up line is a notice: shown at --log-level notice? No: wait for the port instead.

rss() { awk '/VmRSS/ { printf "%d MB", $2 / 1024 }' "/proc/$server/status"; }
run() { # label
  echo "== $1 (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  echo "   server RSS at start $(rss)"
  CREDENCE_TOKEN="$token" CREDENCE_IDS="$work/ids" wrk -t2 -c"$connections" -d"${seconds}s" \
    --latency -s Benchmarks/scripts/serve-load.lua "http://127.0.0.1:$port" | tail -1 | sed 's/^/   /'
  echo "   server RSS at end $(rss) (load average $(cut -d' ' -f1-3 /proc/loadavg))"
}

# Warm-up: the first requests fault in the store's pages.
CREDENCE_TOKEN="$token" CREDENCE_IDS="$work/ids" wrk -t1 -c4 -d5s \
  -s Benchmarks/scripts/serve-load.lua "http://127.0.0.1:$port" >/dev/null
run "decide, $connections connections, ${seconds}s, $learners learners"

# Reloads every second, alternating two versions of the library (a comment added to one
# file and taken away), while the same load runs.
file="$(find "$work/policies" -name '*.credence' | sort | head -1)"
cp "$file" "$work/original.credence"
reloads() {
  local end=$((SECONDS + seconds)) flip=0
  while [ "$SECONDS" -lt "$end" ]; do
    # Written aside and renamed into place, as an editor or a deployment would.
    if [ "$flip" = 0 ]; then { cat "$work/original.credence"; printf '\n# reload\n'; } >"$work/next"; flip=1
    else cp "$work/original.credence" "$work/next"; flip=0; fi
    mv "$work/next" "$file"
    curl -s -o /dev/null -w '%{http_code}\n' -X POST -H "Authorization: Bearer $token" \
      "http://127.0.0.1:$port/v1/admin/reload" >>"$work/reloads"
    sleep 1
  done
}
reloads &
reloader=$!
run "decide during reloads, $connections connections, ${seconds}s"
wait "$reloader"
echo "   reloads: $(grep -c '^200$' "$work/reloads") answered 200, $(grep -vc '^200$' "$work/reloads" || true) otherwise"
