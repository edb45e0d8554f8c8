"""Dates people type, checked against what could be true: a visit in year 1 or an approval
until 9999 is a slip of the keyboard, refused with the range that is allowed. And the
landlord's financial years (SiteSettings.financial_year_start_month), which the panels'
volunteering figures and the annual report both count by."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from scrutiny.models import SiteSettings


def years_from(day: datetime.date, years: int) -> datetime.date:
    """The same day `years` later (or earlier); 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def check_date(value: datetime.date | datetime.datetime | None, *, field: str, what: str,
               ahead: int, back: int = 30) -> None:
    """Refuse `value` (on `field`) unless it falls from `back` years ago to `ahead` years on."""
    if value is None:
        return
    day = value
    if isinstance(value, datetime.datetime):
        try:
            day = timezone.localtime(value).date()
        except OverflowError:  # year 1 or 9999: the local time is off the calendar
            day = value.date()
    today = timezone.localdate()
    earliest, latest = years_from(today, -back), years_from(today, ahead)
    if not earliest <= day <= latest:
        message = gettext("Enter %(what)s between %(earliest)s and %(latest)s.") % {
            "what": what, "earliest": date_format(earliest, "j F Y"), "latest": date_format(latest, "j F Y")}
        raise ValidationError({field: message})


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date  # included

    @property
    def label(self) -> str:
        if self.is_financial_year():
            if self.start.year == self.end.year:  # a financial year that starts in January
                return str(self.start.year)
            return f"{self.start.year}/{str(self.end.year)[-2:]}"
        return self.long_label

    @property
    def long_label(self) -> str:
        return gettext("%(start)s to %(end)s") % {
            "start": date_format(self.start, "j F Y"), "end": date_format(self.end, "j F Y")}

    def is_financial_year(self) -> bool:
        month = SiteSettings.load().financial_year_start_month
        return self == financial_year_starting(self.start.year, month) and self.start.month == month

    def __contains__(self, day: datetime.date) -> bool:
        return self.start <= day <= self.end


def financial_year_starting(year: int, month: int) -> Period:
    start = datetime.date(year, month, 1)
    next_start = datetime.date(year + 1, month, 1)
    return Period(start, next_start - datetime.timedelta(days=1))


def financial_year(on: datetime.date | None = None) -> Period:
    """The landlord's financial year containing the date (today by default)."""
    on = on or timezone.localdate()
    month = SiteSettings.load().financial_year_start_month or 4
    year = on.year if on.month >= month else on.year - 1
    return financial_year_starting(year, month)


def recent_financial_years(count: int = 5, on: datetime.date | None = None) -> list[Period]:
    """This financial year and the ones before it, newest first: choices for a period picker."""
    current = financial_year(on)
    return [financial_year_starting(current.start.year - n, current.start.month) for n in range(count)]
