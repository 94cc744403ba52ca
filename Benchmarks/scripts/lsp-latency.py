#!/usr/bin/env python3
"""Edit-to-diagnostics latency of `credence lsp` on a large workspace.

Writes the policy library COPIES times over (policy-text.py, names renamed per copy) into a
temporary folder, starts the server on it, opens one file and sends EDITS whole-document
changes that alternately break it (an unknown name) and fix it. For each edit it measures
the wall time from sending `didChange` to receiving that file's `publishDiagnostics` (which
includes the server's 150 ms debounce), and reports the median and the worst, with the
server's CPU time (getrusage of the child) and the load average beside them.

    Benchmarks/scripts/lsp-latency.py [--copies 40] [--edits 20] [--credence PATH]
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
    parser.add_argument("--edits", type=int, default=20)
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
        process = subprocess.Popen(
            [args.credence, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        send(process, {"jsonrpc": "2.0", "id": 1, "method": "initialize",
                       "params": {"capabilities": {}, "rootUri": workspace.as_uri()}})
        while receive(process).get("id") != 1:
            pass
        send(process, {"jsonrpc": "2.0", "method": "initialized", "params": {}})
        send(process, {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
            "textDocument": {"uri": uri, "languageId": "credence", "version": 1, "text": text}}})
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
        send(process, {"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
        send(process, {"jsonrpc": "2.0", "method": "exit"})
        process.wait()
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"workspace: {len(files)} files, {size / 1e6:.1f} MB ({args.copies} x the library)")
    print(f"edits: {len(latencies)}; edit to diagnostics: median {statistics.median(latencies) * 1000:.0f} ms, "
          f"worst {max(latencies) * 1000:.0f} ms (150 ms of it the debounce)")
    print(f"server CPU time: {usage.ru_utime + usage.ru_stime:.1f} s in all; "
          f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
