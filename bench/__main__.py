"""`make bench`: the main pages on a large landlord, per role, against a bare Django view.

Seeds the scale landlord once (manage.py seed_scale is idempotent, so later runs reuse it), then
runs every measure in bench/measures/ and prints one line per measure: query count, median and
95th percentile of the response time over the requests, CPU time, page size, and the two
baselines measured in turn with that page's requests (bench/baselines.py: a trivial view, one
`SELECT 1` and a fixed response, with no middleware and behind the product's middleware) with
how many times slower the page is than each, and the load average. Writes the same to
bench/results.json. Numbers are for reading and comparing between commits; tests never
assert times.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from datetime import UTC, datetime
from io import StringIO
from pathlib import Path

DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/scrutiny_bench"


def _setup() -> None:
    os.environ.setdefault("DATABASE_URL", DEFAULT_DATABASE)
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")
    os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
    os.environ["AXES_ENABLED"] = "false"
    # The cache a deployment uses (docker-compose.yml): Redis, which also holds sessions.
    os.environ.setdefault("CACHE_URL", "rediscache://127.0.0.1:6379/2")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "false")  # loopback only: no TLS to redirect to
    os.environ.setdefault("STATIC_ROOT", str(Path(__file__).resolve().parent.parent / "var" / "bench-static"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=30, help="Requests per page (default 30).")
    parser.add_argument("--factor", type=float, default=1.0, help="seed_scale's factor (default 1).")
    parser.add_argument("--only", nargs="*", help="Run only these measure modules.")
    parser.add_argument("--output", default=str(Path(__file__).with_name("results.json")))
    args = parser.parse_args(argv)
    _setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from accounts.models import User
    from accounts.scale import email
    from bench import measures
    from bench.core import Bench, write_json
    from bench.sign_in import signed_in
    from bench.urls import BARE_PATH
    from recommendations.models import Recommendation
    from reviews.models import Review
    from reviews.scale import LARGE_REVIEW

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)  # DEBUG is off: pages need the manifest
    seeding = time.perf_counter()
    call_command("seed_scale", "--factor", str(args.factor), stdout=StringIO())
    print(f"database {connection.vendor}; seed_scale took {time.perf_counter() - seeding:.1f} s "
          f"(nothing to do if it was seeded before); DEBUG={settings.DEBUG}")
    bench = Bench(runs=args.runs)
    for role in ("tenant", "officer", "manager", "admin"):
        bench.clients[role] = signed_in(User.objects.get(email=email(role, 1)))
    large = Review.objects.get(title=LARGE_REVIEW)
    typical = (
        Review.objects.filter(panel=large.panel, title__startswith="Scale: ").exclude(pk=large.pk).first()
    )
    bench.ids = {
        "large_review": large.pk, "typical_review": typical.pk if typical else large.pk,
        "active_panel": large.panel_id,
        "recommendation": Recommendation.objects.filter(review__panel=large.panel_id).order_by("pk")
        .values_list("pk", flat=True).first(),
    }
    # The middleware's own cost: the trivial view behind it, against the same view without it.
    baseline = bench.time_page(
        "trivial view behind middleware", "tenant", BARE_PATH, runs=max(args.runs, 100)
    )
    bench.results.append(baseline)
    print(baseline.line(), flush=True)
    load_at_start = os.getloadavg()
    for module in measures.load(args.only):
        for result in module.measure(bench):
            bench.results.append(result)
            print(result.line(), flush=True)
    write_json(args.output, bench, {
        "run_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": connection.vendor, "python": platform.python_version(), "runs": args.runs,
        "cores": os.cpu_count(), "load_at_start": [round(x, 2) for x in load_at_start],
        "load_at_end": [round(x, 2) for x in os.getloadavg()],
        "seconds": round(time.perf_counter() - started, 1),
    })
    print(f"done in {time.perf_counter() - started:.0f} s; results in {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
