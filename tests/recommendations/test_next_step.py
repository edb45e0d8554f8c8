"""No recommendation is left that nobody can move on: in every status short of the end,
someone other than an administrator has the next step, and sees a button for it."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from recommendations import permissions, services
from recommendations.models import Decision, Status

FINAL = {Status.REJECTED, Status.VERIFIED}
# The step that moves each status on, and the button that offers it.
NEXT = {
    Status.DRAFT: ("submit", "Submit to the landlord"),
    Status.SUBMITTED: ("respond", "Respond"),
    Status.ACCEPTED: ("agree_plan", "Assign an owner"),
    Status.PARTLY_ACCEPTED: ("agree_plan", "Assign an owner"),
    Status.IN_PROGRESS: ("implement", "Mark as implemented"),
    Status.IMPLEMENTED: ("verify", "Verify"),
}


def _people(world):
    return [world.member, world.supporting_officer, world.owner, world.other_officer, world.manager]


@pytest.mark.parametrize("status", [s for s in Status.values if s not in FINAL])
def test_someone_can_always_take_the_next_step(client, world, make_rec, status):
    rec = make_rec(status)
    if status in (Status.ACCEPTED, Status.PARTLY_ACCEPTED):
        assert rec.owner_id is None  # accepted without naming an owner
    step, button = NEXT[status]
    able = [p for p in _people(world) if step in permissions.allowed_steps(p, rec)]
    assert able, f"nobody but an administrator can move a {status} recommendation on"
    client.force_login(able[0])
    assert button in client.get(rec.get_absolute_url()).content.decode()


def test_the_owner_leaving_does_not_strand_the_work(world, make_rec):
    rec = make_rec("in_progress")
    world.owner.is_active = False
    world.owner.save()
    assert "implement" in permissions.allowed_steps(world.manager, rec)
    assert "plan_work" in permissions.allowed_steps(world.manager, rec)


def test_accepted_without_an_owner_shows_no_owner_yet_and_managers_assign_one_in_one_step(
    client, world, make_rec
):
    rec = make_rec("submitted")
    services.respond(recommendation=rec, by=world.manager, decision=Decision.ACCEPTED)
    client.force_login(world.owner)
    assert client.get(f"/recommendations/{rec.pk}/actions/new/").status_code == 403
    tracker = client.get("/recommendations/").content.decode()
    assert "No owner yet" in tracker
    client.force_login(world.manager)
    home = client.get("/").content.decode()
    assert "No owner yet" in home and f"/recommendations/{rec.pk}/action-plan/" in home
    due = (timezone.localdate() + timedelta(days=30)).isoformat()
    response = client.post(
        f"/recommendations/{rec.pk}/action-plan/", {"owner": world.owner.pk, "due_date": due}
    )
    assert response.status_code == 302
    rec.refresh_from_db()
    assert rec.status == Status.IN_PROGRESS and rec.owner == world.owner
    assert "No owner yet" not in client.get("/").content.decode()
    client.force_login(world.owner)
    assert client.get(f"/recommendations/{rec.pk}/actions/new/").status_code == 200


def test_the_whole_lifecycle_can_be_walked_by_the_people_whose_step_it_is(world, make_rec):
    rec = make_rec("draft")
    services.submit(recommendation=rec, by=world.member)
    services.respond(recommendation=rec, by=world.manager, decision=Decision.PARTLY_ACCEPTED,
                     reason="Not the weekend line.")
    services.agree_plan(recommendation=rec, by=world.manager, owner=world.owner,
                        due_date=timezone.localdate() + timedelta(days=30))
    action = services.add_action(recommendation=rec, by=world.owner, what="Change the letter.",
                                 owner=world.owner, due_date=timezone.localdate() + timedelta(days=7))
    services.implement(recommendation=rec, by=world.owner, summary="Letters changed.",
                       evidence=SimpleUploadedFile("letter.txt", b"the new letter"),
                       what_happened={action.pk: ("done", "")})
    services.verify(recommendation=rec, by=world.member, impact_statement="Tenants know who to call.")
    rec.refresh_from_db()
    assert rec.status == Status.VERIFIED
