"""The Annual Report page, kept until what it shows changes.

Drawing a year's report costs some fifty queries and a hundred milliseconds, and once published
its address may be sent to every tenant at once. So the drawing is kept in the shared cache under
a key made of the year's version (scrutiny/freshness.py), renewed by every write to what that
year's report shows (reports/annual/writes.py); a write to what every year's report shows (the
site settings, the frameworks, the regulator's figures) renews every year's. A finding in a
review of another year, a sign-in or a session leave the kept page as it is.

A year's report compares it with the year before, so a write dated in one year renews that year
and the next. The report of a year not yet over also counts what has happened by today (meetings
held, self-assessments closed), so it is kept for the day at most.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from scrutiny import freshness

FIRST_YEAR = 2000  # the earliest report year a page is drawn for (reports/views/annual.py)
KEPT_SECONDS = 24 * 60 * 60  # a version no longer current is left to expire within the day


def _year_key(year: int) -> str:
    return f"annual-report:year:{year}"


def version(year: int) -> str:
    """A short string that changes whenever anything the year's report shows changes: one cache
    read. A year not yet over (or only just: the site settings' first month is not read here, to
    keep this one read) also changes with the date."""
    today = timezone.localdate()
    day = today.isoformat() if year + 1 >= today.year else ""
    return f"{freshness.digest(_year_key(year))}{day.replace('-', '')}"


def renew_every_year() -> None:
    """Something every year's report shows has changed (a name, a framework, the site settings,
    the regulator's figures): rare writes, so each year's version is renewed."""
    renew_years(range(FIRST_YEAR, timezone.localdate().year + 2))


def renew_years(years: Iterable[int]) -> None:
    """Data dated in these financial years has changed: their reports and the next years' (which
    compare with them) are out of date."""
    for year in {y + step for y in years for step in (0, 1)}:
        freshness.renew(_year_key(year))


def drawn(year: int, *, large_print: bool = False) -> dict[str, Any]:
    """The report's page as drawn for everyone who may read it (its title, top, body, whether the
    public may read it), from the cache when nothing it shows has changed since it was drawn. It is
    kept in each language apart: a Welsh page never shows a drawing made for an English one."""
    from reports.annual import annual_report

    language = translation.get_language() or "en-gb"
    key = f"annual-report:drawn:{year}:{int(large_print)}:{language}:{version(year)}"
    found = cache.get(key)
    if found is None:
        context = annual_report(year=year, large_print=large_print)
        record = context["record"]
        found = {
            "title": context["title"], "large_print": large_print,
            "brand_colour": context["site"].brand_colour,
            "public": bool(record and record.published and record.is_approved),
            "top": render_to_string("reports/annual/_top.html", context),
            "body": render_to_string("reports/annual/_body.html", {**context, "pdf": False}),
        }
        cache.set(key, found, KEPT_SECONDS)
    return {**found, "top": mark_safe(found["top"]), "body": mark_safe(found["body"])}  # noqa: S308
