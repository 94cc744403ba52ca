#!/usr/bin/env bash
# Builds the libFuzzer targets and runs one of them on its seed corpus.
# Usage: Fuzz/run.sh [TARGET] [SECONDS] [extra libFuzzer flags…]
#   TARGET: FuzzFrontEnd (default), FuzzEvaluate, FuzzFormat or FuzzImport (README.md).
#   SECONDS: 600 by default; 0 runs until stopped (or until -runs=N says).
set -euo pipefail
cd "$(dirname "$0")"
target="${1:-FuzzFrontEnd}"
seconds="${2:-600}"
shift 2 || shift $# || true

if [ -z "${CREDENCE_FUZZ_NO_BUILD:-}" ]; then
  swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
fi

# The corpus grows in .build/corpus/TARGET, seeded on every start (libFuzzer keeps what it
# already found there).
corpus=".build/corpus/$target"
mkdir -p "$corpus" crashes
case "$target" in
  FuzzImport)
    cp ../Tests/CLITests/Fixtures/eval/records/*.csv seeds/import/* "$corpus"/
    for regression in regressions-import/*; do
      [ -e "$regression" ] && cp "$regression" "$corpus"/
    done
    dictionary=()
    ;;
  FuzzFrontEnd | FuzzEvaluate | FuzzFormat)
    find ../Tests/CredenceSyntaxTests/spec ../policies -name '*.credence' -exec cp {} "$corpus"/ \;
    for regression in regressions/*; do
      [ -e "$regression" ] && cp "$regression" "$corpus"/
    done
    dictionary=(-dict=credence.dict)
    ;;
  *)
    echo "unknown target $target: FuzzFrontEnd, FuzzEvaluate, FuzzFormat or FuzzImport" >&2
    exit 64
    ;;
esac

# No leak detection (libFuzzer's per input, ASan's at exit): Swift keeps an enum's case in
# the spare bits of its payload pointer (the boxes of `indirect enum ValueType` in the
# checker's static tables), which LeakSanitizer cannot follow, so objects reachable only that
# way are reported as leaked (README.md).
export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
exec ".build/release/$target" "$corpus" "${dictionary[@]}" -max_total_time="$seconds" \
  -timeout=30 -rss_limit_mb=2048 -max_len=8192 -artifact_prefix="crashes/$target-" \
  -detect_leaks=0 -print_final_stats=1 "$@"
