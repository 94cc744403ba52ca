#!/usr/bin/env bash
# Pathways (release build), as whole processes: for one learner of a sample store (332
# catalogue credentials), `credence path --limit 5` to each of the library's stacks, beside a
# plain `credence eval --learner` of the same learner in the same run (the ratio is printed);
# then a cohort (`path --all --within 2`) with its wall time, CPU time and peak memory (GNU
# time's maximum RSS).
#
# The machine may be shared: the load average is printed before and after, CPU time (user +
# system of the child) is printed beside wall time, and with valgrind installed each command
# is also counted in instructions (callgrind), which load does not change.
#
#   Benchmarks/scripts/pathways.sh          # RUNS=11 LEARNERS=100000 CALLGRIND=1 by default
set -euo pipefail
cd "$(dirname "$0")/../.."

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
swift build -c release --product credence >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
bin="$(swift build -c release --show-bin-path)/credence"
"$bin" db sample "$work/sample.db" --learners "${LEARNERS:-100000}" --seed 1 >/dev/null
learner="$(sqlite3 "$work/sample.db" "select learner_id from awards where credential_code in ('IS5003','IS5004','IS5005','IS5128') group by learner_id having count(*) = 2 limit 1")"
stacks="$(grep -ho '^stack [a-z_0-9]*' -r policies | cut -d' ' -f2 | sort)"
catalogue="$(sqlite3 "$work/sample.db" "select count(*) from credentials")"
callgrind=0
if [ "${CALLGRIND:-1}" = 1 ] && command -v valgrind >/dev/null; then callgrind=1; fi

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "learner $learner, catalogue of $catalogue credentials"
python3 - "$bin" "$work" "${RUNS:-11}" "$learner" "$callgrind" $stacks <<'PY'
import os, re, resource, statistics, subprocess, sys, time
binary, work, runs, learner, callgrind = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5] == "1"
stacks = sys.argv[6:]
common = ["policies", "--db", f"{work}/sample.db", "--learner", learner, "--as-of", "2026-06-30"]
commands = {"eval --learner": [binary, "eval", *common]}
for stack in stacks:
    commands[f"path --to {stack} --limit 5"] = [binary, "path", *common, "--to", stack, "--limit", "5"]
wall = {name: [] for name in commands}
cpu = {name: [] for name in commands}
for round in range(runs + 2):
    for name, command in commands.items():
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if round >= 2:
            wall[name].append(elapsed)
            cpu[name].append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
instructions = {}
if callgrind:
    for name, command in commands.items():
        run = subprocess.run(
            ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        found = re.search(r"Collected : (\d+)", run.stderr)
        instructions[name] = int(found.group(1)) if found else None
base_wall = statistics.median(wall["eval --learner"])
base_cpu = statistics.median(cpu["eval --learner"])
base_ir = instructions.get("eval --learner")
for name in commands:
    w, c = statistics.median(wall[name]), statistics.median(cpu[name])
    line = (f"{name:55} wall {w * 1000:7.1f} ms x{w / base_wall:5.2f}"
            f"   cpu {c * 1000:7.1f} ms x{c / base_cpu:5.2f}")
    if instructions.get(name) and base_ir:
        line += f"   {instructions[name] / 1e6:8.1f} M instr x{instructions[name] / base_ir:5.2f}"
    print(line)
PY
/usr/bin/time -f "cohort (--within 2, nus_gc_is, ${LEARNERS:-100000} learners): %e s wall, %U s user, %S s system, peak RSS %M KB" \
  "$bin" path policies --db "$work/sample.db" --all --within 2 --as-of 2026-06-30 \
  --to nus_gc_is --format csv >"$work/cohort.csv"
grep -c ',path,' "$work/cohort.csv" | sed 's/^/learners with a path within 2: /'
tail -5 "$work/cohort.csv"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
