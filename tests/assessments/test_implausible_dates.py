"""Self-assessment dates and to-do due dates no one could mean (year 1, year 9999) are refused
with a message beside the field, and nothing is saved."""

import datetime

import pytest
from django.utils import timezone

from assessments.models import ImprovementAction, SelfAssessment
from tests.factories.accounts import UserFactory
from tests.factories.assessments import AssessorFactory, ScoreFactory, SelfAssessmentFactory, framework_with

pytestmark = pytest.mark.django_db


def _bounds(back, ahead):
    today = timezone.localdate()
    return (f"{today.replace(year=today.year - back):%-d %B %Y}",
            f"{today.replace(year=today.year + ahead):%-d %B %Y}")


@pytest.mark.parametrize(("opens", "closes", "field"), [
    ("0001-01-01", None, "the opening date"),
    (None, "9999-12-31", "the closing date"),
])
def test_a_self_assessment_on_dates_no_one_could_mean_is_refused(client, users, opens, closes, field):
    today = timezone.localdate()
    opens = opens or today.isoformat()
    closes = closes or (today + datetime.timedelta(days=28)).isoformat()
    framework = framework_with(1, 1)
    tenant = UserFactory(role="tenant")
    client.force_login(users["officer"])
    response = client.post("/assessments/new/", {
        "title": "Engagement 2026", "framework": framework.pk, "panel": "", "opens_on": opens,
        "closes_on": closes, "assessors": [tenant.pk], "scale": "Not met\nMet",
        "allow_dont_know": "on",
    })
    earliest, latest = _bounds(30, 5)
    assert response.status_code == 200
    assert f"Enter {field} between {earliest} and {latest}." in response.content.decode()
    assert not SelfAssessment.objects.filter(title="Engagement 2026").exists()


def test_a_to_do_action_due_in_9999_is_refused(client, users):
    framework = framework_with(1, 2)
    today = timezone.localdate()
    sa = SelfAssessmentFactory(framework=framework, created_by=users["officer"],
                               opens_on=today - datetime.timedelta(days=30),
                               closes_on=today - datetime.timedelta(days=1))
    outcome = framework.outcomes.get(code="1.1")
    ScoreFactory(assessor=AssessorFactory(self_assessment=sa), outcome=outcome, value=1)
    client.force_login(users["officer"])
    response = client.post(f"/assessments/{sa.pk}/outcomes/{outcome.pk}/action/", {
        "what": "Publish the minutes", "owner": users["manager"].pk, "due_date": "9999-12-31",
    })
    earliest, latest = _bounds(30, 10)
    page = response.content.decode()
    assert response.status_code == 200
    assert f"Enter the date it is due between {earliest} and {latest}." in page
    assert "Publish the minutes" in page
    assert not ImprovementAction.objects.exists()
