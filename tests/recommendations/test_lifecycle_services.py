"""Every step of the lifecycle through the services: who may take it, from which status, and
what it needs (DESIGN.md: draft → submitted → accepted / partly accepted / rejected → in
progress → implemented → verified, or back to in progress)."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from recommendations import services
from recommendations.models import Decision, Recommendation, Response, Status, Transition
from tests.db_unchanged import assert_db_unchanged

TOMORROW = timezone.localdate() + timedelta(days=1)


def evidence():
    return SimpleUploadedFile("leaflet.txt", b"The new complaints leaflet names the team.")


# step -> (status it needs, callable(world, rec, by) performing the step with good input)
STEPS = {
    "submit": lambda w, rec, by: services.submit(recommendation=rec, by=by),
    "accept": lambda w, rec, by: services.respond(recommendation=rec, by=by, decision=Decision.ACCEPTED),
    "partly_accept": lambda w, rec, by: services.respond(
        recommendation=rec, by=by, decision=Decision.PARTLY_ACCEPTED, reason="Cost."
    ),
    "reject": lambda w, rec, by: services.respond(
        recommendation=rec, by=by, decision=Decision.REJECTED, reason="Already done another way."
    ),
    "agree_plan": lambda w, rec, by: services.agree_plan(
        recommendation=rec, by=by, owner=w.owner, due_date=TOMORROW
    ),
    "implement": lambda w, rec, by: services.implement(
        recommendation=rec, by=by, summary="Letters now name the team.", evidence=evidence()
    ),
    "verify": lambda w, rec, by: services.verify(
        recommendation=rec, by=by, impact_statement="Tenants know who to call."
    ),
    "return": lambda w, rec, by: services.return_to_progress(
        recommendation=rec, by=by, reason="Half the letters still have no name."
    ),
}
# The statuses each step is refused from, written out from DESIGN.md's lifecycle (not read from
# the product's own table, so a wrong table fails here).
REFUSED_FROM = {
    "submit": ["accepted", "implemented", "in_progress", "partly_accepted", "rejected", "submitted",
               "verified"],
    "accept": ["accepted", "draft", "implemented", "in_progress", "partly_accepted", "rejected",
               "verified"],
    "partly_accept": ["accepted", "draft", "implemented", "in_progress", "partly_accepted",
                      "rejected", "verified"],
    "reject": ["accepted", "draft", "implemented", "in_progress", "partly_accepted", "rejected",
               "verified"],
    "agree_plan": ["draft", "implemented", "in_progress", "rejected", "submitted", "verified"],
    "implement": ["accepted", "draft", "implemented", "partly_accepted", "rejected", "submitted",
                  "verified"],
    "verify": ["accepted", "draft", "in_progress", "partly_accepted", "rejected", "submitted",
               "verified"],
    "return": ["accepted", "draft", "in_progress", "partly_accepted", "rejected", "submitted",
               "verified"],
}


# Each allowed transition: (step, starting status, who, resulting status).
ALLOWED = [
    ("submit", "draft", "member", Status.SUBMITTED),
    ("submit", "draft", "admin", Status.SUBMITTED),
    ("accept", "submitted", "manager", Status.ACCEPTED),
    ("accept", "submitted", "admin", Status.ACCEPTED),
    ("partly_accept", "submitted", "manager", Status.PARTLY_ACCEPTED),
    ("partly_accept", "submitted", "admin", Status.PARTLY_ACCEPTED),
    ("reject", "submitted", "manager", Status.REJECTED),
    ("reject", "submitted", "admin", Status.REJECTED),
    ("agree_plan", "accepted", "manager", Status.IN_PROGRESS),
    ("agree_plan", "partly_accepted", "manager", Status.IN_PROGRESS),
    ("agree_plan", "accepted", "admin", Status.IN_PROGRESS),
    ("implement", "in_progress", "owner", Status.IMPLEMENTED),
    ("implement", "in_progress", "manager", Status.IMPLEMENTED),
    ("implement", "in_progress", "admin", Status.IMPLEMENTED),
    ("verify", "implemented", "member", Status.VERIFIED),
    ("verify", "implemented", "admin", Status.VERIFIED),
    ("return", "implemented", "member", Status.IN_PROGRESS),
    ("return", "implemented", "admin", Status.IN_PROGRESS),
]

# Each forbidden actor: (step, starting status, who).
WRONG_ROLE = [
    ("submit", "draft", "outsider"), ("submit", "draft", "supporting_officer"),
    ("submit", "draft", "owner"), ("submit", "draft", "manager"),
    ("accept", "submitted", "member"), ("accept", "submitted", "owner"),
    ("accept", "submitted", "supporting_officer"),
    ("reject", "submitted", "member"), ("reject", "submitted", "owner"),
    ("partly_accept", "submitted", "member"),
    ("agree_plan", "accepted", "member"), ("agree_plan", "accepted", "owner"),
    ("implement", "in_progress", "member"), ("implement", "in_progress", "other_officer"),
    ("implement", "in_progress", "supporting_officer"), ("implement", "in_progress", "outsider"),
    ("verify", "implemented", "owner"), ("verify", "implemented", "manager"),
    ("verify", "implemented", "supporting_officer"), ("verify", "implemented", "outsider"),
    ("return", "implemented", "owner"), ("return", "implemented", "manager"),
    ("return", "implemented", "outsider"),
]


@pytest.mark.parametrize(("step", "start", "who", "end"), ALLOWED)
def test_allowed_transition(world, make_rec, step, start, who, end):
    rec = make_rec(start)
    by = getattr(world, who)
    STEPS[step](world, rec, by)
    rec.refresh_from_db()
    assert rec.status == end
    transition = Transition.objects.filter(recommendation=rec).latest("at", "pk")
    assert (transition.from_status, transition.to_status, transition.by) == (start, end, by)
    assert rec.history.latest().history_user == by  # the audit trail says who


@pytest.mark.parametrize(("step", "start", "who"), WRONG_ROLE)
def test_wrong_role_is_refused(world, make_rec, step, start, who):
    rec = make_rec(start)
    with assert_db_unchanged(), pytest.raises(PermissionDenied):
        STEPS[step](world, rec, getattr(world, who))
    rec.refresh_from_db()
    assert rec.status == start
    assert not Transition.objects.filter(recommendation=rec).exists()


@pytest.mark.parametrize(
    ("step", "start"),
    [(step, status) for step, refused in REFUSED_FROM.items() for status in refused],
)
def test_wrong_state_is_refused(world, make_rec, step, start):
    rec = make_rec(start)
    with pytest.raises(ValidationError) as info:
        STEPS[step](world, rec, world.admin)  # admins may take every step, so only the status is wrong
    assert info.value.code == "wrong_state"
    rec.refresh_from_db()
    assert rec.status == start


@pytest.mark.parametrize(
    ("call", "start", "field"),
    [
        (lambda w, r: services.respond(recommendation=r, by=w.manager, decision=Decision.PARTLY_ACCEPTED),
         "submitted", "reason"),
        (lambda w, r: services.respond(recommendation=r, by=w.manager, decision=Decision.REJECTED,
                                       reason="   "), "submitted", "reason"),
        (lambda w, r: services.respond(recommendation=r, by=w.manager, decision="maybe"),
         "submitted", "decision"),
        (lambda w, r: services.respond(recommendation=r, by=w.manager, decision=Decision.REJECTED,
                                       reason="No.", owner=w.owner, due_date=TOMORROW),
         "submitted", "owner"),
        (lambda w, r: services.respond(recommendation=r, by=w.manager, decision=Decision.ACCEPTED,
                                       owner=w.owner), "submitted", "due_date"),
        (lambda w, r: services.agree_plan(recommendation=r, by=w.manager, owner=None, due_date=TOMORROW),
         "accepted", "owner"),
        (lambda w, r: services.agree_plan(recommendation=r, by=w.manager, owner=w.member, due_date=TOMORROW),
         "accepted", "owner"),
        (lambda w, r: services.agree_plan(recommendation=r, by=w.manager, owner=w.owner, due_date=None),
         "accepted", "due_date"),
        (lambda w, r: services.agree_plan(recommendation=r, by=w.manager, owner=w.owner,
                                          due_date=timezone.localdate() - timedelta(days=1)),
         "accepted", "due_date"),
        (lambda w, r: services.implement(recommendation=r, by=w.owner, summary="Done.", evidence=None),
         "in_progress", "evidence"),
        (lambda w, r: services.implement(recommendation=r, by=w.owner, summary="", evidence=evidence()),
         "in_progress", "summary"),
        (lambda w, r: services.verify(recommendation=r, by=w.member, impact_statement=""),
         "implemented", "impact_statement"),
        (lambda w, r: services.return_to_progress(recommendation=r, by=w.member, reason=""),
         "implemented", "reason"),
    ],
    ids=["partly-no-reason", "reject-blank-reason", "bad-decision", "reject-with-plan",
         "owner-without-date", "plan-no-owner", "plan-tenant-owner", "plan-no-date", "plan-past-date",
         "implement-no-evidence", "implement-no-summary", "verify-no-impact", "return-no-reason"],
)
def test_missing_or_bad_input_is_refused(world, make_rec, call, start, field):
    rec = make_rec(start)
    with pytest.raises(ValidationError) as info:
        call(world, rec)
    assert field in info.value.message_dict
    rec.refresh_from_db()
    assert rec.status == start
    if start == "submitted":
        assert not Response.objects.filter(recommendation=rec).exists()


def test_manager_accepts_with_owner_and_due_date_and_it_goes_straight_to_in_progress(world, make_rec):
    rec = make_rec("submitted")
    services.respond(recommendation=rec, by=world.manager, decision=Decision.ACCEPTED,
                     owner=world.owner, due_date=TOMORROW)
    rec.refresh_from_db()
    assert rec.status == Status.IN_PROGRESS
    assert (rec.owner, rec.due_date) == (world.owner, TOMORROW)
    assert rec.response.decision == Decision.ACCEPTED and rec.response.responded_by == world.manager
    assert list(rec.transitions.values_list("to_status", flat=True)) == ["accepted", "in_progress"]


def test_implementing_keeps_the_evidence_and_returning_clears_the_date(world, make_rec):
    rec = make_rec("in_progress")
    services.implement(
        recommendation=rec, by=world.owner, summary="Letters name the team.", evidence=evidence()
    )
    rec.refresh_from_db()
    update = rec.progress_updates.get()
    assert update.marks_implementation
    assert update.evidence.read() == b"The new complaints leaflet names the team."
    assert rec.implemented_at is not None and rec.implementation_summary == "Letters name the team."
    services.return_to_progress(recommendation=rec, by=world.member, reason="Not all letters.")
    rec.refresh_from_db()
    assert rec.status == Status.IN_PROGRESS and rec.implemented_at is None


def test_verifying_records_the_impact_statement(world, make_rec):
    rec = make_rec("implemented")
    services.verify(recommendation=rec, by=world.member, impact_statement="  Tenants know who to call. ")
    rec.refresh_from_db()
    assert rec.impact_statement == "Tenants know who to call."
    assert rec.verified_at is not None


def test_former_panel_member_cannot_verify(world, make_rec):
    rec = make_rec("implemented")
    membership = world.member.memberships.get()
    membership.left_on = timezone.localdate()
    membership.save()
    member = type(world.member).objects.get(pk=world.member.pk)  # fresh: memberships are cached
    with assert_db_unchanged(), pytest.raises(PermissionDenied):
        services.verify(recommendation=rec, by=member, impact_statement="Good.")


def test_status_field_cannot_be_edited_through_a_form():
    assert Recommendation._meta.get_field("status").editable is False
