"""A panel submits several draft recommendations together: each manager gets one message
listing them all (by email, or a notice on their home page), not one message per recommendation."""

import re

from django.core import mail

from accounts.models import Notice
from recommendations.models import Recommendation, Transition
from tests.factories.accounts import UserFactory


def _drafts(make_rec, count):
    return [make_rec("draft", text=f"Recommendation number {n}.") for n in range(1, count + 1)]


def _url(world):
    return f"/recommendations/reviews/{world.review.pk}/submit/"


def test_five_drafts_submitted_together_send_each_manager_one_message_listing_them(
    client, world, make_rec, django_capture_on_commit_callbacks
):
    UserFactory(role="manager", email="second@example.org")
    drafts = _drafts(make_rec, 5)
    client.force_login(world.member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url(world), {"recommendations": [r.pk for r in drafts]})
    assert response.status_code == 302
    assert set(Recommendation.objects.values_list("status", flat=True)) == {"submitted"}
    assert sorted(m.to[0] for m in mail.outbox) == sorted([world.manager.email, "second@example.org"])
    for email in mail.outbox:
        assert email.subject == "5 recommendations of Complaints handling wait for your response"
        for rec in drafts:
            assert f"{rec.code}: Recommendation number {rec.number}." in email.body
            assert rec.get_absolute_url() in email.body
    assert not Transition.objects.filter(to_status="submitted", notified_at__isnull=True).exists()


def test_a_manager_who_prefers_no_email_gets_one_notice_for_the_batch(
    client, world, make_rec, django_capture_on_commit_callbacks
):
    world.manager.contact_preference = "phone"
    world.manager.save()
    drafts = _drafts(make_rec, 3)
    client.force_login(world.member)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url(world), {"recommendations": [r.pk for r in drafts]})
    assert mail.outbox == []
    notice = Notice.objects.get(user=world.manager)
    assert notice.subject == "3 recommendations of Complaints handling wait for your response"
    assert all(f"{r.code}: Recommendation number {r.number}." in notice.body for r in drafts)


def test_the_page_offers_the_reviews_drafts_ticked_and_refuses_an_empty_choice(client, world, make_rec):
    drafts = _drafts(make_rec, 2)
    submitted = make_rec("submitted", text="Already with the landlord.")
    client.force_login(world.member)
    page = client.get(_url(world)).content.decode()
    assert "<h1>Submit draft recommendations of Complaints handling</h1>" in page
    ticked = re.findall(r'name="recommendations" value="(\d+)"[^>]*checked', page)
    assert sorted(int(pk) for pk in ticked) == sorted(r.pk for r in drafts)
    assert "Already with the landlord." not in page
    response = client.post(_url(world), {})
    assert response.status_code == 200
    assert "Tick at least one recommendation to submit." in response.content.decode()
    response = client.post(_url(world), {"recommendations": [submitted.pk]})
    assert response.status_code == 200
    assert set(Recommendation.objects.filter(status="draft").values_list("pk", flat=True)) == {
        r.pk for r in drafts
    }
    assert mail.outbox == []


def test_someone_outside_the_panel_cannot_submit_its_drafts(client, world, make_rec):
    drafts = _drafts(make_rec, 2)
    client.force_login(world.outsider)
    assert client.get(_url(world)).status_code == 403
    assert client.post(_url(world), {"recommendations": [r.pk for r in drafts]}).status_code == 403
    assert set(Recommendation.objects.values_list("status", flat=True)) == {"draft"}
    assert not Transition.objects.filter(to_status="submitted").exists()


def test_the_tracker_for_a_review_links_its_drafts_to_be_submitted_together(client, world, make_rec):
    _drafts(make_rec, 2)
    client.force_login(world.member)
    page = client.get(f"/recommendations/?review={world.review.pk}").content.decode()
    assert f'href="{_url(world)}"' in page


def test_the_review_page_links_the_panel_to_submitting_drafts_together(client, world, make_rec):
    _drafts(make_rec, 2)
    client.force_login(world.member)
    assert f'href="{_url(world)}"' in client.get(world.review.get_absolute_url()).content.decode()
    client.force_login(world.manager)
    assert _url(world) not in client.get(world.review.get_absolute_url()).content.decode()


def test_a_failed_batch_email_says_which_recommendations_it_was_about(client, world, make_rec):
    from scrutiny.failed_jobs import explain
    from scrutiny.models import Job

    drafts = _drafts(make_rec, 2)
    client.force_login(world.member)
    client.post(_url(world), {"recommendations": [r.pk for r in drafts]})
    job = Job.objects.get(task="recommendations.tasks.notify_submitted_together")
    [failed] = explain([job])
    assert (failed.what, failed.about) == (
        "Email about recommendations submitted together", '2 recommendations of "Complaints handling"'
    )


def test_a_review_with_very_many_drafts_offers_them_fifty_at_a_time(client, world, make_rec):
    drafts = _drafts(make_rec, 52)
    client.force_login(world.member)
    page = client.get(_url(world)).content.decode()
    offered = [int(pk) for pk in re.findall(r'name="recommendations" value="(\d+)"', page)]
    assert offered == [r.pk for r in drafts[:50]]
    assert "The first 50 of 52 drafts are shown" in page
