"""The demo and the scale landlord's self-assessments: the right shape, and safe to run twice."""

from io import StringIO

import pytest
from django.core.management import call_command

from assessments.models import Assessor, IndicatorValue, Perspective, Score, SelfAssessment
from assessments.scale import LARGE_ASSESSMENT

pytestmark = pytest.mark.django_db


def _demo():
    from accounts.demo import seed as accounts
    from assessments.demo import seed as assessments
    from panels.demo import seed as panels

    people = accounts(password="x", people={})
    people.update(panels(password="x", people=people) or {})
    assessments(password="x", people=people)


def test_the_demo_has_a_finished_round_by_12_people_an_open_one_and_two_years_of_charter_figures():
    _demo()
    finished = SelfAssessment.objects.get(title="Tenant engagement self-assessment 2025")
    assert finished.is_closed() and finished.framework.outcomes.count() == 96
    views = list(finished.assessors.values_list("perspective", flat=True))
    assert len(views) == 12 and views.count(Perspective.TENANT) == 7 and views.count(Perspective.STAFF) == 5
    assert Score.objects.filter(assessor__self_assessment=finished).count() == 12 * 96
    assert not finished.assessors.filter(finished_at__isnull=True).exists()
    assert finished.actions.count() == 2
    current = SelfAssessment.objects.get(title="Tenant engagement self-assessment 2026")
    assert current.is_open()
    assert 0 < Score.objects.filter(assessor__self_assessment=current).count() < 12 * 96
    charter = IndicatorValue.objects.filter(indicator__framework__code="scottish-social-housing-charter-2022")
    assert charter.count() == 12 and len(set(charter.values_list("year", flat=True))) == 2
    before = (Score.objects.count(), Assessor.objects.count(), IndicatorValue.objects.count())
    _demo()
    assert (Score.objects.count(), Assessor.objects.count(), IndicatorValue.objects.count()) == before


def test_the_scale_landlord_has_rounds_of_96_outcomes_and_five_years_of_figures():
    call_command("seed_scale", "--factor", "0.01", stdout=StringIO())
    latest = SelfAssessment.objects.get(title=LARGE_ASSESSMENT)
    assert SelfAssessment.objects.filter(title__startswith="Scale: ").count() == 2
    assert latest.assessors.count() == 5
    assert Score.objects.filter(assessor__self_assessment=latest).count() == 5 * 96
    assert IndicatorValue.objects.values("year").distinct().count() == 5
    before = Score.objects.count()
    call_command("seed_scale", "--factor", "0.01", stdout=StringIO())
    assert Score.objects.count() == before
