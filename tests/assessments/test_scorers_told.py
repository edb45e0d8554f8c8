"""Setting up a self-assessment tells each person invited to score, once: editing it later tells
nobody again, and someone added later is told once."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from accounts.models import Notice
from assessments import notifications, services
from tests.factories.accounts import UserFactory
from tests.factories.assessments import framework_with

pytestmark = pytest.mark.django_db


def _set_up(by, assessors):
    today = timezone.localdate()
    return services.create_self_assessment(
        by=by, framework=framework_with(1, 2), title="Charter 2026", opens_on=today,
        closes_on=today + datetime.timedelta(days=21), assessors=assessors,
    )


def _edit(sa, by, assessors):
    return services.update_self_assessment(
        self_assessment=sa, by=by, version=sa.version, title=sa.title, opens_on=sa.opens_on,
        closes_on=sa.closes_on, assessors=assessors,
    )


def test_each_scorer_is_told_once_when_it_is_set_up_and_not_again_when_it_is_edited(
    users, django_capture_on_commit_callbacks
):
    ann = UserFactory(role="tenant", email="ann@example.org")
    bob = UserFactory(role="officer", email="bob@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        sa = _set_up(users["officer"], [ann, bob])
    assert sorted(m.to[0] for m in mail.outbox) == ["ann@example.org", "bob@example.org"]
    assert {m.subject for m in mail.outbox} == {"You are invited to score Charter 2026"}
    assert f"/assessments/{sa.pk}/" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        sa = _edit(sa, users["officer"], [ann, bob])
    assert len(mail.outbox) == 2
    cat = UserFactory(role="tenant", email="cat@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        _edit(sa, users["officer"], [ann, bob, cat])
    assert [m.to for m in mail.outbox[2:]] == [["cat@example.org"]]
    # The job run again (a message delivered twice) tells nobody a second time.
    assert notifications.tell_assessors(self_assessment_id=sa.pk) == 0
    assert len(mail.outbox) == 3


def test_a_scorer_who_prefers_no_email_finds_a_notice_on_their_home_page(
    client, users, django_capture_on_commit_callbacks
):
    dee = UserFactory(role="tenant", contact_preference="post")
    with django_capture_on_commit_callbacks(execute=True):
        sa = _set_up(users["officer"], [dee])
    assert mail.outbox == []
    notice = Notice.objects.get(user=dee)
    assert notice.subject == "You are invited to score Charter 2026"
    assert notice.url == f"/assessments/{sa.pk}/"
    client.force_login(dee)
    assert "You are invited to score Charter 2026" in client.get("/").content.decode()


def test_the_person_setting_it_up_is_not_told_about_their_own_invitation(
    users, django_capture_on_commit_callbacks
):
    ann = UserFactory(role="tenant", email="ann@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        _set_up(users["officer"], [ann, users["officer"]])
    assert [m.to for m in mail.outbox] == [["ann@example.org"]]


def test_setting_it_up_on_its_page_tells_the_scorers_and_says_so(
    client, users, django_capture_on_commit_callbacks
):
    ann = UserFactory(role="tenant", email="ann@example.org")
    framework = framework_with(1, 2)
    today = timezone.localdate()
    client.force_login(users["officer"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/assessments/new/", {
            "title": "Charter 2026", "framework": framework.pk, "opens_on": today.isoformat(),
            "closes_on": (today + datetime.timedelta(days=21)).isoformat(),
            "assessors": [ann.pk], "scale": "Not met\nPartly met\nMostly met\nFully met",
            "allow_dont_know": "on",
        }, follow=True)
    assert response.redirect_chain  # saved, not shown again with an error
    assert "Everyone invited has been told" in response.content.decode()
    assert [m.to for m in mail.outbox] == [["ann@example.org"]]


def test_a_reminder_to_someone_who_prefers_no_email_is_a_notice_instead(
    users, django_capture_on_commit_callbacks
):
    dee = UserFactory(role="tenant", contact_preference="text")
    with django_capture_on_commit_callbacks(execute=True):
        sa = _set_up(users["officer"], [dee])
    with django_capture_on_commit_callbacks(execute=True):
        assert services.remind(self_assessment=sa, by=users["officer"]) == 1
    assert mail.outbox == []
    assert list(Notice.objects.filter(user=dee).values_list("subject", flat=True).order_by("pk")) == [
        "You are invited to score Charter 2026", "Reminder: please finish scoring Charter 2026",
    ]
