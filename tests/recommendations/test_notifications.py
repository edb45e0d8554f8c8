"""Each step emails the next person, once, from a Celery task after the change is saved."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from recommendations import services
from recommendations.models import Decision, Transition
from recommendations.notifications import send_transition_email
from tests.factories.accounts import UserFactory

SOON = timezone.localdate() + timedelta(days=10)


def _recipients():
    return sorted(m.to[0] for m in mail.outbox)


@pytest.fixture
def second_manager(db):
    return UserFactory(role="manager")


def test_submitting_tells_every_manager(world, make_rec, second_manager, django_capture_on_commit_callbacks):
    UserFactory(role="manager", is_active=False)
    rec = make_rec("draft")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.submit(recommendation=rec, by=world.member)
    # One email job queued (other callbacks renew what is kept of the data once it commits).
    assert len([c for c in callbacks if c.__qualname__.startswith("enqueue.")]) == 1
    assert _recipients() == sorted([world.manager.email, second_manager.email])
    assert "waits for your response" in mail.outbox[0].subject
    assert f"/recommendations/{rec.pk}/" in mail.outbox[0].body


@pytest.mark.parametrize("decision", [Decision.ACCEPTED, Decision.PARTLY_ACCEPTED, Decision.REJECTED])
def test_the_response_goes_to_the_panels_tenants(
    world, make_rec, decision, django_capture_on_commit_callbacks
):
    rec = make_rec("submitted")
    with django_capture_on_commit_callbacks(execute=True):
        services.respond(recommendation=rec, by=world.manager, decision=decision, reason="Because.")
    assert _recipients() == [world.member.email]  # not the supporting officer: the panel's tenants
    if decision != Decision.ACCEPTED:
        assert "Because." in mail.outbox[0].body


def test_the_owner_hears_of_the_plan_and_the_panel_of_the_implementation(
    world, make_rec, django_capture_on_commit_callbacks
):
    rec = make_rec("accepted")
    with django_capture_on_commit_callbacks(execute=True):
        services.agree_plan(recommendation=rec, by=world.manager, owner=world.owner, due_date=SOON)
    assert _recipients() == [world.owner.email]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.implement(recommendation=rec, by=world.owner, summary="Done it.",
                           evidence=SimpleUploadedFile("a.txt", b"evidence"))
    assert _recipients() == [world.member.email]
    assert "please check it" in mail.outbox[0].subject
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.return_to_progress(recommendation=rec, by=world.member, reason="Not everywhere.")
    assert _recipients() == [world.owner.email]
    assert "returned to in progress" in mail.outbox[0].subject and "Not everywhere." in mail.outbox[0].body


def test_verification_thanks_the_owner(world, make_rec, django_capture_on_commit_callbacks):
    rec = make_rec("implemented")
    with django_capture_on_commit_callbacks(execute=True):
        services.verify(recommendation=rec, by=world.member, impact_statement="Much better.")
    assert _recipients() == [world.owner.email]


def test_nothing_is_sent_if_the_change_is_rolled_back(world, make_rec, django_capture_on_commit_callbacks):
    rec = make_rec("submitted")
    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(ValidationError):
        services.respond(recommendation=rec, by=world.manager, decision=Decision.REJECTED)
    assert callbacks == [] and mail.outbox == []


def test_the_email_task_sends_once_even_if_run_twice(world, make_rec):
    rec = make_rec("draft")
    services.submit(recommendation=rec, by=world.member)
    transition = Transition.objects.get(recommendation=rec, to_status="submitted")
    assert send_transition_email(transition.pk) == 1
    assert send_transition_email(transition.pk) == 0
    assert len(mail.outbox) == 1
