"""A closed self-assessment's pooled results never change when a person who scored it is
deleted or has their personal data erased: their scores stay, without their name, and so does
whether they scored as a tenant or as staff."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from accounts.models import User
from assessments import services
from assessments.models import Assessor, Score
from assessments.selectors import pooled_results
from tests.factories.accounts import UserFactory
from tests.factories.assessments import AssessorFactory, ScoreFactory, SelfAssessmentFactory, framework_with

pytestmark = pytest.mark.django_db

# Two tenants, two staff; None is "don't know".
TABLE = {"1.1": [4, 1, 3, 3], "1.2": [2, None, 4, 4], "2.1": [1, 2, 4, 3], "2.2": [3, 3, None, 2]}


@pytest.fixture
def closed():
    framework = framework_with(2, 2)
    today = timezone.localdate()
    sa = SelfAssessmentFactory(
        framework=framework,
        opens_on=today - datetime.timedelta(days=20),
        closes_on=today - datetime.timedelta(days=1),
    )
    people = [
        UserFactory(role="tenant"),
        UserFactory(role="tenant"),
        UserFactory(role="officer"),
        UserFactory(role="manager"),
    ]
    assessors = [AssessorFactory(self_assessment=sa, user=p, finished_at=timezone.now()) for p in people]
    outcomes = {o.code: o for o in framework.outcomes.all()}
    for code, values in TABLE.items():
        for assessor, value in zip(assessors, values, strict=True):
            ScoreFactory(assessor=assessor, outcome=outcomes[code], value=value, comment="Seen it")
    return sa, people


def _figures(sa):
    results = pooled_results(assessment=sa)
    # The tenant/staff split must be there to be kept: 1.1 is 2.5 for tenants, 3 for staff.
    by_code = {r.code: r for r in results.outcomes}
    assert (by_code["1.1"].tenant_mean, by_code["1.1"].staff_mean) == (2.5, 3.0)
    return results


def test_deleting_an_assessor_leaves_the_pooled_results_as_they_were(client, closed):
    sa, people = closed
    before = _figures(sa)
    stored = Score.objects.filter(assessor__self_assessment=sa).count()
    tenant, staff = people[1], people[2]
    tenant.delete()
    staff.delete()
    assert not User.objects.filter(pk__in=[tenant.pk, staff.pk]).exists()
    assert Score.objects.filter(assessor__self_assessment=sa).count() == stored == 16
    assert _figures(sa) == before
    # Their rows stay, nameless, with the view they scored from.
    gone = Assessor.objects.filter(self_assessment=sa, user__isnull=True)
    assert sorted(gone.values_list("perspective", flat=True)) == ["staff", "tenant"]
    # The coordinator's pages still show them, as a former member.
    client.force_login(sa.created_by)
    page = client.get(f"/assessments/{sa.pk}/progress/")
    assert page.status_code == 200 and page.content.decode().count("Former member") == 2
    assert client.get(f"/assessments/{sa.pk}/results/").status_code == 200


def test_erasing_an_assessor_keeps_their_scores_anonymously(closed):
    sa, people = closed
    before = _figures(sa)
    person = people[0]
    call_command("erase_person", person.email, "--yes", stdout=io.StringIO())
    person.refresh_from_db()
    assert person.display_name == "Former member" and not person.is_active
    assert Score.objects.filter(assessor__user=person).count() == 4
    assert Assessor.objects.get(self_assessment=sa, user=person).perspective == "tenant"
    assert _figures(sa) == before


def test_an_open_self_assessment_still_reminds_the_others_and_can_be_edited_after_a_deletion(
    client, django_capture_on_commit_callbacks
):
    framework = framework_with(1, 2)
    sa = SelfAssessmentFactory(framework=framework)
    left, stays = UserFactory(role="tenant"), UserFactory(role="tenant")
    gone = AssessorFactory(self_assessment=sa, user=left)
    AssessorFactory(self_assessment=sa, user=stays)
    ScoreFactory(assessor=gone, outcome=framework.outcomes.first(), value=3)
    left.delete()
    Assessor.objects.filter(self_assessment=sa).update(reminder_requested_at=timezone.now())
    assert services.send_reminders(self_assessment_id=sa.pk) == 1
    assert [m.to for m in mail.outbox] == [[stays.email]]
    # Changing who is invited leaves the nameless row and its score alone.
    other = UserFactory(role="officer")
    services.update_self_assessment(
        self_assessment=sa,
        by=sa.created_by,
        version=sa.version,
        title=sa.title,
        opens_on=sa.opens_on,
        closes_on=sa.closes_on,
        assessors=[stays, other],
    )
    assert Assessor.objects.filter(self_assessment=sa).count() == 3
    assert Score.objects.filter(assessor=gone).count() == 1
