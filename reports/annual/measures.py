"""The Annual Report's part on reviews proposed from a weak regulator's measure: each measure
before (the year the review was proposed) and after (the report's year, or the latest before it),
beside the national median. Three queries however many reviews; none of it when there are none."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from reports.annual import Section, Year
from reviews.measure_reviews import trends_for
from reviews.models import Review

SHOWN = 10


def measures_reviewed(year: Year) -> Section | None:
    # By the measure's year, not the day it was proposed: the regulator publishes a year's
    # figures months after it ends, so a review of a year's figures is often proposed a year on.
    reviews = Review.objects.filter(from_year__lte=year.start_year).exclude(from_measure="")
    total = reviews.count()
    if not total:
        return None
    shown = list(reviews.select_related("panel").order_by("-created_at", "-pk")[:SHOWN])
    trends = trends_for(reviews=shown, up_to=year.start_year)
    items = [(review, trends[review.pk]) for review in shown if review.pk in trends]
    return Section(
        key="measures-reviewed", title=_("Measures tenants chose to look at, before and after"),
        template="reports/annual/_measures_reviewed.html",
        data={"items": items, "total": total, "more": max(0, total - SHOWN),
              "attribution": "; ".join(sorted({trend.attribution for _, trend in items}))},
        meaning=ngettext(
            "Tenants proposed %(count)s review of measures where the landlord did worst among all "
            "landlords. Each shows the figure then and now.",
            "Tenants proposed %(count)s reviews of measures where the landlord did worst among all "
            "landlords. Each shows the figure then and now.", total,
        ) % {"count": total},
        assessable=False,
    )
