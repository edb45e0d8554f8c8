"""The owner of a to-do action from a self-assessment finds it in "My actions" on their home page,
and is told about it (by email, or by a notice on their home page if they prefer no email)."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from accounts.models import Notice
from tests.factories.accounts import UserFactory
from tests.factories.assessments import ImprovementActionFactory, SelfAssessmentFactory, framework_with

pytestmark = pytest.mark.django_db


def _closed_self_assessment(coordinator):
    today = timezone.localdate()
    return SelfAssessmentFactory(
        framework=framework_with(1, 1), title="Charter 2026", created_by=coordinator,
        opens_on=today - datetime.timedelta(days=30), closes_on=today - datetime.timedelta(days=1),
    )


def _add_action(client, sa, owner):
    outcome = sa.framework.outcomes.get()
    due = timezone.localdate() + datetime.timedelta(days=30)
    return client.post(
        f"/assessments/{sa.pk}/outcomes/{outcome.pk}/action/",
        {"what": "Publish the panel minutes online", "owner": owner.pk, "due_date": due.isoformat()},
    )


def test_the_owner_sees_the_action_under_my_actions_and_can_open_it(client, users):
    owner = UserFactory(role="tenant", display_name="Ruth Owen")  # not an assessor nor in a panel
    sa = _closed_self_assessment(users["officer"])
    action = ImprovementActionFactory(
        self_assessment=sa, outcome=sa.framework.outcomes.get(), owner=owner,
        what="Publish the panel minutes online", due_date=timezone.localdate() - datetime.timedelta(days=1),
    )
    ImprovementActionFactory(self_assessment=sa, outcome=sa.framework.outcomes.get(), owner=owner,
                             what="An action already done", status="done")
    ImprovementActionFactory(self_assessment=sa, outcome=sa.framework.outcomes.get(),
                             what="Somebody else's action")
    client.force_login(owner)
    page = client.get("/").content.decode()
    assert "<h2 class=\"h4 mt-4\">My actions</h2>" in page
    assert "Publish the panel minutes online" in page
    assert f'href="/assessments/actions/{action.pk}/"' in page
    assert "From the self-assessment Charter 2026" in page and "Overdue" in page
    assert "An action already done" not in page
    assert "Somebody else" not in page
    assert client.get(f"/assessments/actions/{action.pk}/").status_code == 200


def test_the_owner_is_emailed_once_when_an_action_is_given_to_them(
    client, users, django_capture_on_commit_callbacks
):
    owner = UserFactory(role="officer", display_name="Ruth Owen", email="ruth@example.org")
    sa = _closed_self_assessment(users["officer"])
    client.force_login(users["officer"])
    with django_capture_on_commit_callbacks(execute=True):
        assert _add_action(client, sa, owner).status_code == 302
    assert [m.to for m in mail.outbox] == [["ruth@example.org"]]
    email = mail.outbox[0]
    assert email.subject == "You have an action from the self-assessment Charter 2026"
    assert "Publish the panel minutes online" in email.body
    assert "/assessments/actions/" in email.body
    assert not Notice.objects.exists()


def test_an_owner_who_prefers_no_email_gets_a_notice_instead(
    client, users, django_capture_on_commit_callbacks
):
    owner = UserFactory(role="tenant", contact_preference="phone")
    sa = _closed_self_assessment(users["officer"])
    client.force_login(users["officer"])
    with django_capture_on_commit_callbacks(execute=True):
        _add_action(client, sa, owner)
    assert mail.outbox == []
    notice = Notice.objects.get(user=owner)
    assert notice.subject == "You have an action from the self-assessment Charter 2026"
    assert notice.url.startswith("/assessments/actions/")


def test_nobody_is_emailed_about_an_action_they_gave_themselves(
    client, users, django_capture_on_commit_callbacks
):
    sa = _closed_self_assessment(users["officer"])
    client.force_login(users["officer"])
    with django_capture_on_commit_callbacks(execute=True):
        _add_action(client, sa, users["officer"])
    assert mail.outbox == [] and not Notice.objects.exists()


def test_a_new_owner_is_told_when_the_action_is_passed_to_them(
    client, users, django_capture_on_commit_callbacks
):
    sa = _closed_self_assessment(users["officer"])
    action = ImprovementActionFactory(self_assessment=sa, outcome=sa.framework.outcomes.get(),
                                      owner=users["officer"])
    new_owner = UserFactory(role="manager", email="new@example.org")
    client.force_login(users["officer"])
    form = {"what": action.what, "owner": new_owner.pk, "due_date": action.due_date.isoformat(),
            "status": "underway", "progress": "", "version": action.version}
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/assessments/actions/{action.pk}/", form).status_code == 302
    assert [m.to for m in mail.outbox] == [["new@example.org"]]
    with django_capture_on_commit_callbacks(execute=True):  # saved again, same owner: no email
        client.post(f"/assessments/actions/{action.pk}/", {**form, "version": action.version + 1})
    assert len(mail.outbox) == 1
