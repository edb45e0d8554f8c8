"""The same lifecycle through the pages people use: what they post, what they see back."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from recommendations.models import Status, Transition
from tests.db_unchanged import assert_db_unchanged
from tests.recommendations.test_lifecycle_services import ALLOWED, REFUSED_FROM, WRONG_ROLE

TOMORROW = (timezone.localdate() + timedelta(days=1)).isoformat()

# step -> (URL path after /recommendations/<pk>/, function of world giving the form data)
PAGES = {
    "submit": ("submit/", lambda w: {}),
    "accept": ("respond/", lambda w: {"decision": "accepted"}),
    "partly_accept": ("respond/", lambda w: {"decision": "partly_accepted", "reason": "Cost."}),
    "reject": ("respond/", lambda w: {"decision": "rejected", "reason": "Done another way."}),
    "agree_plan": ("action-plan/", lambda w: {"owner": w.owner.pk, "due_date": TOMORROW}),
    "implement": ("implemented/", lambda w: {
        "summary": "Letters now name the team.",
        "evidence": SimpleUploadedFile("letter.txt", b"Dear tenant, the Housing Options team..."),
    }),
    "verify": ("verify/", lambda w: {"impact_statement": "Tenants know who to call."}),
    "return": ("return/", lambda w: {"reason": "Half the letters still have no name."}),
}
# What a person is told when the recommendation is not in the status the step starts from.
NOT_NOW = {
    "submit": "Only a draft can be submitted. This recommendation has already been submitted.",
    "accept": "This recommendation is not waiting for a response.",
    "partly_accept": "This recommendation is not waiting for a response.",
    "reject": "This recommendation is not waiting for a response.",
    "agree_plan": "An action plan can only be agreed for an accepted or partly accepted recommendation.",
    "implement": "Only a recommendation that is in progress can be marked as implemented.",
    "verify": "Only an implemented recommendation can be verified.",
    "return": "Only an implemented recommendation can be returned to in progress.",
}


def post(client, world, user, rec, step, data=None, **extra):
    """Post the step's form as `user`, with good data unless `data` is given."""
    client.force_login(user)
    path, make_data = PAGES[step]
    data = make_data(world) if data is None else data
    return client.post(f"/recommendations/{rec.pk}/{path}", data, **extra)


@pytest.mark.parametrize(("step", "start", "who", "end"), ALLOWED)
def test_allowed_transition_through_the_page(client, world, make_rec, step, start, who, end):
    rec = make_rec(start)
    response = post(client, world, getattr(world, who), rec, step)
    assert response.status_code == 302 and response["Location"] == rec.get_absolute_url()
    rec.refresh_from_db()
    assert rec.status == end
    page = client.get(rec.get_absolute_url()).content.decode()
    assert rec.get_status_display() in page


@pytest.mark.parametrize(("step", "start", "who"), WRONG_ROLE)
def test_wrong_role_gets_403_from_the_page(client, world, make_rec, step, start, who):
    rec = make_rec(start)
    client.force_login(getattr(world, who))  # signing in records when: before the check
    path, make_data = PAGES[step]
    with assert_db_unchanged():
        response = client.post(f"/recommendations/{rec.pk}/{path}", make_data(world))
    assert response.status_code == 403
    rec.refresh_from_db()
    assert rec.status == start


@pytest.mark.parametrize(
    ("step", "start"), [(step, status) for step, refused in REFUSED_FROM.items() for status in refused]
)
def test_wrong_state_sends_back_to_the_recommendation_with_a_message(client, world, make_rec, step, start):
    rec = make_rec(start)
    response = post(client, world, world.admin, rec, step, follow=True)
    assert response.redirect_chain[-1][0] == rec.get_absolute_url()
    messages = [str(m) for m in response.context["messages"]]
    assert messages == [NOT_NOW[step]]
    rec.refresh_from_db()
    assert rec.status == start


@pytest.mark.parametrize(
    ("step", "start", "data", "field_label"),
    [
        ("partly_accept", "submitted", {"decision": "partly_accepted", "reason": ""}, "Reason"),
        ("reject", "submitted", {"decision": "rejected"}, "Reason"),
        ("accept", "submitted", {}, "The landlord&#x27;s response"),
        ("agree_plan", "accepted", {"due_date": TOMORROW}, "Owner of the action plan"),
        ("agree_plan", "accepted", {"owner": "x", "due_date": "31/02/2020"}, "Due date"),
        ("implement", "in_progress", {"summary": "Done."}, "Evidence it was done"),
        ("verify", "implemented", {"impact_statement": " "}, "What has changed for tenants"),
        ("return", "implemented", {"reason": ""}, "What still needs to be done"),
    ],
    ids=["partly-no-reason", "reject-no-reason", "no-decision", "plan-no-owner", "plan-bad-date",
         "implement-no-evidence", "verify-no-impact", "return-no-reason"],
)
def test_missing_input_is_explained_and_what_was_typed_is_kept(
    client, world, make_rec, step, start, data, field_label
):
    rec = make_rec(start)
    who = {"submitted": world.manager, "accepted": world.manager, "in_progress": world.owner}.get(
        start, world.member
    )
    response = post(client, world, who, rec, step, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert field_label in page
    for value in data.values():
        if isinstance(value, str) and value.strip() and value != "x":
            assert value in page
    rec.refresh_from_db()
    assert rec.status == start


def test_a_draft_is_written_numbered_and_changed_by_the_panel(client, world):
    client.force_login(world.member)
    response = client.post(
        f"/recommendations/reviews/{world.review.pk}/new/",
        {"text": "Name the officer dealing with each complaint.", "priority": "high",
         "rationale": "Tenants did not know who to chase."},
    )
    rec = world.review.recommendations.get()
    assert response["Location"] == rec.get_absolute_url()
    assert (rec.code, rec.status, rec.created_by) == ("R1", Status.DRAFT, world.member)
    assert rec.service_area == world.review.service_area

    response = client.post(f"/recommendations/{rec.pk}/edit/", {"text": "", "priority": "high"})
    assert "There is a problem" in response.content.decode()

    client.post(f"/recommendations/{rec.pk}/edit/",
                {"text": "Name the team.", "priority": "low", "version": rec.version})
    rec.refresh_from_db()
    assert (rec.text, rec.priority, rec.status) == ("Name the team.", "low", Status.DRAFT)


def test_the_page_offers_only_the_steps_the_person_can_take(client, world, make_rec):
    rec = make_rec("implemented")
    client.force_login(world.member)
    page = client.get(rec.get_absolute_url()).content.decode()
    assert "Verify" in page and "Return to in progress" in page
    client.force_login(world.manager)
    page = client.get(rec.get_absolute_url()).content.decode()
    assert f"/recommendations/{rec.pk}/verify/" not in page


def test_each_step_emails_the_next_person(client, world, make_rec, django_capture_on_commit_callbacks):
    rec = make_rec("submitted")
    with django_capture_on_commit_callbacks(execute=True):
        post(client, world, world.manager, rec, "accept",
             {"decision": "accepted", "owner": world.owner.pk, "due_date": TOMORROW})
    rec.refresh_from_db()
    assert rec.status == Status.IN_PROGRESS
    to = sorted((m.to[0], m.subject) for m in mail.outbox)
    assert (world.member.email, f"R{rec.number} of Complaints handling has been accepted") in to
    plan = f"R{rec.number} of Complaints handling is in progress: you own its action plan"
    assert (world.owner.email, plan) in to
    assert Transition.objects.filter(recommendation=rec, notified_at__isnull=True).count() == 0


def test_mark_as_implemented_shows_the_evidence_file_as_required_and_refuses_it_empty(
        client, world, make_rec):
    rec = make_rec("in_progress")
    client.force_login(world.owner)
    page = client.get(f"/recommendations/{rec.pk}/implemented/").content.decode()
    evidence_label = re.search(r'<label\s+for="id_evidence"[^>]*>(.*?)</label>', page, re.S).group(1)
    assert "Evidence it was done" in evidence_label and "asteriskField" in evidence_label
    assert "Everything marked" in page  # the * is explained

    response = client.post(f"/recommendations/{rec.pk}/implemented/", {"summary": "Letters changed."})
    assert "Choose a file that shows it was done" in response.content.decode()
    response = client.post(f"/recommendations/{rec.pk}/implemented/", {
        "summary": "Letters changed.",
        "evidence": SimpleUploadedFile("letter.txt", b"A letter naming the team."),
    })
    assert response.status_code == 302
