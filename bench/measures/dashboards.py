"""The mystery-shopping programme dashboard on the scale landlord: 10,000 visits of 30 answers
(mysteryshop/scale.py). The page, and the selector the reports reuse, on their own; target
under 300 ms on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterable

from bench.core import Bench, Result

ORDER = 40


def measure(bench: Bench) -> Iterable[Result]:
    from django.db.models import Count

    from mysteryshop.selectors import programme_summary
    from reviews.models import Review

    review = (
        Review.objects.filter(visits__isnull=False).annotate(n=Count("visits")).order_by("-n").first()
    )
    if review is None:
        yield Result("programme dashboard", note="no visits: run manage.py seed_scale")
        return
    name = f"programme dashboard ({review.n:,} visits)"
    result = bench.time_page(name, "manager", f"/mystery-shopping/programmes/{review.pk}/dashboard/")
    result.note += " (target < 300 ms)"
    yield result
    yield bench.timed(f"programme summary selector ({review.n:,} visits)", "",
                      lambda: programme_summary(review=review))
