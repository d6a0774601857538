#!/usr/bin/env python3
"""Drives a real `docsynth lsp` with a large document and many edits; reports the server's
resident memory as edits accumulate and the code-action latency right after each edit (the
document changed: the server must bring its analysis up to date) and again without an edit
(answered from the cache).

    tests/bench/lsp_large_document.py --bin target/release/docsynth --size-mb 5 --edits 1000

Prints one JSON object (also written to --json PATH): RSS (MiB) every --sample edits, latency
percentiles (ms). Needs only Python 3 and the binary.
"""

import argparse
import json
import os
import queue
import subprocess
import sys
import threading
import time

STUB = '''def initials(name: str) -> str:
    """Initials of a full name.

    >>> initials("Ada Lovelace")
    'AL'
    >>> initials("Alan Mathison Turing")
    'AMT'
    """
    ...

'''


def padding(target_bytes):
    parts, size, i = [], 0, 0
    while size < target_bytes:
        block = (
            f"\n\ndef helper_{i}(xs: list[int]) -> int:\n"
            f'    """Sum of a list, plus {i} (no examples: nothing to run)."""\n'
            f"    total = {i}\n    for x in xs:\n        total += x\n    return total\n"
        )
        parts.append(block)
        size += len(block)
        i += 1
    return "".join(parts), i


class Server:
    def __init__(self, binary, args):
        self.proc = subprocess.Popen(
            [binary, "lsp", *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self.q = queue.Queue()
        self.next_id = 1
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.q.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            body = out.read(length)
            self.q.put(json.loads(body))

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params, timeout=600):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        deadline = time.time() + timeout
        while True:
            msg = self.q.get(timeout=max(0.01, deadline - time.time()))
            if msg is None:
                raise RuntimeError("server closed its output")
            if "method" in msg and "id" in msg:  # a request from the server: answer it
                self.send({"jsonrpc": "2.0", "id": msg["id"], "result": None})
            elif msg.get("id") == rid and "method" not in msg:
                return msg

    def cpu_s(self):
        with open(f"/proc/{self.proc.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def rss_mib(self, field="VmRSS:"):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith(field):
                    return int(line.split()[1]) / 1024.0
        return None


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(p / 100.0 * len(xs)))] if xs else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/docsynth")
    ap.add_argument("--size-mb", type=float, default=5.0)
    ap.add_argument("--edits", type=int, default=1000)
    ap.add_argument("--sample", type=int, default=100)
    ap.add_argument("--code-action-every", type=int, default=1, help="ask for code actions after every Nth edit")
    ap.add_argument("--json")
    a = ap.parse_args()

    pad, helpers = padding(int(a.size_mb * 1024 * 1024))
    text = STUB + pad
    lines = text.count("\n")
    uri = "file:///tmp/docsynth-large-document.py"
    s = Server(a.bin, [])
    s.request(
        "initialize",
        {
            "processId": os.getpid(),
            "rootUri": None,
            "capabilities": {"textDocument": {"codeAction": {"resolveSupport": {"properties": ["edit"]}}}},
            "initializationOptions": {"docsynth": {"budgetMs": 500, "engine": "search"}},
        },
    )
    s.notify("initialized", {})
    t0 = time.time()
    s.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": text}})
    ca = {
        "textDocument": {"uri": uri},
        "range": {"start": {"line": 0, "character": 4}, "end": {"line": 0, "character": 4}},
        "context": {"diagnostics": []},
    }
    s.request("textDocument/codeAction", ca)
    open_ms = (time.time() - t0) * 1000
    rss = [{"edits": 0, "rss_mib": s.rss_mib()}]
    after_edit, cached = [], []
    cpu0 = s.cpu_s()
    for i in range(1, a.edits + 1):
        line = 12 + (i * 7919) % (lines - 20)
        s.notify(
            "textDocument/didChange",
            {
                "textDocument": {"uri": uri, "version": i + 1},
                "contentChanges": [
                    {"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}}, "text": f"# edit {i}\n"}
                ],
            },
        )
        if i % a.code_action_every == 0:
            t = time.time()
            s.request("textDocument/codeAction", ca)
            after_edit.append((time.time() - t) * 1000)
            t = time.time()
            s.request("textDocument/codeAction", ca)
            cached.append((time.time() - t) * 1000)
        if i % a.sample == 0 or i == a.edits:
            rss.append({"edits": i, "rss_mib": s.rss_mib()})
            print(f"{i} edits: RSS {rss[-1]['rss_mib']:.0f} MiB, code action after edit p50 {pct(after_edit, 50) or 0:.1f} ms", file=sys.stderr)
    cpu_s = s.cpu_s() - cpu0
    report = {
        "binary": a.bin,
        "document_mib": len(text) / 1048576.0,
        "functions": helpers + 1,
        "edits": a.edits,
        "code_action_every": a.code_action_every,
        "server_cpu_s_per_code_action_after_edit": cpu_s / max(1, len(after_edit)),
        "open_and_first_code_action_ms": open_ms,
        "rss": rss,
        "rss_peak_mib": s.rss_mib("VmHWM:"),
        "code_action_after_edit_ms": {"p50": pct(after_edit, 50), "p90": pct(after_edit, 90), "max": max(after_edit, default=None)},
        "code_action_cached_ms": {"p50": pct(cached, 50), "p90": pct(cached, 90), "max": max(cached, default=None)},
    }
    try:
        s.request("shutdown", None, timeout=30)
        s.notify("exit", None)
    except Exception:
        pass
    s.proc.kill()
    print(json.dumps(report, indent=1))
    if a.json:
        with open(a.json, "w") as f:
            json.dump(report, f, indent=1)


if __name__ == "__main__":
    main()
