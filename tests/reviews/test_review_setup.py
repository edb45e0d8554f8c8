"""Setting up and changing a review, its questions and its stage."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from reviews import services
from reviews.models import Review, Stage, StageChange
from tests.db_unchanged import assert_db_unchanged
from tests.factories.reviews import FindingFactory, ServiceAreaFactory


def _form(world, **extra):
    data = {
        "panel": world.panel.pk, "title": "Anti-social behaviour policies", "kind": "scrutiny_review",
        "service_area": ServiceAreaFactory(name="Anti-social behaviour").pk,
        "scope": "How reports are taken and closed.",
        "questions": "Do tenants know what happens next?\n\nAre they kept informed?\n",
        "method": "Policies, figures, interviews.",
        "planned_start": "2016-09-01", "planned_end": "2017-01-31",
        "lead_member": world.member.pk, "supporting_officer": world.supporting_officer.pk,
    }
    data.update(extra)
    return data


def test_chair_sets_up_a_review_with_questions(client, world):
    client.force_login(world.chair)
    response = client.post("/reviews/new/", _form(world))

    review = Review.objects.get(title="Anti-social behaviour policies")
    assert response.status_code == 302
    assert response["Location"] == review.get_absolute_url()
    assert [q.text for q in review.questions.all()] == [
        "Do tenants know what happens next?", "Are they kept informed?"
    ]
    assert review.stage == Stage.SCOPING
    assert review.lead_member == world.member
    assert review.created_by == world.chair
    first = review.stage_changes.get()
    assert (first.from_stage, first.to_stage, first.changed_by) == ("", Stage.SCOPING, world.chair)


def test_supporting_officer_may_set_up_a_review_but_someone_outside_the_panel_may_not(client, world):
    client.force_login(world.supporting_officer)
    assert client.post("/reviews/new/", _form(world)).status_code == 302
    client.force_login(world.outsider)
    assert client.get("/reviews/new/").status_code == 403
    with assert_db_unchanged(), pytest.raises(PermissionDenied):
        services.create_review(by=world.outsider, panel=world.panel, title="X", kind="scrutiny_review")


def test_lead_member_must_be_on_the_panel(client, world):
    client.force_login(world.admin)
    response = client.post("/reviews/new/", _form(world, lead_member=world.outsider.pk))
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode() or "not a member" in response.content.decode()
    with pytest.raises(ValidationError, match="not a member"):
        services.create_review(by=world.admin, panel=world.panel, title="X", kind="scrutiny_review",
                               lead_member=world.outsider)


def test_planned_end_before_start_is_refused_and_the_form_kept(client, world):
    client.force_login(world.chair)
    response = client.post("/reviews/new/", _form(world, planned_end="2016-01-01"))
    page = response.content.decode()
    assert "The planned end must be on or after the planned start." in page
    assert "How reports are taken and closed." in page
    assert not Review.objects.filter(title="Anti-social behaviour policies").exists()


def test_rewording_questions_keeps_findings_linked(client, world):
    finding = FindingFactory(review=world.review, question=world.q2)
    client.force_login(world.chair)
    response = client.post(f"/reviews/{world.review.pk}/edit/", {
        "title": "Complaints handling", "kind": "scrutiny_review",
        "questions": "Are complaints answered on time?\nAre complaints recorded the first time?\n"
                     "Can tenants complain in private?",
        "version": world.review.version,
    })
    assert response.status_code == 302
    questions = list(world.review.questions.all())
    assert [(q.number, q.text) for q in questions] == [
        (1, "Are complaints answered on time?"),
        (2, "Are complaints recorded the first time?"),
        (3, "Can tenants complain in private?"),
    ]
    finding.refresh_from_db()
    assert finding.question.text == "Are complaints answered on time?"
    assert finding.question.number == 1


def test_edit_form_shows_the_questions_one_per_line(client, world):
    client.force_login(world.admin)
    page = client.get(f"/reviews/{world.review.pk}/edit/").content.decode()
    assert "Are complaints recorded?\nAre complaints answered on time?" in page


def test_moving_stage_records_who_and_when(client, world):
    client.force_login(world.supporting_officer)
    response = client.post(f"/reviews/{world.review.pk}/stage/", {"to_stage": "evidence"})
    assert response.status_code == 302

    world.review.refresh_from_db()
    change = StageChange.objects.get(review=world.review)
    assert world.review.stage == Stage.EVIDENCE
    assert (change.from_stage, change.to_stage, change.changed_by) == (
        Stage.SCOPING, Stage.EVIDENCE, world.supporting_officer
    )
    page = client.get(world.review.get_absolute_url()).content.decode()
    assert "Evidence gathering:\n    current stage, since" in page
    assert "(Daniel Okafor)" in page
    assert "Analysis:\n    not started" in page


def test_going_back_a_stage_needs_a_reason(client, world):
    services.move_stage(review=world.review, to_stage=Stage.ANALYSIS, by=world.admin)
    client.force_login(world.chair)
    response = client.post(f"/reviews/{world.review.pk}/stage/", {"to_stage": "evidence"})
    assert "Say why the review is going back to an earlier stage." in response.content.decode()
    world.review.refresh_from_db()
    assert world.review.stage == Stage.ANALYSIS

    client.post(f"/reviews/{world.review.pk}/stage/",
                {"to_stage": "evidence", "note": "We need the stage 2 figures."})
    world.review.refresh_from_db()
    assert world.review.stage == Stage.EVIDENCE
    assert world.review.stage_changes.last().note == "We need the stage 2 figures."


def test_members_and_officers_cannot_move_stage(world):
    for person in (world.member, world.officer, world.manager):
        with assert_db_unchanged(), pytest.raises(PermissionDenied):
            services.move_stage(review=world.review, to_stage=Stage.EVIDENCE, by=person)


def test_review_year_comes_from_planned_start(world):
    world.review.planned_start = datetime.date(2015, 5, 1)
    assert world.review.year == 2015
