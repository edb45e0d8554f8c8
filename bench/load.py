"""`make bench-load`: the main pages under load, through gunicorn with DEBUG off, on loopback.

1. wrk (10 connections, a few seconds a page, after a short run that warms every worker up)
   measures each page's throughput as a share of the bare view's (one `SELECT 1`, fixed
   response) in the same run, against a gunicorn as deployed ("wrk" in the results).
2. locust (50 users, 1 to 3 s between pages, bounded in time), against the same gunicorn,
   measures the 95th percentile response time of each page and counts errors.
3. wrk again, against a second gunicorn, with its own bare view ("wrk_drawn"). There is no page
   cache any more, so both runs draw every page afresh.
Uses the same database as `make bench` (seeded once by seed_scale). Writes
bench/load-results.json. Numbers are for reading; tests never assert them.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from bench.__main__ import _setup

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - loopback URL we built
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"gunicorn did not answer at {url}")


def _wrk(url: str, cookie: str, seconds: int) -> dict:
    out = subprocess.run(  # noqa: S603 - fixed arguments
        [shutil.which("wrk") or "wrk", "-t2", "-c10", f"-d{seconds}s", "--latency", "-H", f"Cookie: {cookie}",
         "-H", "X-Forwarded-Proto: https", url],
        capture_output=True, text=True, check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    timeouts = re.search(r"timeout (\d+)", out)
    return {"rps": rps, "non_2xx": int(errors.group(1)) if errors else 0,
            "timeouts": int(timeouts.group(1)) if timeouts else 0}


@contextmanager
def _gunicorn(workers: int, settings: dict[str, str]) -> Iterator[str]:
    """A gunicorn on a free loopback port with these settings in its environment; yields its URL."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", **settings}
    gunicorn = subprocess.Popen(  # noqa: S603 - fixed arguments
        [sys.executable, "-m", "gunicorn", "scrutiny.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", str(workers), "--worker-class", "sync", "--timeout", "60",
         "--log-level", "warning"],
        cwd=ROOT, env=env,
    )
    try:
        _wait_for(f"{base}/bench/bare/")
        yield base
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=30)


def _wrk_pages(base: str, pages: list, cookies: dict, args: argparse.Namespace, label: str) -> list[dict]:
    """wrk on every page, the bare view first: throughput and its share of the bare view's."""
    # Every worker's first request to a page imports code, compiles templates and opens its
    # database connection (seconds on a busy machine): served once in the life of a worker,
    # so left out of a measure of steady throughput. With the page cache on, this also keeps
    # each page, as a person who has seen it once finds it.
    for _, role, path in pages:
        _wrk(base + path, cookies.get(role, "x=y"), args.warm_seconds)
    rows, bare_rps = [], None
    for name, role, path in pages:
        figures = _wrk(base + path, cookies.get(role, "x=y"), args.wrk_seconds)
        bare_rps = bare_rps or figures["rps"]
        figures["share_of_bare"] = round(figures["rps"] / bare_rps, 3)
        rows.append({"page": name, "path": path, **figures})
        print(f"wrk    {label:<5}  {name:<30} {figures['rps']:8.1f} req/s  "
              f"{figures['share_of_bare']:6.1%} of bare  "
              f"non-2xx={figures['non_2xx']} timeouts={figures['timeouts']}", flush=True)
    return rows


def _locust(base: str, pages: list, cookies: dict, args: argparse.Namespace) -> list[dict]:
    """locust on the signed-in pages: requests, failures, median and p95 of each."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        plan = {"cookies": cookies, "pages": [p for p in pages if p[1]]}  # the signed-in pages
        subprocess.run(  # noqa: S603 - fixed arguments
            [sys.executable, "-m", "locust", "-f", str(HERE / "locustfile.py"), "--headless",
             "-u", str(args.users), "-r", "10", "-t", f"{args.locust_seconds}s", "--host", base,
             "--csv", f"{tmp}/load", "--only-summary", "--loglevel", "WARNING"],
            env={**os.environ, "BENCH_LOAD_PLAN": json.dumps(plan)}, check=False,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        with open(f"{tmp}/load_stats.csv") as stats:
            for row in csv.DictReader(stats):
                entry = {"page": row["Name"], "requests": int(row["Request Count"]),
                         "failures": int(row["Failure Count"]), "median_ms": float(row["50%"]),
                         "p95_ms": float(row["95%"])}
                rows.append(entry)
                print(f"locust kept   {entry['page']:<30} {entry['requests']:6d} requests  median "
                      f"{entry['median_ms']:6.0f} ms  p95 {entry['p95_ms']:6.0f} ms  "
                      f"errors {entry['failures']}")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load")
    parser.add_argument("--wrk-seconds", type=int, default=8)
    parser.add_argument("--warm-seconds", type=int, default=2, help="wrk per page before measuring.")
    parser.add_argument("--locust-seconds", type=int, default=60)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--output", default=str(HERE / "load-results.json"))
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")
    _setup()
    from io import StringIO

    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from accounts.models import User
    from accounts.scale import email
    from reviews.models import Review
    from reviews.scale import LARGE_REVIEW

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)
    call_command("seed_scale", stdout=StringIO())
    cookies = {}
    for role in ("tenant", "officer", "manager", "admin"):
        client = Client()
        client.force_login(User.objects.get(email=email(role, 1)))
        cookies[role] = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    large = Review.objects.get(title=LARGE_REVIEW)
    same_panel = Review.objects.filter(panel=large.panel, title__startswith="Scale: ")
    typical = same_panel.exclude(pk=large.pk).first() or large
    pages = [
        ("bare Django view", "", "/bench/bare/"),
        ("healthz", "", "/healthz"),
        ("home (tenant)", "tenant", "/"),
        ("home (manager)", "manager", "/"),
        ("tracker (manager)", "manager", "/recommendations/"),
        ("review page (typical)", "tenant", f"/reviews/{typical.pk}/"),
        ("review page (1,500 findings)", "tenant", f"/reviews/{large.pk}/"),
        ("panel page (very active)", "tenant", f"/panels/{large.panel_id}/"),
    ]
    results: dict = {"run_at": datetime.now(UTC).isoformat(timespec="seconds"), "workers": args.workers,
                     "wrk": [], "wrk_drawn": [], "locust": []}
    with _gunicorn(args.workers, {}) as base:
        print(f"gunicorn, {args.workers} sync workers, {base}; "
              f"wrk -c10 for {args.wrk_seconds} s a page")
        results["wrk"] = _wrk_pages(base, pages, cookies, args, "kept")
        results["locust"] = _locust(base, pages, cookies, args)
    # Every page drawn afresh, as the first view after any change to the data is.
    with _gunicorn(args.workers, {}) as base:
        print(f"gunicorn, {args.workers} sync workers, {base}, again; "
              f"wrk -c10 for {args.wrk_seconds} s a page")
        results["wrk_drawn"] = _wrk_pages(base, pages, cookies, args, "drawn")
    results["seconds"] = round(time.perf_counter() - started, 1)
    Path(args.output).write_text(json.dumps(results, indent=2) + "\n")
    print(f"done in {results['seconds']:.0f} s; results in {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
