"""Drafts saved while typing, and put back after a dropped connection or a lost session."""

import re

from reviews.models import Draft, Finding
from tests.db_unchanged import assert_db_unchanged
from tests.factories.accounts import PASSWORD
from tests.factories.reviews import DocumentFactory, FindingFactory


def _save(client, form, object_id, **fields):
    return client.post("/reviews/drafts/save/", {"_draft_form": form, "_draft_object": object_id, **fields})


def test_typing_is_saved_as_a_draft_and_put_back_into_the_form(client, world):
    document = DocumentFactory(review=world.review)
    client.force_login(world.member)
    response = _save(client, "finding-add", world.review.pk, kind="weakness",
                     statement="Tenants are not told who deals with their", evidence=[document.pk])

    assert response.status_code == 200
    assert response.json()["message"].startswith("Draft saved today at ")
    draft = Draft.objects.get(user=world.member, form="finding-add", object_id=world.review.pk)
    assert draft.data == {"kind": "weakness", "statement": "Tenants are not told who deals with their",
                          "evidence": [str(document.pk)]}

    page = client.get(f"/reviews/{world.review.pk}/findings/add/").content.decode()
    assert ">\nTenants are not told who deals with their</textarea>" in page
    assert re.search(r'value="weakness"[^>]*checked', page)
    assert re.search(rf'value="{document.pk}"[^>]*checked', page)
    assert "We have put back what you were typing here" in page
    assert f'data-draft-saved-at="{draft.saved_at.isoformat()}"' in page


def test_after_the_session_ends_signing_in_again_returns_to_the_form_with_the_draft(client, world):
    client.force_login(world.member)
    _save(client, "finding-add", world.review.pk, statement="Half-written finding")
    client.logout()  # the session ends (timed out, or the cookie was lost)

    form_url = f"/reviews/{world.review.pk}/findings/add/"
    assert _save(client, "finding-add", world.review.pk, statement="more").status_code == 401
    sent_to_sign_in = client.get(form_url)
    assert sent_to_sign_in.status_code == 302
    sign_in_url = sent_to_sign_in["Location"]
    assert sign_in_url == f"/accounts/sign-in/?next={form_url}"

    signed_in = client.post(sign_in_url, {"username": world.member.email, "password": PASSWORD})
    assert signed_in["Location"] == form_url
    assert ">\nHalf-written finding</textarea>" in client.get(form_url).content.decode()


def test_drafts_belong_to_the_person_who_typed_them(client, world):
    client.force_login(world.member)
    _save(client, "finding-add", world.review.pk, statement="A private draft")
    client.force_login(world.second)
    page = client.get(f"/reviews/{world.review.pk}/findings/add/").content.decode()
    assert "A private draft" not in page
    assert "We have put back what you were typing here" not in page


def test_saving_the_finding_uses_up_the_draft(client, world):
    client.force_login(world.member)
    _save(client, "finding-add", world.review.pk, statement="Draft")
    client.post(f"/reviews/{world.review.pk}/findings/add/", {"kind": "strength", "statement": "Final"})
    assert Finding.objects.get().statement == "Final"
    assert not Draft.objects.exists()
    page = client.get(f"/reviews/{world.review.pk}/findings/add/").content.decode()
    assert "We have put back what you were typing here" not in page


def test_a_draft_of_an_edit_keeps_the_version_it_started_from(client, world):
    finding = FindingFactory(review=world.review, statement="Old words", version=4)
    client.force_login(world.member)
    _save(client, "finding-edit", finding.pk, kind="weakness", statement="New words", version="4")
    finding.version = 5
    finding.save()  # someone else saved meanwhile

    page = client.get(f"/reviews/{world.review.pk}/findings/{finding.pk}/edit/").content.decode()
    assert ">\nNew words</textarea>" in page
    assert 'name="version" value="4"' in page  # so saving it will report the conflict


def test_interview_notes_and_responses_are_drafted_too(client, world):
    client.force_login(world.member)
    assert _save(client, "interview-add", world.review.pk, interviewee_role="Complaints officer",
                 notes="They said stage 2").status_code == 200
    page = client.get(f"/reviews/{world.review.pk}/evidence/add/interview/").content.decode()
    assert ">\nThey said stage 2</textarea>" in page

    finding = FindingFactory(review=world.review)
    _save(client, "comment-add", finding.pk, kind="add", text="Also at the South office")
    assert ">\nAlso at the South office</textarea>" in client.get(finding.get_absolute_url()).content.decode()


def test_drafts_are_refused_for_forms_the_person_cannot_use(client, world):
    client.force_login(world.outsider)
    with assert_db_unchanged():
        assert _save(client, "finding-add", world.review.pk, statement="x").status_code == 403
    client.force_login(world.supporting_officer)  # officers add evidence, not findings
    with assert_db_unchanged():
        assert _save(client, "finding-add", world.review.pk, statement="x").status_code == 403
    assert _save(client, "interview-add", world.review.pk, notes="x").status_code == 200
    with assert_db_unchanged():
        assert _save(client, "no-such-form", world.review.pk, statement="x").status_code == 404
        assert _save(client, "finding-add", 99999, statement="x").status_code == 404
    assert Draft.objects.count() == 1


def test_a_draft_too_long_to_keep_is_refused_with_a_message(client, world):
    client.force_login(world.member)
    response = _save(client, "finding-add", world.review.pk, statement="x" * 100_001)
    assert response.status_code == 413
    assert "too long" in response.json()["message"]


def test_throwing_a_draft_away(client, world):
    client.force_login(world.member)
    _save(client, "finding-add", world.review.pk, statement="Not needed")
    form_url = f"/reviews/{world.review.pk}/findings/add/"
    response = client.post("/reviews/drafts/discard/", {
        "_draft_form": "finding-add", "_draft_object": world.review.pk, "next": form_url,
    })
    assert response["Location"] == form_url
    assert not Draft.objects.exists()
    elsewhere = client.post("/reviews/drafts/discard/", {
        "_draft_form": "finding-add", "_draft_object": world.review.pk, "next": "https://evil.example/",
    })
    assert elsewhere["Location"] == "/reviews/"


def test_file_fields_are_never_drafted(world):
    from reviews.drafts import DRAFT_FORMS

    assert "photo" not in DRAFT_FORMS["site_visit-add"].field_names
    assert "notes" in DRAFT_FORMS["site_visit-add"].field_names


def test_drafts_nobody_came_back_to_are_deleted_nightly(world, settings):
    import datetime

    import time_machine
    from django.utils import timezone

    from reviews import tasks

    with time_machine.travel(timezone.now() - datetime.timedelta(days=91)):
        Draft.objects.create(user=world.member, form="finding-add", object_id=world.review.pk,
                             data={"statement": "Forgotten"})
    Draft.objects.create(user=world.second, form="finding-add", object_id=world.review.pk,
                         data={"statement": "Yesterday's"})
    assert "reviews.tasks.delete_old_drafts" in [
        job["task"] for job in settings.CELERY_BEAT_SCHEDULE.values()
    ]
    assert tasks.delete_old_drafts.delay().get() == 1
    assert [d.data["statement"] for d in Draft.objects.all()] == ["Yesterday's"]
