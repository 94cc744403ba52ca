#!/usr/bin/env bash
# The running server against its own OpenAPI document, with schemathesis (PyPI):
# generated requests for every operation, checked for 5xx answers, undocumented statuses,
# content types, headers and bodies that break the schemas, and routes that let requests
# in without a key. Loopback only; bounded examples (a minute or two).
#
#   Tests/ServiceContract/run.sh            (after `swift build`)
set -euo pipefail
cd "$(dirname "$0")/../.."

examples="${CONTRACT_EXAMPLES:-40}"
work="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then
    kill -TERM "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

venv=".build/contract-venv"
if [ ! -x "$venv/bin/schemathesis" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q schemathesis==4.32.5
fi

swift build --product credence >/dev/null
credence="$(swift build --show-bin-path)/credence"

"$credence" db sample "$work/store.db" --learners 200 --seed 3 >/dev/null
token="$("$credence" serve keys add --keys "$work/keys" --name contract --scope admin)"

"$credence" serve policies --db "$work/store.db" --keys "$work/keys" \
  --listen 127.0.0.1:0 --log-format text 2>"$work/server.log" &
server=$!
port=""
for _ in $(seq 1 600); do
  port="$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/server.log" | head -1)"
  [ -n "$port" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { echo "the server did not start"; cat "$work/server.log"; exit 1; }

curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/openapi.json" >"$work/openapi.json"

"$venv/bin/schemathesis" run "$work/openapi.json" --url "http://127.0.0.1:$port" \
  -H "Authorization: Bearer $token" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance,ignored_auth,negative_data_rejection \
  --max-examples "$examples" --seed 1 --no-color
