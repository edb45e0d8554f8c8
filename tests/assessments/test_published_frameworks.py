"""The published frameworks arrive with every deployment, with their codes and titles."""

import pytest

from assessments import published
from assessments.models import Framework, Indicator, Outcome, Standard

pytestmark = pytest.mark.django_db


def test_charter_has_its_16_outcomes_in_six_sections():
    charter = Framework.objects.get(code="scottish-social-housing-charter-2022")
    assert list(charter.outcomes.values_list("code", flat=True)) == [str(n) for n in range(1, 17)]
    assert charter.standards.count() == 6
    assert charter.outcomes.get(code="12").title == "Homeless people"
    assert charter.outcomes.get(code="6").standard.title == "Neighbourhood and community"


def test_tenant_satisfaction_measures_are_the_22_indicators_with_their_codes():
    tsm = Framework.objects.get(code="tenant-satisfaction-measures")
    codes = list(tsm.indicators.values_list("code", flat=True))
    assert codes == [f"TP{n:02}" for n in range(1, 13)] + [f"BS{n:02}" for n in range(1, 6)] + [
        "RP01",
        "RP02",
        "CH01",
        "CH02",
        "NM01",
    ]
    assert tsm.indicators.get(code="RP01").higher_is_better is False


def test_consumer_standards_and_supporting_communities_criteria():
    consumer = Framework.objects.get(code="consumer-standards-2024")
    assert list(consumer.standards.values_list("title", flat=True)) == [
        "Safety and Quality Standard",
        "Transparency, Influence and Accountability Standard",
        "Neighbourhood and Community Standard",
        "Tenancy Standard",
    ]
    ni = Framework.objects.get(code="supporting-communities-tp-standards")
    assert ni.outcomes.count() == 10
    assert ni.outcomes.get(code="9").title == "The landlord has realistic timescales for tenant participation"


def test_seeding_twice_changes_nothing():
    before = (
        Framework.objects.count(),
        Standard.objects.count(),
        Outcome.objects.count(),
        Indicator.objects.count(),
    )
    published.seed(Framework, Standard, Outcome, Indicator)
    assert (
        Framework.objects.count(),
        Standard.objects.count(),
        Outcome.objects.count(),
        Indicator.objects.count(),
    ) == before
