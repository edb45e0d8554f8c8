"""Pages make the same number of queries for 10 outcomes × 5 assessors as for 100 × 40."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assessments.models import Assessor, Perspective, Score
from assessments.selectors import pooled_results
from scrutiny import freshness
from tests.factories.accounts import UserFactory
from tests.factories.assessments import SelfAssessmentFactory, framework_with

pytestmark = pytest.mark.django_db


def _closed(standards, outcomes_each, people, officer):
    framework = framework_with(standards, outcomes_each)
    today = timezone.localdate()
    sa = SelfAssessmentFactory(
        framework=framework,
        created_by=officer,
        opens_on=today - datetime.timedelta(days=9),
        closes_on=today - datetime.timedelta(days=1),
    )
    assessors = Assessor.objects.bulk_create(
        [
            Assessor(
                self_assessment=sa,
                user=UserFactory(role="tenant" if i % 2 else "officer"),
                perspective=Perspective.TENANT if i % 2 else Perspective.STAFF,
            )
            for i in range(people)
        ]
    )
    outcomes = list(framework.outcomes.all())
    Score.objects.bulk_create(
        [
            Score(assessor=a, outcome=o, value=None if (i + j) % 7 == 0 else 1 + (i * j) % 4)
            for i, a in enumerate(assessors)
            for j, o in enumerate(outcomes)
        ]
    )
    return sa


def _count(fn):
    with CaptureQueriesContext(connection) as ctx:
        fn()
    return len(ctx.captured_queries)


def test_pooling_takes_the_same_queries_for_small_and_large(users):
    small = _closed(2, 5, 5, users["officer"])
    large = _closed(10, 10, 40, users["officer"])
    assert _count(lambda: pooled_results(assessment=small)) == _count(
        lambda: pooled_results(assessment=large)
    )


@pytest.mark.parametrize("page", ["results/", "to-do/", "", "progress/"])
def test_pages_take_the_same_queries_for_small_and_large(client, users, page, settings):
    small = _closed(2, 5, 5, users["officer"])
    large = _closed(10, 10, 40, users["officer"])
    client.force_login(users["officer"])
    client.get(f"/assessments/{small.pk}/{page}")  # warm caches (site settings, sessions)

    def drawn(sa):
        freshness.renew_everything()  # nothing kept: the results are pooled afresh
        return _count(lambda: client.get(f"/assessments/{sa.pk}/{page}"))

    counts = [drawn(sa) for sa in (small, large)]
    assert counts[0] == counts[1]
    # And once kept (the results page keeps its pooled results).
    for sa in (small, large):
        client.get(f"/assessments/{sa.pk}/{page}")
    counts = [_count(lambda sa=sa: client.get(f"/assessments/{sa.pk}/{page}")) for sa in (small, large)]
    assert counts[0] == counts[1]


def test_scoring_a_standard_takes_the_same_queries_for_few_and_many_outcomes(client, users):
    counts = []
    for each in (2, 20):
        framework = framework_with(3, each)
        sa = SelfAssessmentFactory(framework=framework)
        Assessor.objects.create(self_assessment=sa, user=users["tenant"], perspective=Perspective.TENANT)
        standard = framework.standards.first()
        client.force_login(users["tenant"])
        client.get(f"/assessments/{sa.pk}/score/{standard.pk}/")
        counts.append(_count(lambda sa=sa, s=standard: client.get(f"/assessments/{sa.pk}/score/{s.pk}/")))
    assert counts[0] == counts[1]


def _save_standard(client, user, outcomes_each):
    """Post a score for every outcome of one standard (some already scored, one cleared) and
    return the number of queries and the saved scores."""
    framework = framework_with(2, outcomes_each)
    sa = SelfAssessmentFactory(framework=framework)
    assessor = Assessor.objects.create(self_assessment=sa, user=user, perspective=Perspective.TENANT)
    standard = framework.standards.order_by("position").first()
    outcomes = list(standard.outcomes.order_by("position"))
    # Half already scored (these are updated), one scored and now cleared, the rest new.
    Score.objects.bulk_create([Score(assessor=assessor, outcome=o, value=1) for o in outcomes[::2]])
    data = {}
    for i, o in enumerate(outcomes):
        data[f"o{o.pk}-value"] = "dont_know" if i % 3 == 0 else str(1 + i % 4)
        data[f"o{o.pk}-comment"] = f"Comment {i}"
    data[f"o{outcomes[0].pk}-value"] = ""
    data[f"o{outcomes[0].pk}-comment"] = ""
    client.force_login(user)
    url = f"/assessments/{sa.pk}/score/{standard.pk}/"
    client.get(url)  # warm caches (site settings, sessions)
    count = _count(lambda: client.post(url, data, HTTP_HX_REQUEST="true"))
    saved = {s.outcome_id: (s.value, s.comment) for s in Score.objects.filter(assessor=assessor)}
    expected = {
        o.pk: (None if i % 3 == 0 else 1 + i % 4, f"Comment {i}") for i, o in enumerate(outcomes) if i
    }
    return count, saved, expected


def test_saving_a_standard_takes_the_same_queries_for_5_and_40_outcomes(client):
    few, saved_few, expected_few = _save_standard(client, UserFactory(role="tenant"), 5)
    many, saved_many, expected_many = _save_standard(client, UserFactory(role="tenant"), 40)
    # Every answer was really saved (new, updated, "don't know") and the cleared one removed.
    assert saved_few == expected_few and saved_many == expected_many
    assert few == many


def _edit_counts(client, officer, people):
    """Open the settings form, save it taking off everyone but two (all but one have scored, so it
    is refused), then save it taking off only the one who has not scored and adding someone: the
    queries made, the refusal, and who is invited after."""
    framework = framework_with(2, 5)
    sa = SelfAssessmentFactory(framework=framework, created_by=officer)
    users = [UserFactory(role="tenant" if i % 2 else "officer") for i in range(people)]
    assessors = Assessor.objects.bulk_create(
        [Assessor(self_assessment=sa, user=u, perspective=Perspective.STAFF) for u in users]
    )
    Score.objects.bulk_create(
        [Score(assessor=a, outcome=o, value=2) for a in assessors[1:] for o in framework.outcomes.all()]
    )
    newcomer = UserFactory(role="tenant")
    client.force_login(officer)
    url = f"/assessments/{sa.pk}/edit/"
    client.get(url)
    form = {
        "title": sa.title,
        "opens_on": sa.opens_on.isoformat(),
        "closes_on": sa.closes_on.isoformat(),
        "scale": "\n".join(sa.scale),
        "allow_dont_know": "on",
        "version": sa.version,
        "panel": "",
    }
    counts = [_count(lambda: client.get(url))]
    # Taking off someone who scored is refused, whatever else changes.
    refused = {**form, "assessors": [u.pk for u in users[-2:]] + [newcomer.pk]}
    with CaptureQueriesContext(connection) as ctx:
        response = client.post(url, refused)
    counts.append(len(ctx.captured_queries))
    assert "already scored: they cannot be taken off" in response.content.decode()
    # Taking off the one who has not scored, and adding someone, is saved.
    saved = {**form, "assessors": [u.pk for u in users[1:]] + [newcomer.pk]}
    counts.append(_count(lambda: client.post(url, saved)))
    invited = set(Assessor.objects.filter(self_assessment=sa).values_list("user_id", flat=True))
    assert invited == {u.pk for u in users[1:]} | {newcomer.pk}
    return counts


def test_changing_who_scores_takes_the_same_queries_for_5_and_40_people(client, users):
    assert _edit_counts(client, users["officer"], 5) == _edit_counts(client, users["officer"], 40)
