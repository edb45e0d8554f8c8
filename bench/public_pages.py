"""The public pages under attention: the published Annual Report, "You said, we did" and the
open data pages and files (opendata), signed out, under `wrk -c50`, beside a Django view with no
middleware at all, measured in turn (bare, page, bare, page) in the same gunicorn.
Target: each page at least half the bare view's throughput.

`python -m bench.public_pages` (DATABASE_URL: the scale data; it publishes the latest finished
year's report there and makes "You said, we did" public, as a landlord would). `measure(base)`
runs the wrk part against a gunicorn already serving `bench.wsgi:application` (the product,
and the view with no middleware at `bench.urls.NO_MIDDLEWARE_PATH`). Numbers are for reading;
tests never assert them.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bench import wrk

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def measure(base: str, pages: list[tuple[str, str]], *, seconds: int = 8, connections: int = 50,
            rounds: int = 2, gzip: bool = True) -> list[dict]:
    """Each page and the bare view with no middleware in turn, `rounds` times (A B A B): each
    page's throughput as a share of the bare view's runs beside it. With `gzip` the page is asked
    for as browsers ask (Accept-Encoding: gzip); without, as wrk does by default."""
    from bench.urls import NO_MIDDLEWARE_PATH

    results = []
    for name, path in pages:
        wrk.run(base + path, seconds=2, connections=connections, gzip=gzip)  # warm every worker up
        bare, page = [], []
        for _ in range(rounds):
            bare.append(wrk.run(base + NO_MIDDLEWARE_PATH, seconds=seconds, connections=connections))
            page.append(wrk.run(base + path, seconds=seconds, connections=connections, gzip=gzip))
        bare_rps = sum(b["rps"] for b in bare) / rounds
        page_rps = sum(p["rps"] for p in page) / rounds
        entry = {"page": name, "path": path, "rps": round(page_rps, 1), "bare_rps": round(bare_rps, 1),
                 "share_of_bare": round(page_rps / bare_rps, 2) if bare_rps else None,
                 "non_2xx": sum(p["non_2xx"] for p in page),
                 "p99_ms": page[-1]["p99_ms"], "load": round(os.getloadavg()[0], 2),
                 "connections": connections, "gzip": gzip}
        print(f"wrk -c{connections} {'gzip' if gzip else 'plain'} {name:<34} {page_rps:7.1f} req/s, "
              f"no-middleware view {bare_rps:7.1f} "
              f"({entry['share_of_bare'] or 0:.0%}), non-2xx {entry['non_2xx']}, load {entry['load']}")
        results.append(entry)
    return results


def publish_pages() -> list[tuple[str, str]]:
    """Publish the latest finished year's report and open "You said, we did" to the public, as a
    landlord would before emailing the links; returns the pages to measure."""
    from django.utils import timezone

    from reports.annual import current_year
    from reports.models import AnnualReport
    from scrutiny.models import SiteSettings

    year = current_year() - 1
    record, _ = AnnualReport.objects.get_or_create(year=year)
    if not (record.published and record.is_approved):
        record.approved_at, record.published = record.approved_at or timezone.now(), True
        record.save()
    site = SiteSettings.load()
    if not site.public_you_said_we_did:
        site.public_you_said_we_did = True
        site.save()
    return [(f"Annual Report {year} (signed out)", f"/reports/annual/{year}/"),
            ("You said, we did (signed out)", "/recommendations/you-said-we-did/"),
            *how_we_compare_pages(), *open_data_pages()]


def how_we_compare_pages() -> list[tuple[str, str]]:
    """Open "How we compare" to everyone; returns each framework's page that has figures to show."""
    from comparisons import public
    from scrutiny.models import SiteSettings

    site = SiteSettings.load()
    if not site.switches.get(public.PUBLIC_HOW_WE_COMPARE):
        site.switches = {**site.switches, public.PUBLIC_HOW_WE_COMPARE: True}
        site.save()
    found = [public.tsm_page(), public.charter_page()]
    return [(f"{page['title']} (signed out)", page["url"]) for page in found if page is not None]


def open_data_pages() -> list[tuple[str, str]]:
    """Switch the public programme, reports, recommendations and open data on and publish the
    newest completed review, as a panel's chair would; returns those pages and files."""
    from accounts.models import User
    from opendata import public, selectors, services
    from opendata.models import Publication
    from reviews.models import Review
    from scrutiny.models import SiteSettings

    site = SiteSettings.load()
    keys = (public.PROGRAMME, public.REPORTS, public.RECOMMENDATIONS, public.OPEN_DATA)
    if not all(site.switches.get(key) for key in keys):
        site.switches = {**site.switches, **dict.fromkeys(keys, True)}
        site.save()
    published = Publication.objects.current().values_list("review_id", flat=True).first()
    if published is None:
        review = Review.objects.filter(stage__in=selectors.COMPLETED).order_by("-pk").first()
        admin = User.objects.filter(role="admin", is_active=True).first()
        if review is not None and admin is not None:
            published = services.publish(review=review, by=admin).review_id
    pages = [("Scrutiny programme (signed out)", "/public/programme/"),
             ("Recommendations and responses (signed out)", "/public/recommendations/"),
             ("Open data page (signed out)", "/public/open-data/"),
             ("Open data JSON", "/open-data/scrutiny.json"),
             ("Open data CSV ZIP", "/open-data/scrutiny-csv.zip"),
             ("Open data Atom feed", "/open-data/feed.atom"),
             ("Open data JSON Schema", "/open-data/scrutiny.schema.json")]
    if published is not None:
        pages.insert(1, ("Published review report (signed out)", f"/public/reviews/{published}/"))
        pdf = Publication.objects.current().get(review_id=published).pdf_en_gb
        if pdf and pdf.storage.exists(pdf.name):  # made by the worker, into this checkout's files
            pages.insert(2, ("Published review report PDF", f"/public/reviews/{published}/report.pdf"))
    return pages


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.public_pages")
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--output", default="")
    args = parser.parse_args(argv)
    from bench.__main__ import _setup

    _setup()
    from django.core.management import call_command

    from bench.urls import NO_MIDDLEWARE_PATH

    call_command("collectstatic", "--noinput", verbosity=0)
    pages = publish_pages()
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    gunicorn = subprocess.Popen(  # noqa: S603 - fixed arguments
        [sys.executable, "-m", "gunicorn", "bench.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", str(args.workers), "--worker-class", "sync", "--timeout", "60",
         "--log-level", "warning"],
        cwd=ROOT, env={**os.environ},
    )
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(base + NO_MIDDLEWARE_PATH, timeout=2)  # noqa: S310 - loopback
                break
            except OSError:
                time.sleep(0.5)
        print(f"gunicorn, {args.workers} sync workers, {base}; wrk -c{args.connections} "
              f"for {args.seconds} s, bare and page in turn")
        results = [*measure(base, pages, seconds=args.seconds, connections=args.connections),
                   *measure(base, pages, seconds=args.seconds, connections=args.connections, gzip=False)]
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=30)
    if args.output:
        Path(args.output).write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
