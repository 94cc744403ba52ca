#!/usr/bin/env python3
"""The advisor's pages on a sample store, from a second process on loopback.

Starts `credence serve` on a store (written here with `credence db sample --seed 1`
unless --store names one), signs in with a key in the page cookie, and requests, one at a
time: learner pages of distinct learners, the policy reference, id suggestions, what-ifs
with one and with two awards, then each decision's cohort dashboard from its first request
to its answer (polled every half second) and cached. For each it prints wall times
(median, worst), the server's CPU time per request (utime + stime of the server from
/proc, which a loaded machine does not inflate the way it does wall times), the server's
RSS after it and its peak, and the load average.

    Benchmarks/scripts/pages.py --credence .build/release/credence [--learners 100000]
        [--store FILE] [--requests 20] [--as-of 2026-06-30] [--decisions a,b]
"""
import argparse
import os
import re
import sqlite3
import statistics
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TICKS = os.sysconf("SC_CLK_TCK")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def memory(pid):
    status = dict(
        line.split(":", 1) for line in open(f"/proc/{pid}/status").read().splitlines() if ":" in line)
    return int(status["VmRSS"].split()[0]) // 1024, int(status["VmHWM"].split()[0]) // 1024


def load():
    return open("/proc/loadavg").read().split()[0]


class Server:
    def __init__(self, credence, store, work):
        token = subprocess.run(
            [credence, "serve", "keys", "add", "--keys", f"{work}/keys", "--name", "pages",
             "--scope", "decide"], check=True, capture_output=True, text=True).stdout.strip()
        self.cookie = f"credence_key={token}"
        self.log = open(f"{work}/server.log", "w+")
        self.process = subprocess.Popen(
            [credence, "serve", os.path.join(ROOT, "policies"), "--db", store, "--keys",
             f"{work}/keys", "--listen", "127.0.0.1:0", "--log-level", "notice",
             "--log-format", "text"], stderr=self.log)
        for _ in range(600):
            self.log.seek(0)
            found = re.search(r"listening on http://127\.0\.0\.1:(\d+)", self.log.read())
            if found:
                self.base = f"http://127.0.0.1:{found.group(1)}"
                return
            if self.process.poll() is not None:
                raise SystemExit("the server stopped:\n" + open(f"{work}/server.log").read())
            time.sleep(0.1)
        raise SystemExit("the server did not start")

    def request(self, path, form=None):
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        request = urllib.request.Request(self.base + path, data=data, headers={"Cookie": self.cookie})
        started = time.perf_counter()
        with OPENER.open(request, timeout=600) as reply:
            text = reply.read().decode()
            status = reply.status
        if status != 200:
            raise SystemExit(f"{path}: {status}")
        return time.perf_counter() - started, text

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=60)


def measure(server, name, requests, rows):
    """Runs each request of `requests` (a list of callables returning wall seconds) and
    adds a row: wall median and worst, server CPU a request, RSS after, peak RSS."""
    pid = server.process.pid
    before = cpu_seconds(pid)
    loads = [load()]
    walls = [request() for request in requests]
    cpu = (cpu_seconds(pid) - before) / len(requests)
    loads.append(load())
    rss, peak = memory(pid)
    rows.append((name, len(requests), statistics.median(walls), max(walls), cpu, rss, peak,
                 "–".join(loads)))
    print(f"{name}: n={len(requests)} median {statistics.median(walls)*1000:.0f} ms, "
          f"worst {max(walls)*1000:.0f} ms, CPU {cpu*1000:.1f} ms a request, RSS {rss} MB "
          f"(peak {peak} MB), load {'–'.join(loads)}", flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--credence", default=os.path.join(ROOT, ".build/release/credence"))
    parser.add_argument("--learners", type=int, default=100000)
    parser.add_argument("--store")
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--as-of", default="2026-06-30")
    parser.add_argument("--decisions", help="comma-separated; default every decision")
    args = parser.parse_args()
    work = tempfile.mkdtemp()
    store = args.store
    if not store:
        store = f"{work}/store.db"
        subprocess.run([args.credence, "db", "sample", store, "--learners", str(args.learners),
                        "--seed", "1"], check=True, capture_output=True)
    ids = [row[0] for row in sqlite3.connect(store).execute(
        "select id from learners order by id limit ? offset 1000", (args.requests * 4,))]
    server = Server(args.credence, store, work)
    rows = []
    as_of = args.as_of
    try:
        rss, _ = memory(server.process.pid)
        print(f"server RSS at start {rss} MB, load {load()}")
        page = lambda path: (lambda: server.request(path)[0])
        learner_pages = [page(f"/learner?id={i}&as_of={as_of}") for i in ids[:args.requests]]
        measure(server, "learner page", learner_pages, rows)
        measure(server, "policy reference", [page("/reference")] * args.requests, rows)
        measure(server, "id suggestions", [page(f"/learner/suggest?prefix={i[:4]}")
                                           for i in ids[:args.requests]], rows)
        # What-ifs: each learner's own planned credentials when it has two, else the
        # catalogue's first.
        catalogue = [row[0] for row in sqlite3.connect(store).execute(
            "select code from credentials order by code limit 2")]
        questions = []
        for learner in ids[args.requests:args.requests * 2]:
            _, text = server.request(f"/learner?id={learner}&as_of={as_of}")
            csrf = re.search(r'name="csrf" value="([^"]+)"', text).group(1)
            codes = list(dict.fromkeys(re.findall(r"<li><code>([^<]+)</code>", text)))
            questions.append((learner, csrf, (codes + catalogue)[:2]))
        for count, name in [(1, "what-if, one award"), (2, "what-if, two awards")]:
            def ask(question=None, count=count):
                learner, csrf, codes = question
                form = {"csrf": csrf, "id": learner, "as_of": as_of}
                for number, code in enumerate(codes[:count], start=1):
                    form[f"code-{number}"] = code
                wall, text = server.request("/learner/what-if", form)
                if "What changes with" not in text:
                    raise SystemExit(f"no what-if answer for {learner} {codes[:count]}")
                return wall
            measure(server, name, [lambda q=q: ask(q) for q in questions], rows)
        _, text = server.request("/cohort")
        decisions = re.findall(r'<option value="([^"]+)"', text)
        if args.decisions:
            decisions = [d for d in decisions if d in args.decisions.split(",")]
        first = []
        for decision in decisions:
            path = f"/cohort?decision={decision}&as_of={as_of}"
            pid = server.process.pid
            before, started = cpu_seconds(pid), time.perf_counter()
            while 'http-equiv="refresh"' in server.request(path)[1]:
                time.sleep(0.5)
            wall, cpu = time.perf_counter() - started, cpu_seconds(pid) - before
            rss, peak = memory(pid)
            first.append((decision, wall, cpu, rss, peak, load()))
            print(f"dashboard {decision}: first {wall:.1f} s wall, {cpu:.1f} s server CPU, "
                  f"RSS {rss} MB (peak {peak} MB), load {load()}", flush=True)
            measure(server, f"dashboard {decision}, cached", [page(path)] * args.requests, rows)
        print("\n| page | requests | median | worst | server CPU a request | RSS after | peak RSS | load |")
        print("|---|---:|---:|---:|---:|---:|---:|---|")
        for name, n, median, worst, cpu, rss, peak, loads in rows:
            print(f"| {name} | {n} | {median*1000:.0f} ms | {worst*1000:.0f} ms | "
                  f"{cpu*1000:.1f} ms | {rss} MB | {peak} MB | {loads} |")
        print("\n| dashboard | first answer, wall | server CPU | RSS after | peak RSS | load |")
        print("|---|---:|---:|---:|---:|---|")
        for decision, wall, cpu, rss, peak, loads in first:
            print(f"| `{decision}` | {wall:.1f} s | {cpu:.1f} s | {rss} MB | {peak} MB | {loads} |")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
