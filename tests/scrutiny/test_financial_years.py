"""The landlord's financial years are worked out in one shared place, scrutiny/dates.py, which
both the panels' volunteering figures and the annual report read."""

import datetime

import pytest

from scrutiny.dates import Period, financial_year, financial_year_starting, recent_financial_years
from scrutiny.models import SiteSettings

pytestmark = pytest.mark.django_db
D = datetime.date


def test_the_financial_year_containing_a_day_starts_in_the_landlords_month():
    assert financial_year(D(2026, 3, 31)) == Period(D(2025, 4, 1), D(2026, 3, 31))
    assert financial_year(D(2026, 4, 1)) == Period(D(2026, 4, 1), D(2027, 3, 31))
    assert financial_year(D(2026, 4, 1)).label == "2026/27"
    site = SiteSettings.load()
    site.financial_year_start_month = 1
    site.save()
    assert financial_year(D(2026, 5, 9)).label == "2026"


def test_recent_financial_years_are_newest_first():
    years = recent_financial_years(3, on=D(2026, 5, 9))
    assert [p.label for p in years] == ["2026/27", "2025/26", "2024/25"]
    assert years[-1] == financial_year_starting(2024, 4)


def test_the_panels_figures_use_the_same_financial_years():
    from panels.selectors import volunteering

    assert volunteering.Period is Period
    assert volunteering.financial_year is financial_year
