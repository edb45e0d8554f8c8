"""Each lifecycle step is told in its own words: its own subject, text and note heading.

Verifying once emailed the owner that the recommendation "has been returned to in progress",
with the panel's impact statement under "What still needs to be done"."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from recommendations import services
from recommendations.forms import ReturnForm, VerifyForm
from recommendations.notifications import STEPS
from tests.factories.accounts import UserFactory

SOON = timezone.localdate() + timedelta(days=10)


def _run(call, capture):
    mail.outbox.clear()
    with capture(execute=True):
        call()
    assert mail.outbox, "someone should have been told"
    return mail.outbox[0]


@pytest.fixture
def steps(world, make_rec):
    """Each step, the status it starts from, how to take it, and words only its email has."""
    return {
        "submitted": ("draft", lambda r: services.submit(recommendation=r, by=world.member),
                      "waiting for the landlord's response"),
        "accepted": ("submitted", lambda r: services.respond(
            recommendation=r, by=world.manager, decision="accepted", reason="Good idea."),
            "The landlord has accepted"),
        "partly_accepted": ("submitted", lambda r: services.respond(
            recommendation=r, by=world.manager, decision="partly_accepted", reason="Cost."),
            "The landlord has partly accepted"),
        "rejected": ("submitted", lambda r: services.respond(
            recommendation=r, by=world.manager, decision="rejected", reason="Cost."),
            "The landlord has rejected"),
        "plan_agreed": ("accepted", lambda r: services.agree_plan(
            recommendation=r, by=world.manager, owner=world.owner, due_date=SOON),
            "You own the action plan"),
        "implemented": ("in_progress", lambda r: services.implement(
            recommendation=r, by=world.owner, summary="New letters.",
            evidence=SimpleUploadedFile("a.txt", b"evidence")),
            "Please check the evidence"),
        "verified": ("implemented", lambda r: services.verify(
            recommendation=r, by=world.member, impact_statement="Tenants know who to call."),
            "and verified it"),
        "returned": ("implemented", lambda r: services.return_to_progress(
            recommendation=r, by=world.member, reason="Not every letter."),
            "and returned it to in progress"),
    }


def test_every_step_has_its_own_subject_and_note_heading():
    subjects = [s.subject for s in STEPS.values()]
    labels = [s.note_label for s in STEPS.values() if s.note_label]
    assert len(set(subjects)) == len(subjects)
    assert len(set(labels)) == len(labels)


# Each step's subject (after "R1 of <review>") and the heading over the note, if it has one.
WORDING = {
    "submitted": ("waits for your response", ""),
    "accepted": ("has been accepted", "What the landlord said"),
    "partly_accepted": ("has been partly accepted", "Why it is only partly accepted"),
    "rejected": ("has been rejected", "Why it was rejected"),
    "plan_agreed": ("is in progress: you own its action plan", ""),
    "implemented": ("has been implemented: please check it", "What was done"),
    "verified": ("has been verified by the panel", "What has changed for tenants"),
    "returned": ("has been returned to in progress", "What still needs to be done"),
}


@pytest.mark.parametrize("step", list(WORDING))
def test_each_step_is_emailed_with_its_own_subject_and_words(
    world, make_rec, steps, step, django_capture_on_commit_callbacks
):
    UserFactory(role="manager")
    start, call, words = steps[step]
    rec = make_rec(start)
    email = _run(lambda: call(rec), django_capture_on_commit_callbacks)
    subject, note_label = WORDING[step]
    assert email.subject == f"R{rec.number} of Complaints handling {subject}"
    assert words in email.body
    for other, (_, _, other_words) in steps.items():
        if other != step:
            assert other_words not in email.body
    if note_label:
        assert f"{note_label}:\n" in email.body


def test_verifying_tells_the_owner_it_was_verified_not_returned(
    world, make_rec, django_capture_on_commit_callbacks
):
    rec = make_rec("implemented")
    email = _run(lambda: services.verify(
        recommendation=rec, by=world.member, impact_statement="Tenants know who to call."
    ), django_capture_on_commit_callbacks)
    assert email.to == [world.owner.email]
    assert email.subject.endswith("has been verified by the panel")
    assert "returned" not in email.subject + email.body
    assert "What still needs to be done" not in email.body
    assert "What has changed for tenants:\nTenants know who to call." in email.body


def test_the_verify_and_return_forms_label_their_own_text():
    assert VerifyForm().fields["impact_statement"].label == "What has changed for tenants"
    assert ReturnForm().fields["reason"].label == "What still needs to be done"


def test_the_verify_page_asks_what_changed_and_the_return_page_what_is_left(client, world, make_rec):
    client.force_login(world.member)
    verify = client.get(f"/recommendations/{make_rec('implemented').pk}/verify/").content.decode()
    back = client.get(f"/recommendations/{make_rec('implemented').pk}/return/").content.decode()
    assert "What has changed for tenants" in verify and "What still needs to be done" not in verify
    assert "What still needs to be done" in back and "What has changed for tenants" not in back
