"""The mystery-shopping programme dashboard on the scale landlord: one programme of 10,000 visits
of 30 answers (mysteryshop/scale.py); target under 300 ms on PostgreSQL.

Measured twice: as people meet it, where the programme's numbers are reused from the cache
while no visit changes (mysteryshop.selectors.programme_summary), and with no cache at all, as
the first view after a visit is submitted or corrected is. Then the selector the reports reuse,
on its own and worked out afresh each time."""

from __future__ import annotations

from collections.abc import Iterable

from bench.core import Bench, Result

ORDER = 40
NO_CACHE = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def measure(bench: Bench) -> Iterable[Result]:
    from django.db.models import Count
    from django.test import override_settings

    from mysteryshop.scale import PROGRAMME
    from mysteryshop.selectors import compute_programme_summary
    from reviews.models import Review

    review = Review.objects.filter(title=PROGRAMME).annotate(n=Count("visits")).first()
    if review is None or not review.n:
        yield Result("programme dashboard", note="no visits: run manage.py seed_scale")
        return
    path = f"/mystery-shopping/programmes/{review.pk}/dashboard/"
    result = bench.time_page(f"programme dashboard ({review.n:,} visits)", "manager", path)
    result.note += " (target < 300 ms)"
    yield result
    with override_settings(CACHES=NO_CACHE):
        result = bench.time_page(f"programme dashboard, no cache ({review.n:,} visits)", "manager", path)
    result.note += " (target < 300 ms)"
    yield result
    yield bench.timed(f"programme summary worked out afresh ({review.n:,} visits)", "",
                      lambda: compute_programme_summary(review=review), runs=10)
