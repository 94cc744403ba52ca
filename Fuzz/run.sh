#!/usr/bin/env bash
# Builds the libFuzzer target for the lexer and parser and runs it, seeded from the spec
# tests and the policy library. Usage: Fuzz/run.sh [SECONDS] [extra libFuzzer flags…]
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-600}"
shift || true

swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
  --product FuzzFrontEnd

corpus=.build/corpus
mkdir -p "$corpus" crashes
find ../Tests/CredenceSyntaxTests/spec ../policies -name '*.credence' -exec cp {} "$corpus"/ \;
for regression in regressions/*; do
  [ -e "$regression" ] && cp "$regression" "$corpus"/
done

exec .build/release/FuzzFrontEnd "$corpus" -dict=credence.dict -max_total_time="$seconds" \
  -timeout=30 -rss_limit_mb=2048 -max_len=4096 -artifact_prefix=crashes/ -print_final_stats=1 "$@"
