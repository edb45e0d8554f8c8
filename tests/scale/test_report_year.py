"""seed_scale's last finished report year (reports/scale.py): reviews completed in it, a
programme of visits made in it and the panel's published Annual Report, made once."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from mysteryshop.models import Visit
from reports.annual import current_year, year_of
from reports.annual.sections import COMPLETED, _completed_reviews
from reports.models import AnnualReport
from reports.scale import COMPLETED_REVIEWS, PROGRAMME
from reviews.models import Review, ReviewKind, StageChange

pytestmark = pytest.mark.django_db


def seed() -> None:
    call_command("seed_scale", "--factor", "0.01", stdout=StringIO())


def test_the_report_year_has_completed_reviews_visits_and_a_published_report_made_once():
    seed()
    year = current_year() - 1
    period = year_of(year).period
    finished = (Review.objects.filter(stage__in=COMPLETED, title__startswith="Scale: ")
                .exclude(kind=ReviewKind.MYSTERY_SHOPPING).count())
    assert _completed_reviews(period).count() == min(COMPLETED_REVIEWS, finished) > 0
    visits = Visit.objects.filter(review__title=PROGRAMME)
    assert visits.count() == 10  # 400 at full scale, at least 10
    assert all(period.start <= v.visited_at.date() <= period.end for v in visits)
    report = AnnualReport.objects.get(year=year)
    assert report.published and report.approved_at and report.sections.count() == 6
    dates = list(StageChange.objects.order_by("pk").values_list("changed_at", flat=True))

    seed()  # again: nothing more

    assert Visit.objects.filter(review__title=PROGRAMME).count() == 10
    assert list(StageChange.objects.order_by("pk").values_list("changed_at", flat=True)) == dates
    assert AnnualReport.objects.get(year=year).approved_at == report.approved_at
    # Published, so anyone may read it.
    page = Client().get(f"/reports/annual/{year}/")
    assert page.status_code == 200
    assert "The panel checked these figures" in page.content.decode()
    assert Client().get("/recommendations/you-said-we-did/").status_code == 200
