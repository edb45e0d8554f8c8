"""Dates people type, checked against what could be true: a visit in year 1 or an approval
until 9999 is a slip of the keyboard, refused with the range that is allowed."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format


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
        raise ValidationError({field: f"Enter {what} between {date_format(earliest, 'j F Y')} "
                                      f"and {date_format(latest, 'j F Y')}."})
