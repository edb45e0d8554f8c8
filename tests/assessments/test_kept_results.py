"""A self-assessment's pooled results are kept under its own version and the frameworks': a score
of it (saved one by one or in bulk), an assessor or an outcome changing works them out afresh, a
score of another self-assessment leaves them kept."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessments import kept_results, services
from tests.factories.accounts import UserFactory
from tests.factories.assessments import AssessorFactory, ScoreFactory, SelfAssessmentFactory, framework_with

pytestmark = pytest.mark.django_db


def pooled(assessment):
    """The pooled results, and whether they were worked out afresh (a query on scores)."""
    with CaptureQueriesContext(connection) as queries:
        results = kept_results.pooled_results(assessment=assessment)
    return results, any("assessments_score" in q["sql"] for q in queries)


@pytest.fixture
def two():
    framework = framework_with(1, 2)
    first, second = (SelfAssessmentFactory(framework=framework) for _ in range(2))
    outcome = framework.standards.first().outcomes.first()
    for sa in (first, second):
        ScoreFactory(assessor=AssessorFactory(self_assessment=sa), outcome=outcome, value=2)
    assert pooled(first)[1] and not pooled(first)[1]  # worked out, then kept
    return first, second, outcome


def test_a_score_of_another_self_assessment_leaves_them_kept(two):
    first, second, outcome = two
    ScoreFactory(assessor=AssessorFactory(self_assessment=second), outcome=outcome, value=4)
    assert not pooled(first)[1]


def test_a_score_saved_changes_them(two):
    first, _, outcome = two
    ScoreFactory(assessor=AssessorFactory(self_assessment=first), outcome=outcome, value=4)
    results, afresh = pooled(first)
    assert afresh and results.outcomes[0].scores == 2


def test_scores_saved_in_bulk_by_the_scoring_service_change_them(two):
    first, _, outcome = two
    person = UserFactory(role="tenant")
    AssessorFactory(self_assessment=first, user=person)
    services.save_scores(self_assessment=first, by=person, answers=[(outcome, 4, False, "", "", None)])
    results, afresh = pooled(first)
    assert afresh and results.outcomes[0].scores == 2


def test_an_outcome_retitled_changes_them(two):
    first, _, outcome = two
    outcome.title = "Complaints are answered on time"
    outcome.save()
    results, afresh = pooled(first)
    assert afresh and results.outcomes[0].title == "Complaints are answered on time"
