"""The demo goes through the services, so it holds nothing they would refuse: every
recommendation's steps are ones the lifecycle allows, taken by people allowed to take them;
tenants proposed the reviews and the chair confirmed them; meetings were arranged by someone
who manages the panel. Seeding sends no email and adds nothing the second time."""

import io

import pytest
from django.core import mail
from django.core.management import call_command

from panels.models import Meeting
from panels.permissions import can_manage_panel
from recommendations.models import Recommendation, Status
from reviews.models import Review, Stage

# The step each move is, by the status it reaches (returning is the move from implemented).
STEP_TO = {
    Status.SUBMITTED: "submit", Status.ACCEPTED: "respond", Status.PARTLY_ACCEPTED: "respond",
    Status.REJECTED: "respond", Status.IN_PROGRESS: "agree_plan", Status.IMPLEMENTED: "implement",
    Status.VERIFIED: "verify",
}
# The statuses each step may start from, written out from DESIGN.md's lifecycle.
STEP_STARTS = {
    "submit": {"draft"},
    "respond": {"submitted"},
    "agree_plan": {"accepted", "partly_accepted"},
    "implement": {"in_progress"},
    "verify": {"implemented"},
    "return": {"implemented"},
}


def may_take(step, person, rec):
    """Who may take each step (DESIGN.md), written out: the panel's tenants write, submit,
    verify and return; managers respond and agree plans; the owning officer or a manager marks
    the work implemented."""
    on_panel = person.role == "tenant" and person.memberships.filter(
        panel=rec.review.panel_id, left_on__isnull=True).exists()
    return {
        "submit": on_panel, "verify": on_panel, "return": on_panel,
        "respond": person.role == "manager", "agree_plan": person.role == "manager",
        "implement": person.role == "manager" or (person.role == "officer" and rec.owner_id == person.pk),
    }[step]


@pytest.fixture(scope="module")
def _seeded_once(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo, seeded once for this module's tests (seeding takes seconds) inside a transaction
    rolled back after them, under the settings every test has (tests/conftest.py's
    _isolated_site); each test runs inside it, in a savepoint of its own. The emails the
    seeding sent are returned."""
    from django.db import transaction
    from django.test import TestCase, override_settings

    test_settings = override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        MEDIA_ROOT=tmp_path_factory.mktemp("media"),
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        CELERY_TASK_ALWAYS_EAGER=True,
    )
    with django_db_blocker.unblock(), test_settings:
        outer = transaction.atomic()
        outer.__enter__()
        try:
            mail.outbox = []
            with TestCase.captureOnCommitCallbacks(execute=True):
                call_command("seed_demo", stdout=io.StringIO())
            yield list(mail.outbox)
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def seeded(_seeded_once, db):
    """The emails sending the demo seed sent."""
    return _seeded_once


def test_every_demo_step_is_one_the_lifecycle_allows_by_someone_allowed(seeded):
    recs = Recommendation.objects.prefetch_related("transitions__by").select_related("review", "owner")
    assert recs.count() >= 10
    for rec in recs:
        steps = list(rec.transitions.all())
        assert (steps[0].from_status, steps[0].to_status) == ("", Status.DRAFT)
        for before, after in zip(steps, steps[1:], strict=False):
            assert after.from_status == before.to_status, rec
            step = "return" if after.from_status == Status.IMPLEMENTED and \
                after.to_status == Status.IN_PROGRESS else STEP_TO[after.to_status]
            assert after.from_status in STEP_STARTS[step], (rec, step)
            assert not after.by.is_site_admin and may_take(step, after.by, rec), (rec, step)
        assert steps[-1].to_status == rec.status
        assert all(t.at <= steps[-1].at for t in steps)
        if rec.status in (Status.IN_PROGRESS, Status.IMPLEMENTED, Status.VERIFIED):
            assert rec.owner is not None and rec.due_date is not None
        for action in rec.actions.all():
            added = action.history.earliest().history_date
            status_then = [t.to_status for t in steps if t.at <= added][-1]
            # Actions are added only while work is open.
            assert status_then in {"accepted", "partly_accepted", "in_progress"}, (rec, action)


def test_tenants_proposed_the_demo_reviews_and_the_chair_confirmed_them(seeded):
    # The reviews and recommendations seeds' reviews (the mystery shopping programmes are the
    # mystery shopping seed's own).
    reviews = Review.objects.filter(panel__name="SURE Team") | Review.objects.filter(
        title="Customer service standards mystery shopping"
    )
    assert reviews.count() >= 4
    for review in reviews:
        changes = list(review.stage_changes.select_related("changed_by"))
        assert changes[0].to_stage == Stage.PROPOSED and changes[0].changed_by.is_tenant
        assert review.created_by.is_tenant
        assert changes[1].from_stage == Stage.PROPOSED and changes[1].to_stage == Stage.SCOPING
        assert can_manage_panel(changes[1].changed_by, review.panel_id)
        assert changes[-1].to_stage == review.stage


def test_demo_meetings_were_arranged_by_someone_who_manages_the_panel(seeded):
    meetings = Meeting.objects.select_related("created_by")
    assert meetings.exists()
    for meeting in meetings:
        assert can_manage_panel(meeting.created_by, meeting.panel_id)


def test_seeding_sends_no_email_and_adds_nothing_the_second_time(seeded):
    assert seeded == []
    counts = (Recommendation.objects.count(), Review.objects.count(), Meeting.objects.count())
    call_command("seed_demo", stdout=io.StringIO())
    assert (Recommendation.objects.count(), Review.objects.count(), Meeting.objects.count()) == counts
