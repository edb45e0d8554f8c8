"""The health checks under wrk, through gunicorn as bench/load.py starts it.

For each of /healthz/live, /healthz/ready and /healthz (readiness, for older deployments),
beside the trivial view with no middleware at all, measured in turn with each (A B A B):
- throughput with 10 connections (requests a second, and its share of the bare view's), and
- latency with one connection (p50 and p99 from wrk --latency): one request's own cost,
  without the queueing of ten.
The gunicorn must have CELERY_BROKER_URL set, so that readiness checks a real broker as deployed.

    python -m bench.health                    # its own gunicorn (3 workers) on the bench database
    from bench.health import measure          # from bench/load.py, inside its _site(...):
    results["health"] = measure(base, seconds=args.wrk_seconds)

Writes bench/health-results.json when run on its own. Numbers are for reading; tests never
assert them.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from datetime import UTC, datetime
from pathlib import Path

from bench import wrk

HERE = Path(__file__).resolve().parent
PATHS = ("/healthz/live", "/healthz/ready", "/healthz")
BARE = "/bench/no-middleware/"  # bench.urls.NO_MIDDLEWARE_PATH, served by bench/wsgi.py


def measure(base: str, *, seconds: int = 8, rounds: int = 2) -> list[dict]:
    """Each health check and the bare view in turn (A B A B), `rounds` times: the best round's
    throughput at -c10 and latency at -c1 of each."""
    for path in (BARE, *PATHS):  # warm every worker: imports, connections
        wrk.run(base + path, seconds=1, connections=10)
    rows = []
    for path in PATHS:
        runs: dict[str, list[dict]] = {BARE: [], path: []}
        for _ in range(rounds):
            for each in (BARE, path):
                url = base + each
                runs[each].append({"c10": wrk.run(url, seconds=seconds, connections=10),
                                     "c1": wrk.run(url, seconds=seconds, connections=1)})
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
    from bench.load import _site

    _setup()
    with _site(args.workers, os.environ["CELERY_BROKER_URL"]) as base:
        print(f"gunicorn, {args.workers} sync workers, {base}, broker {os.environ['CELERY_BROKER_URL']}")
        rows = measure(base, seconds=args.seconds, rounds=args.rounds)
    result = {"run_at": datetime.now(UTC).isoformat(timespec="seconds"), "workers": args.workers,
              "load_average": [round(n, 2) for n in os.getloadavg()], "health": rows}
    Path(args.output).write_text(json.dumps(result, indent=2) + "\n")
    print(f"load average {result['load_average']}; results in {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
