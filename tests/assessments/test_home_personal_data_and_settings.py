"""The home page's reminder to score, a person's own data download, and two coordinators
changing a self-assessment's settings at once."""

import json

import pytest

from assessments.models import SelfAssessment
from tests.factories.assessments import AssessorFactory, ScoreFactory, SelfAssessmentFactory, framework_with

pytestmark = pytest.mark.django_db


def test_home_shows_open_self_assessments_to_score(client, users):
    sa = SelfAssessmentFactory(framework=framework_with(1, 3), title="Engagement round 2026")
    AssessorFactory(self_assessment=sa, user=users["tenant"])
    client.force_login(users["tenant"])
    page = client.get("/").content.decode()
    assert (
        "Self-assessments to score" in page and "Engagement round 2026" in page and "0 of 3 answered" in page
    )


def test_a_persons_download_includes_their_scores_and_comments(client, users):
    framework = framework_with(1, 2)
    sa = SelfAssessmentFactory(framework=framework, title="Round one")
    assessor = AssessorFactory(self_assessment=sa, user=users["tenant"])
    ScoreFactory(assessor=assessor, outcome=framework.outcomes.get(code="1.1"), value=2, comment="Too slow")
    ScoreFactory(assessor=assessor, outcome=framework.outcomes.get(code="1.2"), value=None)
    client.force_login(users["tenant"])
    data = json.loads(client.get("/accounts/profile/my-data.json").content)
    section = data["Self-assessments"]
    assert section["invited_to_score"] == [
        {"self_assessment": "Round one", "as": "Tenant", "finished_at": None}
    ]
    assert [(s["outcome"], s["score"], s["comment"]) for s in section["scores"]] == [
        ("1.1", 2, "Too slow"),
        ("1.2", "don't know", ""),
    ]


def test_two_coordinators_changing_the_settings_keep_both_versions(client, users):
    sa = SelfAssessmentFactory(framework=framework_with(1, 2), created_by=users["officer"], title="Round one")
    AssessorFactory(self_assessment=sa, user=users["tenant"])
    form = {
        "title": "",
        "opens_on": sa.opens_on.isoformat(),
        "closes_on": sa.closes_on.isoformat(),
        "assessors": [users["tenant"].pk],
        "scale": "Not met\nPartly met\nMostly met\nFully met",
        "allow_dont_know": "on",
        "version": sa.version,
        "panel": "",
    }
    client.force_login(users["officer"])
    assert (
        client.post(f"/assessments/{sa.pk}/edit/", {**form, "title": "Round one (extended)"}).status_code
        == 302
    )
    client.force_login(users["admin"])  # opened the form before the officer saved
    response = client.post(f"/assessments/{sa.pk}/edit/", {**form, "title": "Round one, tenants only"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "saved a change to this self-assessment" in page
    assert "Round one, tenants only" in page and "Round one (extended)" in page
    assert SelfAssessment.objects.get(pk=sa.pk).title == "Round one (extended)"
