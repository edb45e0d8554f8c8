"""Weaknesses become a to-do list: actions (what, who, by when) and recommendations linked to the
outcome; the next self-assessment of the same framework shows whether each one moved."""

import datetime

import pytest
from django.utils import timezone

from assessments.models import ImprovementAction
from recommendations.models import Recommendation
from tests.factories.assessments import (
    AssessorFactory,
    ImprovementActionFactory,
    ScoreFactory,
    SelfAssessmentFactory,
    framework_with,
)
from tests.factories.panels import MembershipFactory
from tests.factories.reviews import ReviewFactory

pytestmark = pytest.mark.django_db


def _closed(framework, officer, days_ago, values):
    today = timezone.localdate()
    sa = SelfAssessmentFactory(
        framework=framework,
        created_by=officer,
        opens_on=today - datetime.timedelta(days=days_ago + 20),
        closes_on=today - datetime.timedelta(days=days_ago),
    )
    outcome = framework.outcomes.get(code="1.1")
    for value in values:
        ScoreFactory(assessor=AssessorFactory(self_assessment=sa), outcome=outcome, value=value)
    return sa, outcome


def test_a_coordinator_turns_a_weakness_into_an_action_in_one_step(client, users):
    sa, outcome = _closed(framework_with(1, 2), users["officer"], 1, [1, 2])
    client.force_login(users["officer"])
    page = client.get(f"/assessments/{sa.pk}/results/").content.decode()
    assert f"/assessments/{sa.pk}/outcomes/{outcome.pk}/action/" in page
    due = timezone.localdate() + datetime.timedelta(days=30)
    response = client.post(
        f"/assessments/{sa.pk}/outcomes/{outcome.pk}/action/",
        {
            "what": "Publish the panel's minutes online",
            "owner": users["manager"].pk,
            "due_date": due.isoformat(),
        },
    )
    assert response["Location"] == f"/assessments/{sa.pk}/to-do/"
    action = ImprovementAction.objects.get()
    assert (action.outcome, action.owner, action.due_date) == (outcome, users["manager"], due)
    todo = client.get(f"/assessments/{sa.pk}/to-do/").content.decode()
    assert "Publish the panel&#x27;s minutes online" in todo and "Not started" in todo


def test_the_next_self_assessment_shows_whether_the_weakness_moved(client, users):
    framework = framework_with(1, 2)
    first, outcome = _closed(framework, users["officer"], 400, [1, 2])
    _closed(framework, users["officer"], 1, [3, 4])
    ImprovementActionFactory(self_assessment=first, outcome=outcome)
    client.force_login(users["officer"])
    page = client.get(f"/assessments/{first.pk}/to-do/").content.decode()
    assert "Mean score 1.50" in page
    assert "3.50 (improved)" in page


def test_two_people_updating_an_action_keep_both_texts(client, users):
    sa, outcome = _closed(framework_with(1, 2), users["officer"], 1, [1])
    action = ImprovementActionFactory(self_assessment=sa, outcome=outcome, owner=users["manager"])
    url = f"/assessments/actions/{action.pk}/"
    base = {
        "what": action.what,
        "owner": users["manager"].pk,
        "due_date": action.due_date.isoformat(),
        "version": action.version,
    }
    client.force_login(users["manager"])
    assert client.post(url, {**base, "status": "underway", "progress": "Draft written"}).status_code == 302
    client.force_login(users["officer"])  # opened the form before the manager saved
    response = client.post(url, {**base, "status": "done", "progress": "All finished"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Someone else saved a change to this action" in page
    assert "Draft written" in page and "All finished" in page
    action.refresh_from_db()
    assert (action.status, action.progress) == ("underway", "Draft written")


def test_a_panel_member_makes_a_recommendation_linked_to_the_weak_outcome(client, users):
    sa, outcome = _closed(framework_with(1, 2), users["officer"], 1, [1, 2])
    review = ReviewFactory()
    MembershipFactory(panel=review.panel, user=users["tenant"])
    AssessorFactory(self_assessment=sa, user=users["tenant"])
    client.force_login(users["tenant"])
    url = f"/recommendations/from-assessment/{sa.pk}/outcomes/{outcome.pk}/"
    form = client.get(url)
    assert "scored a mean of 1.50 out of 4" in form.content.decode()
    response = client.post(
        url,
        {
            "review": review.pk,
            "text": "Hold open meetings in the evening",
            "rationale": "Working tenants cannot come in the day.",
        },
    )
    rec = Recommendation.objects.get()
    assert response["Location"] == rec.get_absolute_url()
    assert (rec.review, rec.outcome, rec.status) == (review, outcome, "draft")
    todo = client.get(f"/assessments/{sa.pk}/to-do/").content.decode()
    assert f"Recommendation {rec.code}" in todo and rec.get_absolute_url() in todo


def test_someone_with_no_review_to_draft_in_is_offered_an_action_instead(client, users):
    sa, outcome = _closed(framework_with(1, 2), users["officer"], 1, [1])
    client.force_login(users["officer"])
    page = client.get(f"/recommendations/from-assessment/{sa.pk}/outcomes/{outcome.pk}/").content.decode()
    assert "you have no review to draft in" in page
    assert f"/assessments/{sa.pk}/outcomes/{outcome.pk}/action/" in page


def test_a_tenant_cannot_draft_into_another_panels_review(client, users):
    sa, outcome = _closed(framework_with(1, 2), users["officer"], 1, [1])
    AssessorFactory(self_assessment=sa, user=users["tenant"])
    own = ReviewFactory()
    MembershipFactory(panel=own.panel, user=users["tenant"])
    other = ReviewFactory()
    client.force_login(users["tenant"])
    response = client.post(
        f"/recommendations/from-assessment/{sa.pk}/outcomes/{outcome.pk}/",
        {"review": other.pk, "text": "Anything"},
    )
    assert response.status_code == 200  # the review is not among the choices
    assert "Select a valid choice" in response.content.decode()
    assert not Recommendation.objects.exists()
