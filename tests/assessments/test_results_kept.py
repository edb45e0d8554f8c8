"""The pooled results page's body is kept (assessments/results_section.py): a change it shows draws
it afresh, a change elsewhere leaves it kept, and nobody is shown what another may do."""

import datetime
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import update_last_login
from django.utils import timezone

from assessments import results_section
from tests.factories.accounts import UserFactory
from tests.factories.assessments import AssessorFactory, ScoreFactory, SelfAssessmentFactory, framework_with

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture
def drawn(monkeypatch):
    """How many times the body was drawn rather than taken from the cache."""
    calls = []
    real = results_section._drawn

    def counted(*args):
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(results_section, "_drawn", counted)
    return calls


@pytest.fixture
def closed():
    """Two closed self-assessments of one framework, scored, and their coordinator."""
    framework = framework_with(1, 2)
    outcome = framework.standards.first().outcomes.first()
    coordinator = UserFactory(role="officer")
    today = timezone.localdate()
    earlier, sa = (
        SelfAssessmentFactory(framework=framework, created_by=coordinator, title=title,
                              opens_on=today - days * DAY - 9 * DAY, closes_on=today - days * DAY)
        for title, days in (("Spring check", 60), ("Autumn check", 1))
    )
    for each, value in ((earlier, 1), (sa, 3)):
        ScoreFactory(assessor=AssessorFactory(self_assessment=each), outcome=outcome, value=value)
    return SimpleNamespace(sa=sa, earlier=earlier, outcome=outcome, coordinator=coordinator,
                           url=f"/assessments/{sa.pk}/results/")


def page(client, world, person=None):
    client.force_login(person or world.coordinator)
    response = client.get(world.url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_score_of_the_self_assessment_draws_it_afresh(client, closed, drawn):
    assert "1 score" in page(client, closed)
    page(client, closed)
    assert len(drawn) == 1  # kept
    ScoreFactory(assessor=AssessorFactory(self_assessment=closed.sa), outcome=closed.outcome, value=5)
    assert "2 scores" in page(client, closed) and len(drawn) == 2


def test_the_earlier_self_assessment_retitled_draws_it_afresh(client, closed, drawn):
    assert "Spring check" in page(client, closed)
    closed.earlier.title = "Spring review"
    closed.earlier.save()
    assert "Spring review" in page(client, closed) and len(drawn) == 2


def test_a_self_assessment_closing_in_between_is_compared_with(client, closed, drawn):
    page(client, closed)
    today = timezone.localdate()
    between = SelfAssessmentFactory(framework=closed.sa.framework, title="Summer check",
                                    opens_on=today - 30 * DAY, closes_on=today - 20 * DAY)
    ScoreFactory(assessor=AssessorFactory(self_assessment=between), outcome=closed.outcome, value=2)
    assert "Summer check" in page(client, closed) and len(drawn) == 2


def test_a_change_it_does_not_show_leaves_it_kept(client, closed, drawn):
    other = SelfAssessmentFactory(framework=framework_with(1, 1))  # (a framework written renews all)
    page(client, closed)
    ScoreFactory(assessor=AssessorFactory(self_assessment=other),
                 outcome=other.framework.outcomes.first(), value=2)
    update_last_login(None, closed.coordinator)
    page(client, closed)
    assert len(drawn) == 1


def test_only_a_coordinator_is_shown_the_buttons_to_plan_actions(client, closed, drawn):
    assert "Add an action" in page(client, closed)
    seen_by_manager = page(client, closed, UserFactory(role="manager"))
    assert "Add an action" not in seen_by_manager and len(drawn) == 2
    other_coordinator = UserFactory(role="admin")
    assert "Add an action" in page(client, closed, other_coordinator) and len(drawn) == 3
