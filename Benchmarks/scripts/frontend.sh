#!/usr/bin/env bash
# Front end and single learner, as whole processes (release build): `credence check` on 1 MB
# of policy text (the library copied whole until it holds 1,000,000 bytes, names renamed per
# copy, by policy-text.py), and `credence eval --learner` on the example policies with a sample store.
# Each command runs RUNS times (default 11) after 2 warm-up runs, interleaved; the medians are
# printed, with `credence --version` (process start) as the baseline in the same run.
#
#   Benchmarks/scripts/frontend.sh            # RUNS=21 Benchmarks/scripts/frontend.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
swift build -c release --product credence >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
bin="$(swift build -c release --show-bin-path)/credence"

python3 Benchmarks/scripts/policy-text.py --bytes 1000000 "$work/policies-1mb"
"$bin" check "$work/policies-1mb" >/dev/null   # must check cleanly (exit 0)
"$bin" db sample "$work/sample.db" --learners 1000 >/dev/null
"$bin" eval policies --db "$work/sample.db" --learner L0000001 --as-of 2026-03-01 >/dev/null

echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$bin" "$work" "${RUNS:-11}" <<'PY'
import statistics, subprocess, sys, time
binary, work, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
paths = subprocess.run(["find", f"{work}/policies-1mb", "-name", "*.credence"],
                       capture_output=True, text=True, check=True).stdout.split()
text, files = sum(len(open(p, "rb").read()) for p in paths), len(paths)
commands = {
    "credence --version (process start)": [binary, "--version"],
    f"credence check, {text:,} bytes in {files} files": [binary, "check", f"{work}/policies-1mb"],
    "credence eval --learner, 25 example policies": [
        binary, "eval", "policies", "--db", f"{work}/sample.db", "--learner", "L0000001",
        "--as-of", "2026-03-01"],
}
times = {name: [] for name in commands}
for round in range(runs + 2):
    for name, command in commands.items():
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
        if round >= 2:
            times[name].append(time.perf_counter() - start)
base = statistics.median(times["credence --version (process start)"])
print(f"{'command':48} {'median':>9} {'min':>9} {'x start':>8}   ({runs} runs each)")
for name, values in times.items():
    median = statistics.median(values)
    print(f"{name:48} {median * 1000:7.1f} ms {min(values) * 1000:7.1f} ms {median / base:7.1f}x")
PY
