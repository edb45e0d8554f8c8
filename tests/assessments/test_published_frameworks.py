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


def test_consumer_standards_carry_each_required_outcome_in_the_regulators_words():
    consumer = Framework.objects.get(code="consumer-standards-2024")
    codes = {
        s.code: list(s.outcomes.order_by("position").values_list("code", flat=True))
        for s in consumer.standards.all()
    }
    assert codes == {
        "SQ": ["SQ 1.1", "SQ 1.2", "SQ 1.3", "SQ 1.4", "SQ 1.5"],
        "TIA": ["TIA 1.1", "TIA 1.2", "TIA 1.3", "TIA 1.4", "TIA 1.5", "TIA 1.6"],
        "NC": ["NC 1.1", "NC 1.2", "NC 1.3", "NC 1.4"],
        "TS": ["TS 1.1", "TS 1.2", "TS 1.3", "TS 1.4"],
    }
    complaints = consumer.outcomes.get(code="TIA 1.6")
    assert complaints.title == "Complaints"
    assert complaints.description == (
        "Registered providers must ensure complaints are addressed fairly, effectively, and promptly."
    )
    # Every required outcome has its wording, except the one whose text could not be checked.
    assert list(consumer.outcomes.filter(description="").values_list("code", flat=True)) == ["SQ 1.5"]
    assert all(
        o.guidance.startswith("Our guidance, not the regulator's text") for o in consumer.outcomes.all()
    )
    # The placeholders of the first seed are gone.
    assert not consumer.outcomes.filter(code__in=["SQ", "TIA", "NC", "TS"]).exists()


def test_charter_outcomes_keep_only_checked_wording():
    charter = Framework.objects.get(code="scottish-social-housing-charter-2022")
    described = set(charter.outcomes.exclude(description="").values_list("code", flat=True))
    assert described == {"1", "2"}  # 3 to 16: the November 2022 wording could not be checked
    assert charter.outcomes.get(code="1").description.startswith(
        "Social landlords perform all aspects of their housing services so that: they support the right "
        "to adequate housing"
    )
    # Outcome 1's supporting narrative, read in full, with the 2022 edition's own addition; outcome 2's
    # narrative was only read in part, so no outcome but 1 carries the Charter's narrative.
    guided = dict(charter.outcomes.exclude(guidance="").values_list("code", "guidance"))
    assert list(guided) == ["1"]
    added_in_2022 = "This includes the need to eliminate discrimination and advance equality of opportunity."
    assert added_in_2022 in guided["1"]
    assert guided["1"].endswith("This may include making reasonable adjustments.")


def test_the_update_gives_outcome_1_its_narrative_and_keeps_its_scores():
    """As on a database seeded before the narrative was copied: outcome 1 has no guidance and has
    been scored in a past self-assessment."""
    from tests.factories.assessments import AssessorFactory, ScoreFactory, SelfAssessmentFactory

    charter = Framework.objects.get(code="scottish-social-housing-charter-2022")
    equalities = charter.outcomes.get(code="1")
    Outcome.objects.filter(pk=equalities.pk).update(guidance="")
    sa = SelfAssessmentFactory(framework=charter)
    ScoreFactory(assessor=AssessorFactory(self_assessment=sa), outcome=equalities, value=4)
    published.seed(Framework, Standard, Outcome, Indicator)
    equalities.refresh_from_db()
    assert equalities.guidance.startswith("This outcome describes what social landlords")
    assert list(equalities.scores.values_list("value", flat=True)) == [4]
    assert charter.outcomes.get(code="1").pk == equalities.pk


def test_charter_arc_indicators_have_codes_units_and_direction_in_number_order():
    charter = Framework.objects.get(code="scottish-social-housing-charter-2022")
    rows = list(charter.indicators.values_list("code", "unit", "higher_is_better"))
    assert rows == [
        ("7", "%", True),
        ("11", "hours", False),
        ("12", "days", False),
        ("13", "%", True),
        ("16", "%", True),
        ("23", "days", False),
    ]
    assert (
        charter.indicators.get(code="11").title
        == "Average length of time taken to complete emergency repairs"
    )
    assert all(i.title for i in charter.indicators.all())


def test_the_update_keeps_a_placeholder_someone_scored_and_removes_the_others():
    """As on a database seeded before the required outcomes were copied: placeholders exist, one
    of them scored in a past self-assessment."""
    from tests.factories.assessments import AssessorFactory, ScoreFactory, SelfAssessmentFactory

    consumer = Framework.objects.get(code="consumer-standards-2024")
    placeholders = {
        code: Outcome.objects.create(
            framework=consumer, standard=consumer.standards.get(code=code), code=code, title=code
        )
        for code in ("SQ", "TIA", "NC", "TS")
    }
    sa = SelfAssessmentFactory(framework=consumer)
    ScoreFactory(assessor=AssessorFactory(self_assessment=sa), outcome=placeholders["TIA"], value=3)
    published.seed(Framework, Standard, Outcome, Indicator)
    assert published.retire_placeholders(Framework, Outcome) == 3
    assert list(consumer.outcomes.filter(code__in=placeholders).values_list("code", flat=True)) == ["TIA"]
    assert placeholders["TIA"].scores.count() == 1
    assert published.retire_placeholders(Framework, Outcome) == 0  # safe to run again
