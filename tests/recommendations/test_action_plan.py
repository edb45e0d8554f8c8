"""The action plan: actions, progress updates with evidence, and the timeline of everything."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from recommendations import detail_page, services
from recommendations.models import ActionStatus, Decision
from tests.db_unchanged import assert_db_unchanged
from tests.factories.recommendations import ActionFactory

SOON = timezone.localdate() + timedelta(days=10)


def test_owner_adds_an_action_and_updates_its_status(client, world, make_rec):
    rec = make_rec("in_progress")
    client.force_login(world.owner)
    response = client.post(
        f"/recommendations/{rec.pk}/actions/new/",
        {"what": "Add the team's name to letters", "owner": world.other_officer.pk, "due_date": SOON},
    )
    assert response.status_code == 302
    action = rec.actions.get()
    assert (action.owner, action.due_date, action.status) == (world.other_officer, SOON, "not_started")

    # The action's own owner may update it, even though they do not own the recommendation.
    client.force_login(world.other_officer)
    client.post(f"/recommendations/{rec.pk}/actions/{action.pk}/",
                {"what": action.what, "owner": world.other_officer.pk, "due_date": SOON, "status": "done",
                 "version": action.version})
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE and action.completed_on == timezone.localdate()


def test_action_needs_a_future_date_and_a_staff_owner(client, world, make_rec):
    rec = make_rec("in_progress")
    client.force_login(world.manager)
    yesterday = timezone.localdate() - timedelta(days=1)
    response = client.post(f"/recommendations/{rec.pk}/actions/new/",
                           {"what": "Fix it", "owner": world.owner.pk, "due_date": yesterday})
    assert "must be today or later" in response.content.decode()
    response = client.post(f"/recommendations/{rec.pk}/actions/new/",
                           {"what": "Fix it", "owner": world.member.pk, "due_date": SOON})
    assert "There is a problem" in response.content.decode()
    assert not rec.actions.exists()


def test_other_officers_and_tenants_cannot_change_the_plan(world, make_rec):
    rec = make_rec("in_progress")
    action = ActionFactory(recommendation=rec, owner=world.owner)
    for person in (world.other_officer, world.member, world.supporting_officer):
        with assert_db_unchanged(), pytest.raises(PermissionDenied):
            services.add_action(recommendation=rec, by=person, what="x", owner=world.owner, due_date=SOON)
        with assert_db_unchanged(), pytest.raises(PermissionDenied):
            services.update_action(action=action, by=person, what="x", owner=world.owner, due_date=SOON,
                                   status="done")
        with assert_db_unchanged(), pytest.raises(PermissionDenied):
            services.add_progress(recommendation=rec, by=person, text="x")


@pytest.mark.parametrize("status", ["draft", "submitted", "rejected", "implemented", "verified"])
def test_no_actions_or_progress_once_the_work_is_not_open(world, make_rec, status):
    rec = make_rec(status)
    with pytest.raises(ValidationError):
        services.add_action(recommendation=rec, by=world.admin, what="x", owner=world.owner, due_date=SOON)
    with pytest.raises(ValidationError):
        services.add_progress(recommendation=rec, by=world.admin, text="x")


def test_progress_with_evidence_can_be_downloaded_by_the_panel_only(client, world, make_rec):
    rec = make_rec("in_progress")
    action = ActionFactory(recommendation=rec, owner=world.owner)
    client.force_login(world.owner)
    client.post(f"/recommendations/{rec.pk}/progress/new/", {
        "text": "The new letter is drafted.", "action": action.pk,
        "evidence": SimpleUploadedFile("draft letter.txt", b"Dear tenant, the Complaints team..."),
    })
    update = rec.progress_updates.get()
    assert update.action == action and update.written_by == world.owner

    client.force_login(world.member)
    page = client.get(rec.get_absolute_url()).content.decode()
    assert "The new letter is drafted." in page
    response = client.get(f"/recommendations/{rec.pk}/evidence/{update.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Dear tenant, the Complaints team..."
    assert "attachment" in response["Content-Disposition"]

    client.force_login(world.outsider)
    assert client.get(f"/recommendations/{rec.pk}/evidence/{update.pk}/").status_code == 403


def test_evidence_of_a_refused_type_is_explained(client, world, make_rec):
    rec = make_rec("in_progress")
    client.force_login(world.owner)
    response = client.post(f"/recommendations/{rec.pk}/implemented/", {
        "summary": "Done.",
        "evidence": SimpleUploadedFile("picture.svg", b"<svg onload='alert(1)'></svg>"),
    })
    page = response.content.decode()
    assert "SVG images cannot be uploaded" in page and "Done." in page
    rec.refresh_from_db()
    assert rec.status == "in_progress"


def test_timeline_shows_everything_in_order(client, world, make_rec):
    rec = make_rec("draft")
    services.submit(recommendation=rec, by=world.member)
    services.respond(recommendation=rec, by=world.manager, decision=Decision.PARTLY_ACCEPTED,
                     reason="Only the letters, not the website.", owner=world.owner, due_date=SOON)
    action = services.add_action(recommendation=rec, by=world.owner, what="Change the letter",
                                 owner=world.owner, due_date=SOON)
    services.update_action(action=action, by=world.owner, what="Change the letter", owner=world.owner,
                           due_date=SOON, status="done")
    services.add_progress(recommendation=rec, by=world.owner, text="Letters reprinted.")
    services.implement(recommendation=rec, by=world.owner, summary="All letters name the team.",
                       evidence=SimpleUploadedFile("letter.txt", b"Letter"))
    services.return_to_progress(recommendation=rec, by=world.member, reason="The website still does not.")

    client.force_login(world.member)
    response = client.get(f"/recommendations/{rec.pk}/timeline/")
    titles = [e.title for e in response.context["events"]]
    assert titles == [
        "Submitted to the landlord", "Partly accepted by the landlord", "Action plan agreed: in progress",
        "Action added: Change the letter", "Action changed: Change the letter", "Progress update",
        "Marked as implemented", "Returned to in progress by the panel",
    ]
    page = response.content.decode()
    assert "Only the letters, not the website." in page
    assert "Status not started → done." in page
    assert "Helen Baird" in page and "Download the evidence" in page


def _with_steps(rec, world, count):
    for i in range(count):
        action = services.add_action(recommendation=rec, by=world.owner, what=f"Step {i}",
                                     owner=world.owner, due_date=SOON)
        services.update_action(action=action, by=world.owner, what=f"Step {i}", owner=world.owner,
                               due_date=SOON, status="underway")
        services.add_progress(recommendation=rec, by=world.owner, text=f"Update {i}")
    return rec


def test_timeline_and_page_make_the_same_queries_for_5_or_100_steps(client, world, make_rec, count_queries):
    small = _with_steps(make_rec("in_progress"), world, 5)
    large = _with_steps(make_rec("in_progress"), world, 100)
    client.force_login(world.member)

    def get(url):
        for rec in (small, large):  # the page's body drawn, not taken from the cache
            detail_page.forget(recommendation_id=rec.pk)
        assert client.get(url).status_code == 200

    get(small.get_absolute_url())  # warm up: session, site settings
    for page in ("{}timeline/", "{}"):
        few = count_queries(get, page.format(small.get_absolute_url()))
        many = count_queries(get, page.format(large.get_absolute_url()))
        assert few == many, f"{page}: {few} queries for 5 steps, {many} for 100"
