"""Tenants choose the topics: any current member proposes a review and drafts its scope and
questions; the chair, vice-chair or supporting officer confirms it (a step recorded on the
review's stages); members keep editing the scope while it is in scoping."""

import html

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from panels.models import PanelRole
from reviews import services
from reviews.models import Review, Stage
from tests.db_unchanged import assert_db_unchanged
from tests.factories.panels import MembershipFactory


def _proposal(world, **extra):
    return {"panel": world.panel.pk, "title": "How we handle\r\ncomplaints", "kind": "scrutiny_review",
            "scope": "Stage 1 complaints.", "questions": "Are complaints answered on time?", **extra}


def test_a_member_proposes_a_review_with_its_scope_and_questions(client, world):
    client.force_login(world.member)
    assert client.get("/reviews/new/").status_code == 200
    response = client.post("/reviews/new/", _proposal(world), follow=True)
    review = Review.objects.get(title="How we handle complaints")
    assert review.stage == Stage.PROPOSED and review.created_by == world.member
    assert [q.text for q in review.questions.all()] == ["Are complaints answered on time?"]
    page = response.content.decode()
    assert "has been proposed" in page and "Proposed by Morag Fraser" in page
    # Everyone who may confirm it is named: the vice-chair deputises for the chair.
    assert "The panel's chair, vice-chair or supporting officer will confirm it" in html.unescape(page)
    assert "Confirm the review" not in page  # a plain member cannot confirm it
    first = review.stage_changes.get()
    assert (first.from_stage, first.to_stage, first.changed_by) == ("", Stage.PROPOSED, world.member)


@pytest.mark.parametrize("who", ["chair", "vice_chair", "supporting_officer"])
def test_the_chair_vice_chair_or_supporting_officer_confirms_it_on_the_timeline(client, world, who):
    world.vice_chair = MembershipFactory(panel=world.panel, role=PanelRole.VICE_CHAIR).user
    review = services.create_review(by=world.member, panel=world.panel, title="Repairs",
                                    kind="scrutiny_review")
    client.force_login(getattr(world, who))
    assert "Confirm the review" in client.get(review.get_absolute_url()).content.decode()
    response = client.post(f"/reviews/{review.pk}/confirm/", follow=True)
    review.refresh_from_db()
    assert review.stage == Stage.SCOPING
    moves = [(c.from_stage, c.to_stage, c.changed_by) for c in review.stage_changes.all()]
    assert moves == [("", Stage.PROPOSED, world.member), (Stage.PROPOSED, Stage.SCOPING, getattr(world, who))]
    assert "Proposed:\n    done" in response.content.decode()


def test_a_member_cannot_confirm_and_a_confirmed_review_cannot_be_confirmed_again(client, world):
    review = services.create_review(by=world.member, panel=world.panel, title="Repairs",
                                    kind="scrutiny_review")
    client.force_login(world.second)
    with assert_db_unchanged():
        assert client.post(f"/reviews/{review.pk}/confirm/").status_code == 403
    services.confirm_review(review=review, by=world.chair)
    with pytest.raises(ValidationError):
        services.confirm_review(review=review, by=world.chair)
    with pytest.raises(ValidationError):
        services.move_stage(review=review, to_stage=Stage.PROPOSED, by=world.chair, note="Back.")


def test_members_edit_the_scope_while_in_scoping_but_not_after(client, world):
    review = world.review  # in scoping
    client.force_login(world.second)
    assert client.get(f"/reviews/{review.pk}/edit/").status_code == 200
    response = client.post(f"/reviews/{review.pk}/edit/", {
        "title": review.title, "kind": review.kind, "scope": "Only stage 2 complaints.",
        "questions": "Are complaints recorded?\nAre complaints answered on time?",
        "version": review.version,
    })
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.scope == "Only stage 2 complaints."
    services.move_stage(review=review, to_stage=Stage.EVIDENCE, by=world.chair)
    assert client.get(f"/reviews/{review.pk}/edit/").status_code == 403
    with assert_db_unchanged(), pytest.raises(PermissionDenied):
        services.update_review(review=review, by=world.second, title="X", kind=review.kind)
    client.force_login(world.chair)
    assert client.get(f"/reviews/{review.pk}/edit/").status_code == 200


def test_a_member_cannot_move_the_stage(client, world):
    client.force_login(world.member)
    with assert_db_unchanged():
        assert client.post(f"/reviews/{world.review.pk}/stage/", {"to_stage": "evidence"}).status_code == 403
