"""`make bench-load`: the site under load as deployed, through gunicorn (3 sync workers, DEBUG off)
with Redis as cache and broker and a Celery worker, on loopback.

1. wrk (10 connections; 50 with --connections) on each public page and health check, measured in
   turn with the no-middleware view (bench/baselines.py): bare, page, bare, page, half the time
   each, so every page's share of the bare view's throughput is taken under the same load.
   `/healthz` as deployed (readiness: the database and the broker), and the liveness and readiness
   checks (`/healthz/live`, `/healthz/ready`) where they exist (a 404 is reported as such).
2. locust: 50 simulated people (35 tenants, 8 officers, 5 managers, 2 administrators), 1 to 3 s
   between clicks, arriving 2 a second, each signing in with their own email; they read and
   write (bench/load_people.py). p50, p95 and p99 of every request, per kind and overall,
   the errors (there is no page cache: every page is drawn afresh).
Uses the same database as `make bench` (seeded once by seed_scale). Every figure is written to
bench/load-results.json with the load average it was taken at. Numbers are for reading; tests
never assert them.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from bench import wrk
from bench.__main__ import _setup

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BROKER = "redis://127.0.0.1:6379/3"
HEALTH_CHECKS = ["/healthz", "/healthz/live", "/healthz/ready"]


def _load() -> float:
    return round(os.getloadavg()[0], 2)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _status(url: str) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})  # noqa: S310 - loopback
    try:
        # A minute: after wrk -c50 the workers may still be serving requests it left queued.
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - loopback URL we built
            return response.status, response.read().decode(errors="replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode(errors="replace")


def _wait_for(url: str, seconds: float = 90, until: str = "") -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            status, body = _status(url)
            if status < 500 and until in body:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"no answer{' with ' + until if until else ''} at {url}")


def _wait_for_worker(broker: str, seconds: float = 90) -> None:
    """Until the worker has started: its first heartbeat is in the broker (scrutiny/heartbeat.py)."""
    import redis

    from scrutiny.heartbeat import worker_key

    client = redis.Redis.from_url(broker)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if next(client.scan_iter(match=worker_key("*"), count=500), None) is not None:
            return
        time.sleep(0.5)
    raise SystemExit(f"no worker's heartbeat in {broker} after {seconds:.0f} s")


@contextmanager
def _running(command: list[str], env: dict[str, str], log: Path | None = None) -> Iterator[None]:
    out = open(log, "w") if log else None  # noqa: SIM115 - closed below
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=out)  # noqa: S603
    try:
        yield
    finally:
        process.terminate()
        process.wait(timeout=30)
        if out:
            out.close()


@contextmanager
def _site(workers: int, broker: str) -> Iterator[str]:
    """gunicorn serving bench/wsgi.py and a Celery worker, as deployed; yields the site's URL."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "CELERY_BROKER_URL": broker,
           "LOG_LEVEL": "ERROR"}  # not a line per 404 of a health check that does not exist yet
    worker = [sys.executable, "-m", "celery", "-A", "scrutiny", "worker", "--loglevel", "WARNING",
              "--concurrency", "1"]
    web = [sys.executable, "-m", "gunicorn", "bench.wsgi:application", "--bind", f"127.0.0.1:{port}",
           "--workers", str(workers), "--worker-class", "sync", "--timeout", "60", "--log-level", "warning"]
    # The worker's log (emails it sends print there when no mail server is set) goes to a file.
    (ROOT / "var").mkdir(exist_ok=True)
    with _running(worker, env, ROOT / "var" / "bench-load-worker.log"), _running(web, env):
        _wait_for(f"{base}/bench/bare/")
        _wait_for_worker(broker)
        yield base


def _wrk_pages(base: str, pages: list[tuple[str, str]], args: argparse.Namespace) -> list[dict]:
    """wrk on each page in turn with the no-middleware view: its share of that view's throughput."""
    from bench.urls import NO_MIDDLEWARE_PATH

    bare_url = base + NO_MIDDLEWARE_PATH
    # A worker's first request to a page imports code, compiles templates and opens its database
    # connection: once in the life of a worker, so left out of a measure of steady throughput.
    for _, path in [("", NO_MIDDLEWARE_PATH), *pages]:
        wrk.run(base + path, seconds=args.warm_seconds, connections=args.connections)
    rows = []
    half = max(1, args.wrk_seconds // 2)
    for name, path in pages:
        status, _ = _status(base + path)
        loads, bare, page = [_load()], [], []
        for _ in range(2):  # bare, page, bare, page
            bare.append(wrk.run(bare_url, seconds=half, connections=args.connections))
            page.append(wrk.run(base + path, seconds=half, connections=args.connections))
        loads.append(_load())
        bare_rps = sum(f["rps"] for f in bare) / 2
        rps = sum(f["rps"] for f in page) / 2
        row = {"page": name, "path": path, "status": status, "connections": args.connections,
               "rps": round(rps, 1), "bare_rps": round(bare_rps, 1),
               "share_of_bare": round(rps / bare_rps, 3),
               "p99_ms": max((f["p99_ms"] or 0) for f in page),
               "non_2xx": sum(f["non_2xx"] for f in page), "timeouts": sum(f["timeouts"] for f in page),
               "load": max(loads)}
        rows.append(row)
        print(f"wrk -c{args.connections}  {name:<32} status {status}  {row['rps']:8.1f} req/s  "
              f"{row['share_of_bare']:6.1%} of no middleware's {bare_rps:.0f}  p99 {row['p99_ms']} ms  "
              f"non-2xx={row['non_2xx']} timeouts={row['timeouts']}  load {row['load']}", flush=True)
    return rows


def _locust(base: str, plan: dict, args: argparse.Namespace) -> dict:
    """The mixed load: per kind of request and overall, requests, failures, p50, p95, p99."""
    with tempfile.TemporaryDirectory() as tmp:
        loads = [_load()]
        subprocess.run(  # noqa: S603 - fixed arguments
            [sys.executable, "-m", "locust", "-f", str(HERE / "locustfile.py"), "--headless",
             "-u", str(args.users), "-r", "2", "-t", f"{args.locust_seconds}s", "--host", base,
             "--csv", f"{tmp}/load", "--only-summary", "--loglevel", "WARNING"],
            cwd=ROOT, env={**os.environ, "BENCH_LOAD_PLAN": json.dumps(plan), "PYTHONPATH": str(ROOT)},
            check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        loads.append(_load())
        rows = []
        with open(f"{tmp}/load_stats.csv") as stats:
            for row in csv.DictReader(stats):
                rows.append({"request": row["Name"] or "all", "method": row["Type"],
                             "requests": int(row["Request Count"]), "failures": int(row["Failure Count"]),
                             "p50_ms": float(row["50%"]), "p95_ms": float(row["95%"]),
                             "p99_ms": float(row["99%"])})
        with open(f"{tmp}/load_failures.csv") as failures:
            errors = [{"request": row["Name"], "error": row["Error"], "count": int(row["Occurrences"])}
                      for row in csv.DictReader(failures)]
    for row in rows:
        print(f"locust {row['request']:<30} {row['requests']:6d} requests  p50 {row['p50_ms']:5.0f} ms  "
              f"p95 {row['p95_ms']:5.0f} ms  p99 {row['p99_ms']:5.0f} ms  errors {row['failures']}")
    for error in errors:
        print(f"locust error: {error['request']}: {error['error']} ({error['count']})")
    return {"users": args.users, "seconds": args.locust_seconds, "load": [min(loads), max(loads)],
            "requests": rows, "errors": errors}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load")
    parser.add_argument("--wrk-seconds", type=int, default=8, help="wrk per page, half of it per turn.")
    parser.add_argument("--warm-seconds", type=int, default=2, help="wrk per page before measuring.")
    parser.add_argument("--connections", type=int, default=10, help="wrk's connections (default 10).")
    parser.add_argument("--locust-seconds", type=int, default=90, help="0: wrk only.")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--output", default=str(HERE / "load-results.json"))
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")
    broker = os.environ.get("CELERY_BROKER_URL") or BROKER
    _setup()
    from io import StringIO

    from django.core.management import call_command

    from bench import load_plan, public_pages
    from bench.urls import BARE_PATH
    from scrutiny import extensions

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)
    call_command("seed_scale", stdout=StringIO())
    plan = load_plan.build()
    # The pages people who are not signed in may read, each app's newest (extensions.PUBLIC_PAGES).
    public = [(page["title"], page["url"]) for page in extensions.sections(extensions.PUBLIC_PAGES)]
    # The open data pages and files, switched on and one review published, as a panel would.
    public += [page for page in public_pages.open_data_pages() if page[1] not in {url for _, url in public}]
    pages = [("trivial view behind middleware", BARE_PATH), ("sign-in page", "/accounts/sign-in/"),
             *public, *((path, path) for path in HEALTH_CHECKS)]
    results: dict = {"run_at": datetime.now(UTC).isoformat(timespec="seconds"), "workers": args.workers,
                     "cores": os.cpu_count(), "load_at_start": _load(), "broker": "redis"}
    with _site(args.workers, broker) as base:
        print(f"gunicorn, {args.workers} sync workers, a Celery worker, Redis cache and broker; {base}")
        results["wrk"] = _wrk_pages(base, pages, args)
        if args.locust_seconds > 0:
            results["locust"] = _locust(base, plan, args)
            # The page cache was removed (every write emptied it): no page is kept whole.
            results["locust"]["page_cache"] = "none: no page is kept whole"
    results["load_at_end"] = _load()
    results["seconds"] = round(time.perf_counter() - started, 1)
    Path(args.output).write_text(json.dumps(results, indent=2) + "\n")
    print(f"done in {results['seconds']:.0f} s; results in {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
