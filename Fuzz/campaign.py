#!/usr/bin/env python3
"""A fuzz campaign over the four targets: SLOTS fuzzers at once (2 by default), each slot
running, for CHUNK seconds at a time, the target furthest below its share of the executions,
until SECONDS have passed; then the executions of each target, counted from libFuzzer's own
final statistics (or the last `#N` line of a run that was stopped).

    Fuzz/run.sh FuzzFrontEnd 1       # build once
    Fuzz/campaign.py 14400 [CHUNK] [SLOTS]

Runs at `nice -n 10` with the flags a loaded machine needs (-timeout=600
-report_slow_units=600 -rss_limit_mb=3072); logs in Fuzz/.build/campaign/, kept between
campaigns and all counted, each ending with the run's CPU seconds (`campaign::cpu_seconds`,
from wait4). AddressSanitizer runs with `malloc_context_size=0`: it checks every access as
before but records no stack per allocation (a tenth or more of every target's time); a
report then lacks the allocation and free stacks, which running the binary on the crashing
input gives. A run that fails (a crash, a sanitizer report) takes its target out of the
campaign: reproduce it from Fuzz/crashes/ (README.md).
"""
import os, re, subprocess, sys, threading, time

here = os.path.dirname(os.path.abspath(__file__))
logs = os.path.join(here, ".build", "campaign")
seconds = int(sys.argv[1]) if len(sys.argv) > 1 else 3600
chunk = int(sys.argv[2]) if len(sys.argv) > 2 else 1200
slots = int(sys.argv[3]) if len(sys.argv) > 3 else 2
# Shares of the executions: the fast targets get more, none fewer than 500,000 of 10 million
# (docs/decisions.md: the formatter runs about five times as many inputs a CPU second as the
# front end, which renders every diagnostic three ways).
goals = {"FuzzFrontEnd": 1_500_000, "FuzzFormat": 6_500_000, "FuzzEvaluate": 1_500_000,
         "FuzzImport": 500_000}
deadline = time.time() + seconds
lock = threading.Lock()
running, failed = set(), set()


def executions(since=0):
    """Executions so far per target, from every log of this and earlier campaigns (or of the
    runs started at `since` or later), and the CPU seconds of the runs that recorded them."""
    counts = {target: 0 for target in goals}
    cpu = {target: 0.0 for target in goals}
    for name in os.listdir(logs):
        match = re.match(r"(Fuzz\w+)-(\d+)\.log$", name)
        if not match or match.group(1) not in counts or int(match.group(2)) < since:
            continue
        text = open(os.path.join(logs, name), errors="replace").read()
        final = re.findall(r"stat::number_of_executed_units: (\d+)", text)
        last = re.findall(r"^#(\d+)\s", text, re.M)
        counts[match.group(1)] += int(final[-1]) if final else int(last[-1]) if last else 0
        cpu[match.group(1)] += sum(map(float, re.findall(r"campaign::cpu_seconds: ([\d.]+)", text)))
    return counts, cpu


def slot():
    while deadline - time.time() >= 60:
        with lock:
            counts, _ = executions()
            choices = [t for t in goals if t not in running and t not in failed]
            if not choices:
                return
            target = min(choices, key=lambda t: counts[t] / goals[t])
            running.add(target)
        length = int(min(chunk, deadline - time.time()))
        log = os.path.join(logs, f"{target}-{int(time.time())}.log")
        environment = dict(os.environ, CREDENCE_FUZZ_NO_BUILD="1")
        environment["ASAN_OPTIONS"] = ":".join(
            filter(None, ["malloc_context_size=0", os.environ.get("ASAN_OPTIONS")]))
        with open(log, "w") as output:
            # nice and run.sh exec the fuzzer: the child's own rusage is the fuzzer's CPU.
            process = subprocess.Popen(
                ["nice", "-n", "10", "./run.sh", target, str(length), "-timeout=600",
                 "-report_slow_units=600", "-rss_limit_mb=3072"],
                cwd=here, env=environment, stdout=output, stderr=subprocess.STDOUT)
            _, wait_status, usage = os.wait4(process.pid, 0)
            status = process.returncode = os.waitstatus_to_exitcode(wait_status)
            output.write(f"campaign::cpu_seconds: {usage.ru_utime + usage.ru_stime:.1f}\n")
        with lock:
            running.discard(target)
            if status != 0:
                failed.add(target)
                print(f"{target} failed (status {status}): see {log}", flush=True)


os.makedirs(logs, exist_ok=True)
started = int(time.time())
threads = [threading.Thread(target=slot) for _ in range(slots)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
counts, _ = executions()
now, cpu = executions(since=started)
for target, count in counts.items():
    rate = f", {now[target] / cpu[target]:,.0f} a CPU second" if cpu[target] else ""
    print(f"{target}: {count:,} executions ({now[target]:,} in this campaign, "
          f"{cpu[target]:,.0f} CPU seconds{rate})")
print(f"in all: {sum(counts.values()):,}" + (f"; failed: {sorted(failed)}" if failed else ""))
