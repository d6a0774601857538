#!/usr/bin/env python3
"""Measures `docsynth synth` on MBPP dev / LambdaBeam stubs: solved (passes the given examples
in the pipeline's Python check), generalizes (the chosen body also passes the held-out asserts,
run here in a fresh python3), and p50 time to the chosen candidate.

usage: python_space_bench.py SUITE.jsonl BUDGET_MS [--limit N] [--jobs J] [--bin PATH]
"""
import argparse, json, os, subprocess, sys, tempfile, statistics
from concurrent.futures import ThreadPoolExecutor


def run_task(t, budget, binary, tmp):
    path = os.path.join(tmp, f"{t['id']}.py")
    with open(path, "w") as f:
        f.write(t["stub"])
    try:
        p = subprocess.run([binary, "synth", path, "--json", "--budget-ms", str(budget),
                            "--engine", "search", "--top", "1", "--function", t["function"]],
                           capture_output=True, text=True, timeout=budget / 1000 + 60)
        res = json.loads(p.stdout)
    except Exception as e:  # noqa: BLE001
        return {"id": t["id"], "status": f"crash: {e}"}
    fs = res if isinstance(res, list) else res.get("functions", res)
    if isinstance(fs, dict):
        fs = [fs]
    f = next((x for x in fs if x.get("function") == t["function"]), None)
    if not f or f.get("status") != "solved":
        return {"id": t["id"], "status": f.get("status") if f else "missing",
                "error": (f or {}).get("error")}
    c = f["candidates"][0]
    code = "\n".join(c.get("imports", [])) + "\n" + t.get("setup", "") + "\n" + c["code"] + "\n"
    hidden = t.get("hidden_tests", [])
    ok = True
    if hidden:
        prog = code + "\n" + "\n".join(hidden) + "\n"
        try:
            r = subprocess.run([sys.executable, "-c", prog], capture_output=True, timeout=20)
            ok = r.returncode == 0
        except subprocess.TimeoutExpired:
            ok = False
    return {"id": t["id"], "status": "solved", "generalizes": ok, "ms": c["elapsed_ms"],
            "body": c["body"].strip(), "domain": f.get("domain"), "score": c.get("score"), "program": c.get("program")}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("suite")
    ap.add_argument("budget", type=int)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--bin", default="target/release/docsynth")
    ap.add_argument("--out")
    a = ap.parse_args()
    tasks = [json.loads(l) for l in open(a.suite)]
    if a.limit:
        tasks = tasks[: a.limit]
    with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(a.jobs) as ex:
        results = list(ex.map(lambda t: run_task(t, a.budget, a.bin, tmp), tasks))
    solved = [r for r in results if r["status"] == "solved"]
    gen = [r for r in solved if r["generalizes"]]
    ms = [r["ms"] for r in solved]
    summary = {"suite": os.path.basename(a.suite), "budget_ms": a.budget, "tasks": len(tasks),
               "solved": len(solved), "generalizes": len(gen),
               "p50_ms": statistics.median(ms) if ms else None}
    by_set = {}
    for t, r in zip(tasks, results):
        s = t.get("set")
        if s:
            d = by_set.setdefault(s, [0, 0, 0])
            d[0] += 1
            d[1] += r["status"] == "solved"
            d[2] += r.get("generalizes", False) is True
    if by_set:
        summary["by_set"] = {k: {"tasks": v[0], "solved": v[1], "generalizes": v[2]} for k, v in by_set.items()}
    print(json.dumps(summary))
    if a.out:
        with open(a.out, "w") as f:
            for r in results:
                f.write(json.dumps(r) + "\n")


if __name__ == "__main__":
    main()
