#!/usr/bin/env bash
# Pathways (release build), as whole processes: for one learner of a sample store (332
# catalogue credentials), `credence path --limit 5` to each of the library's stacks, beside a
# plain `credence eval --learner` of the same learner in the same run (the ratio is printed);
# then a cohort (`path --all --within 2`) with its peak memory (GNU time's maximum RSS).
#
#   Benchmarks/scripts/pathways.sh                 # RUNS=11 LEARNERS=100000 by default
set -euo pipefail
cd "$(dirname "$0")/../.."

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
swift build -c release --product credence >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
bin="$(swift build -c release --show-bin-path)/credence"
"$bin" db sample "$work/sample.db" --learners "${LEARNERS:-100000}" --seed 1 >/dev/null
learner="$(sqlite3 "$work/sample.db" "select learner_id from awards where credential_code in ('IS5003','IS5004','IS5005','IS5128') group by learner_id having count(*) = 2 limit 1")"
stacks="$(grep -ho '^stack [a-z_0-9]*' -r policies | cut -d' ' -f2 | sort)"

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); learner $learner"
python3 - "$bin" "$work" "${RUNS:-11}" "$learner" $stacks <<'PY'
import statistics, subprocess, sys, time
binary, work, runs, learner, stacks = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5:]
common = ["policies", "--db", f"{work}/sample.db", "--learner", learner, "--as-of", "2026-06-30"]
commands = {"eval --learner": [binary, "eval", *common]}
for stack in stacks:
    commands[f"path --to {stack} --limit 5"] = [binary, "path", *common, "--to", stack, "--limit", "5"]
times = {name: [] for name in commands}
for round in range(runs + 2):
    for name, command in commands.items():
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if round >= 2:
            times[name].append(time.perf_counter() - start)
base = statistics.median(times["eval --learner"])
for name, values in times.items():
    median = statistics.median(values)
    print(f"{name:55} median {median * 1000:8.1f} ms   x{median / base:5.2f} of eval --learner")
PY
/usr/bin/time -f "cohort: %e s wall, %U s user, peak RSS %M KB" \
  "$bin" path policies --db "$work/sample.db" --all --within 2 --as-of 2026-06-30 \
  --to nus_gc_is --format csv >"$work/cohort.csv"
tail -5 "$work/cohort.csv"
