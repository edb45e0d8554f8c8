"""The "How we compare" page for the Tenant Satisfaction Measures with 10 years of 400 landlords'
figures (every measure the framework maps, each landlord's surveys too); target under 100 ms.
Its query count is taken first with 40 landlords, then with 400: the two should be the same.

Measured as people meet it, where the page's figures are kept in the cache until an import is
saved, and with no cache at all, as the first view after an import is. The
landlords are the benchmark's own (codes starting BENCH), made afresh on each run; the site
settings' regulator code is pointed at one of them while measuring and put back afterwards."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from bench.core import Bench, Result

ORDER = 86
YEARS, FEW, MANY = 10, 40, 400
PREFIX = "BENCH"
NO_CACHE = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def _landlords(start: int, end: int, made) -> None:
    from comparisons.frameworks import FRAMEWORK_MEASURES, TSM_FRAMEWORK
    from comparisons.models import Figure, Landlord, Survey

    landlords = Landlord.objects.bulk_create(
        Landlord(code=f"{PREFIX}{n:04d}", name=f"Bench landlord {n}", landlord_type=("PRP", "LA")[n % 5 == 0],
                 size_band=("<5,000", "5,000-40,000")[n % 3 == 0], region=("North", "South", "London")[n % 3],
                 described_in_year=2024) for n in range(start, end))
    keys = set(FRAMEWORK_MEASURES[TSM_FRAMEWORK].values())
    years = range(2024 - YEARS + 1, 2025)
    Figure.objects.bulk_create(
        (Figure(landlord=landlord, measure=measure, tenure=tenure, year=year,
                value=Decimal((landlord.pk * 7 + year + len(measure)) % 100), tsm_import=made)
         for landlord in landlords for measure, tenure in keys for year in years), batch_size=5000)
    Survey.objects.bulk_create(
        (Survey(landlord=landlord, year=year, tenure=tenure, population=500 + landlord.pk % 40000,
                sample_or_census="Sample", sample_size=400, margin_of_error=Decimal("4.5"), tsm_import=made)
         for landlord in landlords for year in years for tenure in ("lcra", "combined")), batch_size=5000)


def measure(bench: Bench) -> Iterable[Result]:
    from django.test import override_settings

    from comparisons.frameworks import TSM_FRAMEWORK
    from comparisons.models import Landlord, TsmImport
    from scrutiny.models import SiteSettings

    path = f"/comparisons/frameworks/{TSM_FRAMEWORK}/"
    Landlord.objects.filter(code__startswith=PREFIX).delete()
    made, _ = TsmImport.objects.get_or_create(sha256="b" * 64, defaults={
        "file_name": "bench.xlsx", "status": TsmImport.Status.APPLIED})
    site = SiteSettings.load()
    before = site.regulator_code
    site.regulator_code = f"{PREFIX}0001"
    site.save()
    try:
        bench.clients["tenant"].get(path)  # a first visit may write to the session: not the page's own
        _landlords(0, FEW, made)
        few = bench.time_page(f"How we compare ({FEW} landlords)", "tenant", path, runs=3)
        yield Result(f"How we compare, queries ({FEW} landlords)", "tenant",
                     {"queries": few.values["queries"]}, note=path)
        _landlords(FEW, MANY, made)
        result = bench.time_page(f"How we compare ({MANY} landlords x {YEARS} years)", "tenant", path)
        result.note += f" (target < 100 ms; queries the same as with {FEW} landlords)"
        yield result
        with override_settings(CACHES=NO_CACHE):
            result = bench.time_page(f"How we compare, no cache ({MANY} x {YEARS})", "tenant", path, runs=10)
        result.note += " (worked out afresh, as the first view after any change)"
        yield result
    finally:
        site.regulator_code = before
        site.save()
