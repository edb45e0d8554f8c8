"""`python -m bench.profile`: where a page's time goes, on the benchmark's database.

Requests each named page a few times as a role, prints the CPU time of this process per
request (a figure that depends far less on the machine's load than wall-clock time) and
pyinstrument's call tree of one request, or writes it as HTML with --html. Pages are named as
in `make bench`; list them with --list.

    python -m bench.profile "review page (1,500 findings):tenant" --html var/profile
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from bench.__main__ import _setup


def pages(ids: dict) -> dict[str, str]:
    """The pages that can be profiled, by name, with their paths."""
    large, typical, panel = ids["large_review"], ids["typical_review"], ids["active_panel"]
    return {
        "bare Django view": "/bench/bare/",
        "home": "/",
        "tracker": "/recommendations/",
        "review page (1,500 findings)": f"/reviews/{large}/",
        "review page (typical)": f"/reviews/{typical}/",
        "review page by type": f"/reviews/{large}/?group=type",
        "report draft (1,500 findings)": f"/reviews/{large}/report/",
        "panel page (very active)": f"/panels/{panel}/",
        "panel members": f"/panels/{panel}/members/",
        "recommendation": f"/recommendations/{ids['recommendation']}/",
        "self-assessment results page": f"/assessments/{ids['assessment']}/results/",
        "programme dashboard": f"/mystery-shopping/programmes/{ids['programme']}/dashboard/",
        "review list": "/reviews/",
        "evidence list": "/reviews/evidence/",
        "evidence search": "/reviews/evidence/?q=complaints",
        "review search": "/reviews/?q=repairs+late",
        "you said, we did": "/recommendations/you-said-we-did/",
    }


def bench_ids() -> dict:
    from django.db.models import Count

    from assessments.models import SelfAssessment
    from assessments.scale import LARGE_ASSESSMENT
    from recommendations.models import Recommendation
    from reviews.models import Review
    from reviews.scale import LARGE_REVIEW

    large = Review.objects.get(title=LARGE_REVIEW)
    same_panel = Review.objects.filter(panel=large.panel, title__startswith="Scale: ")
    typical = same_panel.exclude(pk=large.pk).first()
    programme = Review.objects.filter(visits__isnull=False).annotate(n=Count("visits")).order_by("-n").first()
    sa = SelfAssessment.objects.filter(title=LARGE_ASSESSMENT).first()
    return {
        "large_review": large.pk, "typical_review": (typical or large).pk, "active_panel": large.panel_id,
        "recommendation": Recommendation.objects.filter(review__panel=large.panel_id).order_by("pk")
        .values_list("pk", flat=True).first(),
        "assessment": sa.pk if sa else 0, "programme": programme.pk if programme else 0,
    }


def print_queries(client, path: str, requests: int = 5) -> None:
    """Each query of the page with its shortest time over a few requests (the least disturbed
    by other work on the machine)."""
    from django.db import connection

    runs: list[list[tuple[float, str]]] = []
    for _ in range(requests):
        run: list[tuple[float, str]] = []

        def timer(execute, sql, params, many, context, run=run):
            started = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                run.append(((time.perf_counter() - started) * 1000, sql))

        with connection.execute_wrapper(timer):
            client.get(path)
        runs.append(run)
    first = runs[0]
    fastest = [min(run[i][0] for run in runs if i < len(run)) for i in range(len(first))]
    print(f"  queries took {sum(fastest):.1f} ms in all (each query's fastest of {requests} requests)")
    for took, (_, sql) in zip(fastest, first, strict=True):
        print(f"  {took:7.1f} ms  {sql[:300]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__.split("\n")[0])
    parser.add_argument("pages", nargs="*", help='"page name:role", e.g. "tracker:manager"')
    parser.add_argument("--runs", type=int, default=10, help="Requests timed per page (default 10).")
    parser.add_argument("--html", help="Write each call tree as HTML into this folder.")
    parser.add_argument("--tree", action="store_true", help="Print each call tree.")
    parser.add_argument("--sql", action="store_true", help="Print each query of one request with its time.")
    parser.add_argument("--list", action="store_true", help="List the pages and stop.")
    args = parser.parse_args(argv)
    _setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from pyinstrument import Profiler

    from accounts.models import User
    from accounts.scale import email
    from bench.sign_in import signed_in

    known = pages(bench_ids())
    if args.list or not args.pages:
        print("\n".join(known))
        return 0
    for wanted in args.pages:
        name, _, role = wanted.partition(":")
        path = known.get(name, name)  # a path may be given instead of a name
        client = signed_in(User.objects.get(email=email(role, 1))) if role else Client()
        client.get(path)  # warm: templates compiled, caches filled
        cpu, wall = [], []
        for _ in range(args.runs):
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(path)
            wall.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as queries:
            profiler = Profiler(interval=0.0005)
            with profiler:
                client.get(path)
        print(f"{name} ({role or 'signed out'}) {path}: status {response.status_code}, "
              f"{len(queries)} queries, CPU {statistics.median(cpu):.1f} ms, "
              f"wall {statistics.median(wall):.1f} ms (medians of {args.runs}), "
              f"{len(response.content) / 1024:.1f} KB", flush=True)
        if args.sql:
            print_queries(client, path)
        if args.tree:
            print(profiler.output_text(unicode=True, color=False, show_all=False))
        if args.html:
            folder = Path(args.html)
            folder.mkdir(parents=True, exist_ok=True)
            slug = "".join(c if c.isalnum() else "-" for c in f"{name}-{role}").strip("-")
            (folder / f"{slug}.html").write_text(profiler.output_html())
    return 0


if __name__ == "__main__":
    sys.exit(main())
