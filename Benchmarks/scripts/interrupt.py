#!/usr/bin/env python3
"""How long Ctrl-C takes to act: in the REPL (on a terminal, through a pseudo-terminal) during
a long evaluation, during `:path` planning and while checking a large definition (`:load` of a
file holding one list of a million numbers), and for `credence eval --all` on a large store.

For each case the work is started, Ctrl-C is sent once it has run for a while (the REPL's
terminal turns the byte 0x03 into SIGINT; `eval --all` gets SIGINT), and the time until the
REPL shows its prompt again (or the process has exited) is taken. The bar is 100 ms.

    CREDENCE_BIN=.build/debug/credence Benchmarks/scripts/interrupt.py [RUNS] [ONLY]

ONLY, when given, runs only the cases whose name contains it (`checking`, `REPL`, `eval`).

Wall times on a shared machine: the load average is printed beside them, and the figure that
matters is the worst run, well under the bar, not the mean.
"""
import os, pty, select, signal, statistics, subprocess, sys, tempfile, time

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
binary = os.environ.get("CREDENCE_BIN") or os.path.join(root, ".build", "debug", "credence")
runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
only = sys.argv[2] if len(sys.argv) > 2 else ""
policies = os.path.join(root, "policies")
prompt = b"credence> "


def load():
    return open("/proc/loadavg").read().split()[:3]


def read_until(fd, marker, timeout=600.0):
    """Reads the terminal until `marker` appears; gives what was read."""
    seen = b""
    deadline = time.monotonic() + timeout
    while marker not in seen:
        left = deadline - time.monotonic()
        if left <= 0:
            raise RuntimeError(f"no {marker!r} after {timeout} s; read {seen[-300:]!r}")
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            chunk = os.read(fd, 65536)
            if not chunk:
                raise RuntimeError(f"the REPL ended; read {seen[-300:]!r}")
            seen += chunk
    return seen


def repl_case(database, learner, line, delay):
    """Starts the REPL, selects `learner`, types `line`, sends Ctrl-C after `delay` seconds
    (None: never, giving how long the line took); gives the seconds from Ctrl-C to the next
    prompt, and whether it said `interrupted` (None when the work ended first)."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(binary, [binary, "repl", policies, "--db", database, "--as-of", "2026-06-30"])
    try:
        read_until(fd, prompt)
        os.write(fd, f":learner {learner}\n".encode())
        read_until(fd, prompt)
        os.write(fd, line.encode() + b"\n")
        read_until(fd, b"\n")  # the line echoed: the work has begun
        if delay is None:
            start = time.monotonic()
            read_until(fd, prompt)
            return time.monotonic() - start
        time.sleep(delay)
        ready, _, _ = select.select([fd], [], [], 0)
        early = os.read(fd, 65536) if ready else b""
        if prompt in early:
            return None
        start = time.monotonic()
        os.write(fd, b"\x03")
        seen = read_until(fd, prompt)
        return time.monotonic() - start, b"interrupted" in early + seen
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)


def eval_all_case(database, delay):
    process = subprocess.Popen(
        [binary, "eval", policies, "--db", database, "--all", "--as-of", "2026-06-30"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    if process.poll() is not None:
        return None
    start = time.monotonic()
    process.send_signal(signal.SIGINT)
    process.wait()
    return time.monotonic() - start, process.returncode == -signal.SIGINT


def report(name, samples):
    done = [s for s in samples if s is not None]
    if not done:
        print(f"{name}: the work ended before Ctrl-C every time; nothing measured")
        return
    times = [1000 * s[0] for s in done]
    said = sum(1 for s in done if s[1])
    print(f"{name}: median {statistics.median(times):.1f} ms, worst {max(times):.1f} ms "
          f"over {len(done)} runs ({said} stopped by Ctrl-C)")


with tempfile.TemporaryDirectory() as work:
    small = os.path.join(work, "small.db")
    large = os.path.join(work, "large.db")
    subprocess.run([binary, "db", "sample", small, "--learners", "1000", "--seed", "1"],
                   check=True, stdout=subprocess.DEVNULL)
    if only in "eval --all":
        subprocess.run([binary, "db", "sample", large, "--learners", "100000", "--seed", "1"],
                       check=True, stdout=subprocess.DEVNULL)
    learner = subprocess.run(
        ["sqlite3", small, "select learner_id from awards group by learner_id "
         "order by count(*) desc limit 1"], check=True, capture_output=True, text=True
    ).stdout.strip()
    print(f"binary {binary}; load average {' '.join(load())} before")
    # Counting every award four levels deep: tens of millions of steps, cut by the step limit.
    nested = "count(learner.awards where true)"
    for _ in range(4):
        nested = f"count(learner.awards where {nested} > 0)"
    # Ctrl-C half way through the work, timed once without it: each line is first checked
    # with the policies (a few hundred ms in a debug build), then evaluated.
    # One definition the checker takes seconds over: no evaluation runs, only the check.
    big = os.path.join(work, "big.credence")
    with open(big, "w") as file:
        file.write('policy "one large definition"\n\nlet big = count([')
        file.write(", ".join(["1"] * 1_000_000) + "])\n")
    lines = {"REPL, a long evaluation": nested,
             "REPL, :path nus_gc_is --by cost": ":path nus_gc_is --by cost",
             "REPL, checking a large definition (:load)": f":load {big}"}
    cases = {}
    for name, line in lines.items():
        if only not in name:
            continue
        whole = repl_case(small, learner, line, None)
        print(f"{name}: {1000 * whole:.0f} ms without Ctrl-C")
        cases[name] = lambda line=line, whole=whole: repl_case(small, learner, line, whole / 2)
    if only in "eval --all, 100,000 learners":
        cases["eval --all, 100,000 learners"] = lambda: eval_all_case(large, 1.0)
    for name, case in cases.items():
        report(name, [case() for _ in range(runs)])
    print(f"load average {' '.join(load())} after")
