"""The health checks under wrk, through gunicorn as bench/load.py starts it.

For each of /healthz/live, /healthz/ready and /healthz (readiness, for older deployments),
beside the bare view (one `SELECT 1`) measured in turn with each (A B A B):
- throughput with 10 connections (requests a second, and its share of the bare view's), and
- latency with one connection (p50 and p99 from wrk --latency): one request's own cost,
  without the queueing of ten.
The gunicorn must have CELERY_BROKER_URL set, so that readiness checks a real broker as deployed.

    python -m bench.health                    # its own gunicorn (3 workers) on the bench database
    from bench.health import measure          # from bench/load.py, inside its _gunicorn(...):
    results["health"] = measure(base, seconds=args.wrk_seconds)

Writes bench/health-results.json when run on its own. Numbers are for reading; tests never
assert them.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
PATHS = ("/healthz/live", "/healthz/ready", "/healthz")
BARE = "/bench/bare/"
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _wrk(url: str, connections: int, seconds: int) -> dict:
    out = subprocess.run(  # noqa: S603 - fixed arguments
        [shutil.which("wrk") or "wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{seconds}s",
         "--latency", "-H", "X-Forwarded-Proto: https", url],
        capture_output=True, text=True, check=True,
    ).stdout
    latency = {f"p{p}_ms": round(float(v) * UNITS[u], 3)
               for p, v, u in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)$", out, re.MULTILINE)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)), **latency,
            "non_2xx": int(errors.group(1)) if errors else 0}


def measure(base: str, *, seconds: int = 8, rounds: int = 2) -> list[dict]:
    """Each health check and the bare view in turn (A B A B), `rounds` times: the best round's
    throughput at -c10 and latency at -c1 of each."""
    for path in (BARE, *PATHS):  # warm every worker: imports, connections
        _wrk(base + path, 10, 1)
    rows = []
    for path in PATHS:
        runs: dict[str, list[dict]] = {BARE: [], path: []}
        for _ in range(rounds):
            for each in (BARE, path):
                url = base + each
                runs[each].append({"c10": _wrk(url, 10, seconds), "c1": _wrk(url, 1, seconds)})
        bare = max(run["c10"]["rps"] for run in runs[BARE])
        best = max(runs[path], key=lambda run: run["c10"]["rps"])
        row = {"path": path, "rps": best["c10"]["rps"], "bare_rps": bare,
               "share_of_bare": round(best["c10"]["rps"] / bare, 3),
               "p50_ms": min(run["c1"]["p50_ms"] for run in runs[path]),
               "p99_ms": min(run["c1"]["p99_ms"] for run in runs[path]),
               "non_2xx": sum(run["c10"]["non_2xx"] + run["c1"]["non_2xx"] for run in runs[path])}
        rows.append(row)
        print(f"wrk    health {path:<15} {row['rps']:8.1f} req/s ({row['share_of_bare']:.0%} of bare "
              f"{bare:.1f})  one at a time p50 {row['p50_ms']:.2f} ms p99 {row['p99_ms']:.2f} ms  "
              f"non-2xx={row['non_2xx']}", flush=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.health")
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--output", default=str(HERE / "health-results.json"))
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")
    os.environ.setdefault("CELERY_BROKER_URL", "redis://127.0.0.1:6379/0")
    from bench.__main__ import _setup
    from bench.load import _gunicorn

    _setup()
    with _gunicorn(args.workers, {}) as base:
        print(f"gunicorn, {args.workers} sync workers, {base}, broker {os.environ['CELERY_BROKER_URL']}")
        rows = measure(base, seconds=args.seconds, rounds=args.rounds)
    result = {"run_at": datetime.now(UTC).isoformat(timespec="seconds"), "workers": args.workers,
              "load_average": [round(n, 2) for n in os.getloadavg()], "health": rows}
    Path(args.output).write_text(json.dumps(result, indent=2) + "\n")
    print(f"load average {result['load_average']}; results in {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
