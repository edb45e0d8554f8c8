"""The Annual Report to Tenants at the size the issue names: 12 reviews completed in the year,
400 mystery shops and inspections, 150 recommendations and 3 years of indicators, on top of the
demo landlord, reporting in England with the regulator's figures for 400 landlords (this year and
last) and its own code set in the site settings, so that every measure is compared with them.
`python -m bench.annual_report` builds that landlord in a fresh SQLite file, makes the report in
a fresh process (WeasyPrint loaded first and timed apart, as a worker loads it once at start) and
prints the time, CPU time, load average, peak memory, the PDF's size and
pages; it keeps the PDF and a PNG of each page (pdftoppm, when installed) in
var/bench/annual-report/ for people to look at.

bench/measures/annual_report.py runs it as part of `make bench`. Targets: under 10 s, under
500 MB peak and a PDF under 5 MB on a 2-core machine.
"""

from __future__ import annotations

import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from decimal import Decimal
from io import StringIO
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "var" / "bench" / "annual-report"
REVIEWS, VISITS, RECOMMENDATIONS, INDICATORS, YEARS = 12, 400, 150, 24, 3
LANDLORDS, OUR_CODE = 400, "B0000"


def regulator_figures(year: int, rng: random.Random) -> None:
    """The regulator's figures for LANDLORDS landlords, this year and last, for every measure the
    Tenant Satisfaction Measures framework compares; the site settings name the first landlord."""
    from comparisons.frameworks import FRAMEWORK_MEASURES, TSM_FRAMEWORK
    from comparisons.models import Figure, Landlord, Survey, Tenure, TsmImport
    from scrutiny.models import SiteSettings

    tsm_import = TsmImport.objects.create(file_name="bench.xlsx", sha256="b" * 64, reporting_year=year,
                                          status=TsmImport.Status.APPLIED)
    landlords = Landlord.objects.bulk_create(
        Landlord(code=OUR_CODE if n == 0 else f"B{n:04d}", name=f"Bench landlord {n}",
                 landlord_type="PRP" if n % 3 else "LA", size_band=rng.choice(["<5,000", "5,000-40,000"]),
                 region=rng.choice(["London", "North West", "South East"]), described_in_year=year)
        for n in range(LANDLORDS))
    keys = set(FRAMEWORK_MEASURES[TSM_FRAMEWORK].values())
    Figure.objects.bulk_create((
        Figure(landlord=landlord, measure=measure, tenure=tenure, year=y, tsm_import=tsm_import,
               value=Decimal(rng.randint(400, 999)) / 10)
        for landlord in landlords for measure, tenure in keys for y in (year - 1, year)), batch_size=2000)
    Survey.objects.bulk_create(
        Survey(landlord=landlord, year=year, tenure=Tenure.LCRA, sample_or_census="Sample", sample_size=800,
               margin_of_error=Decimal("3.1"), tsm_import=tsm_import) for landlord in landlords)
    site = SiteSettings.load()
    site.country, site.regulator_code = "england", OUR_CODE
    site.save()


def build() -> int:
    """The demo landlord plus the issue's scale for the latest finished year; returns that year."""
    from django.core.management import call_command
    from django.utils import timezone

    from accounts.models import User
    from assessments.models import Framework, Indicator, IndicatorValue
    from mysteryshop.models import Checklist, ChecklistPurpose, Site, SiteKind, Visit, VisitStatus
    from panels.models import Panel
    from recommendations.models import Decision, Recommendation, Response, Status
    from reports.annual import current_year, year_of
    from reports.models import AnnualReport, AssessmentSection
    from reviews.models import Finding, FindingKind, Review, ReviewKind, Stage, StageChange

    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=StringIO())
    rng = random.Random(17)
    year = current_year() - 1
    start = year_of(year).period.start
    tz = timezone.get_current_timezone()

    def moment(day: int):
        return timezone.datetime(start.year, start.month, start.day, 10, tzinfo=tz) + timedelta(days=day)

    panel = Panel.objects.order_by("pk").first()
    shopper = User.objects.filter(role="tenant").first()
    reviews = []
    for n in range(REVIEWS):
        review = Review.objects.create(
            panel=panel, title=f"Bench review {n + 1}: {rng.choice(['repairs', 'complaints', 'lettings'])}",
            kind=ReviewKind.SCRUTINY_REVIEW, scope="What tenants told us about this service.",
            stage=Stage.RESPONSE,
        )
        change = StageChange.objects.create(
            review=review, from_stage=Stage.REPORTING, to_stage=Stage.RESPONSE
        )
        StageChange.objects.filter(pk=change.pk).update(changed_at=moment(20 + n * 25))
        Finding.objects.bulk_create(
            Finding(review=review, kind=rng.choice(FindingKind.values),
                    statement=f"Finding {k + 1} of review {n + 1}: tenants waited too long to hear back.")
            for k in range(5)
        )
        reviews.append(review)
    statuses = [Status.SUBMITTED, Status.ACCEPTED, Status.REJECTED, Status.IN_PROGRESS, Status.IMPLEMENTED,
                Status.VERIFIED]
    recs = []
    for n in range(RECOMMENDATIONS):
        status = statuses[n % len(statuses)]
        day = 30 + (n * 2) % 300
        recs.append(Recommendation(
            review=reviews[n % REVIEWS], number=n // REVIEWS + 1, status=status, priority="medium",
            text=f"Recommendation {n + 1}: tell tenants who is dealing with their case and by when.",
            submitted_at=moment(day),
            implemented_at=moment(day + 30) if status in (Status.IMPLEMENTED, Status.VERIFIED) else None,
            verified_at=moment(day + 50) if status == Status.VERIFIED else None,
            implementation_summary="Letters now name the officer and the date." if status in (
                Status.IMPLEMENTED, Status.VERIFIED) else "",
            impact_statement="Tenants we asked knew who to call." if status == Status.VERIFIED else "",
        ))
    recs = Recommendation.objects.bulk_create(recs)
    Response.objects.bulk_create(
        Response(recommendation=r, responded_at=r.submitted_at + timedelta(days=10),
                 decision=Decision.REJECTED if r.status == Status.REJECTED else Decision.ACCEPTED,
                 reason="Not affordable this year." if r.status == Status.REJECTED else "")
        for r in recs if r.status != Status.SUBMITTED
    )
    programme = Review.objects.create(
        panel=panel, title="Bench mystery shopping", kind=ReviewKind.MYSTERY_SHOPPING
    )
    checklists = [Checklist.objects.create(title=f"Bench {p.label}", purpose=p.value)
                  for p in (ChecklistPurpose.PHONE, ChecklistPurpose.OFFICE, ChecklistPurpose.EMPTY_HOME)]
    sites = [Site.objects.get_or_create(name=f"Bench office {n}", kind=SiteKind.OFFICE)[0] for n in range(8)]
    Visit.objects.bulk_create(
        Visit(review=programme, checklist=checklists[n % 3], site=sites[n % 8],
              channel="inspection" if n % 3 == 2 else "phone", visited_at=moment(n % 360),
              shopper=shopper, status=VisitStatus.SUBMITTED, score=Decimal(rng.randint(40, 100)))
        for n in range(VISITS)
    )
    framework = Framework.objects.create(code="bench-charter", name="Scottish Social Housing Charter (bench)")
    for n in range(INDICATORS):
        indicator = Indicator.objects.create(
            framework=framework, code=f"B{n + 1}", title=f"Bench measure {n + 1}", unit="%", position=n
        )
        IndicatorValue.objects.bulk_create(
            IndicatorValue(indicator=indicator, year=year - k, value=Decimal(rng.randint(60, 99)), target=90)
            for k in range(YEARS)
        )
    regulator_figures(year, rng)
    record, _ = AnnualReport.objects.get_or_create(year=year)
    for key in ("performance", "scrutiny", "recommendations", "volunteering"):
        AssessmentSection.objects.update_or_create(
            annual_report=record, section=key,
            defaults={"text": "The panel found real progress here, and some promises still to keep."},
        )
    record.approved_at = timezone.now()
    record.save()
    return year


def make(year: int, large_print: bool = False) -> dict:
    """Make the report in this process and say how long it took, its peak memory and size."""
    from comparisons.models import Figure, Landlord
    from reports import makers
    from reports.models import Kind, ReportRequest
    from scrutiny.models import SiteSettings

    # A worker loads WeasyPrint once when it starts (reports/tasks.py, worker_init), so its
    # loading is timed apart from the report.
    loading = time.perf_counter()
    import weasyprint  # noqa: F401

    weasyprint_seconds = time.perf_counter() - loading
    load_before = os.getloadavg()[0]
    started, cpu = time.perf_counter(), time.process_time()
    made = makers.make(ReportRequest(kind=Kind.ANNUAL, parameters={"year": year, "large_print": large_print}))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    OUT.mkdir(parents=True, exist_ok=True)
    name = "annual-report-large-print.pdf" if large_print else "annual-report.pdf"
    (OUT / name).write_bytes(made.content)
    return {
        "seconds": round(seconds, 2),
        # CPU time: on a machine shared with other work, wall time also counts the waiting.
        "cpu_seconds": round(cpu, 2),
        "weasyprint_load_seconds": round(weasyprint_seconds, 2),
        # The machine's 1-minute load average before and after, with its number of cores: on a
        # shared machine the wall time is mostly waiting for a core when the load is above it.
        "load": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "cores": os.cpu_count(),
        # ru_maxrss is in kilobytes on Linux: the most this whole process (Django included) held.
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "pdf_kb": round(len(made.content) / 1024, 1),
        "pages": made.pages,
        # What the report compared with: the regulator's landlords and figures, and which is ours.
        "regulator_landlords": Landlord.objects.count(),
        "regulator_figures": Figure.objects.count(),
        "regulator_code": SiteSettings.load().regulator_code,
        "pdf": str(OUT / name),
    }


def _django(database_url: str, media: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ["MEDIA_ROOT"] = media
    os.environ["DJANGO_SETTINGS_MODULE"] = "scrutiny.settings"
    os.environ.pop("CELERY_BROKER_URL", None)
    import django

    django.setup()


def _child(step: str, database_url: str, media: str, *extra: str) -> dict:
    result = subprocess.run(  # noqa: S603 - this module, with arguments made here
        [sys.executable, "-m", "bench.annual_report", step, database_url, media, *extra],
        cwd=REPO, capture_output=True, text=True, check=False, timeout=900,
    )
    if result.returncode != 0:
        raise RuntimeError(f"bench.annual_report {step} failed:\n{result.stderr[-4000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def pictures(pdf: str) -> int:
    """A PNG of every page next to the PDF, for a person to look at; 0 without pdftoppm."""
    if not shutil.which("pdftoppm"):
        return 0
    stem = pdf.removesuffix(".pdf")
    subprocess.run(["pdftoppm", "-r", "60", "-png", pdf, stem], check=True, timeout=120)  # noqa: S603,S607
    return len(list(OUT.glob(f"{Path(stem).name}-[0-9]*.png")))


def run() -> list[dict]:
    """Build the landlord once, then make the standard and large-print reports, each in a fresh process."""
    folder = tempfile.mkdtemp(prefix="scrutiny-annual-bench-")
    shutil.rmtree(OUT, ignore_errors=True)
    database_url, media = f"sqlite:///{folder}/bench.sqlite3", f"{folder}/media"
    try:
        year = _child("build", database_url, media)["year"]
        results = []
        for large in ("", "large"):
            figures = _child("make", database_url, media, str(year), large)
            figures["pngs"] = pictures(figures["pdf"])
            figures["large_print"] = bool(large)
            results.append(figures)
        return results
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str]) -> int:
    if argv and argv[0] in ("build", "make"):
        _django(argv[1], argv[2])
        if argv[0] == "build":
            print(json.dumps({"year": build()}))
        else:
            print(json.dumps(make(int(argv[3]), large_print=len(argv) > 4 and argv[4] == "large")))
        return 0
    for figures in run():
        print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
