#!/usr/bin/env python3
"""Edit-to-diagnostics latency of `credence lsp` on a large workspace.

Writes the policy library COPIES times over (policy-text.py, names renamed per copy) into a
temporary folder, starts the server on it, opens one file and sends EDITS whole-document
changes that alternately break it (an unknown name) and fix it. For each edit it measures
the wall time from sending `didChange` to receiving that file's `publishDiagnostics` (which
includes the server's 150 ms debounce), and reports the median, the 95th percentile and the
worst, with the server's CPU time a check (from /proc, the first check apart) and the load
average beside them. The baseline, in the same run: `credence check` of the same folder as a
new process (BASELINE runs, before and after the edits), wall and CPU time.

    Benchmarks/scripts/lsp-latency.py [--copies 40] [--edits 30] [--baseline 5] [--credence PATH]
"""
import argparse
import json
import os
import pathlib
import resource
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]


def send(process, message):
    body = json.dumps(message).encode()
    process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    process.stdin.flush()


def receive(process):
    length = None
    while True:
        line = process.stdout.readline()
        if not line:
            raise SystemExit("the server closed its output")
        line = line.strip()
        if not line:
            break
        name, _, value = line.partition(b":")
        if name.lower() == b"content-length":
            length = int(value)
    return json.loads(process.stdout.read(length))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=40)
    parser.add_argument("--edits", type=int, default=30)
    parser.add_argument("--baseline", type=int, default=5)
    parser.add_argument("--credence", default=str(ROOT / ".build/debug/credence"))
    args = parser.parse_args()

    library = sum(p.stat().st_size for p in (ROOT / "policies").rglob("*.credence"))
    with tempfile.TemporaryDirectory() as folder:
        workspace = pathlib.Path(folder)
        subprocess.run(
            [sys.executable, str(ROOT / "Benchmarks/scripts/policy-text.py"),
             "--bytes", str(library * args.copies - 1), str(workspace)], check=True)
        files = sorted(workspace.rglob("*.credence"))
        size = sum(p.stat().st_size for p in files)
        target = files[0]
        uri = target.as_uri()
        text = target.read_text()
        baseline = [check_folder(args.credence, workspace) for _ in range((args.baseline + 1) // 2)]
        process = subprocess.Popen(
            [args.credence, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        send(process, {"jsonrpc": "2.0", "id": 1, "method": "initialize",
                       "params": {"capabilities": {}, "rootUri": workspace.as_uri()}})
        while receive(process).get("id") != 1:
            pass
        send(process, {"jsonrpc": "2.0", "method": "initialized", "params": {}})
        send(process, {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
            "textDocument": {"uri": uri, "languageId": "credence", "version": 1, "text": text}}})
        # The first check parses every file: a request about names makes it now, and its
        # answer says it is done, before edits are timed.
        send(process, {"jsonrpc": "2.0", "id": 3, "method": "textDocument/documentSymbol",
                       "params": {"textDocument": {"uri": uri}}})
        while receive(process).get("id") != 3:
            pass
        first_check_cpu = cpu_seconds(process.pid)
        latencies = []
        for edit in range(args.edits):
            broken = edit % 2 == 0
            changed = text + ("\nlet latency_probe = no_such_name\n" if broken else "\n")
            started = time.monotonic()
            send(process, {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
                "textDocument": {"uri": uri, "version": edit + 2},
                "contentChanges": [{"text": changed}]}})
            while True:
                message = receive(process)
                if message.get("method") != "textDocument/publishDiagnostics":
                    continue
                params = message["params"]
                has_error = any(d.get("code") == "E0302" for d in params["diagnostics"])
                if params["uri"] == uri and has_error == broken:
                    break
            latencies.append(time.monotonic() - started)
        edits_cpu = cpu_seconds(process.pid) - first_check_cpu
        send(process, {"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
        send(process, {"jsonrpc": "2.0", "method": "exit"})
        process.wait()
        baseline += [check_folder(args.credence, workspace) for _ in range(args.baseline // 2)]
    latencies.sort()
    p95 = latencies[min(len(latencies) - 1, round(0.95 * (len(latencies) - 1)))]
    print(f"workspace: {len(files)} files, {size / 1e6:.1f} MB ({args.copies} x the library)")
    print(f"edits: {len(latencies)}; edit to diagnostics: median {statistics.median(latencies) * 1000:.0f} ms, "
          f"p95 {p95 * 1000:.0f} ms, worst {latencies[-1] * 1000:.0f} ms (150 ms of it the debounce)")
    print(f"server CPU: first check {first_check_cpu:.2f} s (start-up and every file parsed), "
          f"then {edits_cpu / len(latencies) * 1000:.0f} ms an edit")
    print(f"baseline, `credence check` of the folder as a process ({len(baseline)} runs): "
          f"wall median {statistics.median(w for w, _ in baseline) * 1000:.0f} ms, "
          f"CPU median {statistics.median(c for _, c in baseline) * 1000:.0f} ms")
    print(f"load average {os.getloadavg()[0]:.1f}")


def check_folder(credence, workspace):
    """Wall and CPU time (user + system) of `credence check` on the folder, as a new process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    subprocess.run([credence, "check", str(workspace)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def cpu_seconds(pid):
    """User + system CPU time a running process has used (/proc/PID/stat)."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


if __name__ == "__main__":
    main()
