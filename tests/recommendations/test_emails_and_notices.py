"""Emails honour the person's contact preference, have one-line subjects, link to a site that
answers, and a failure to send is logged with what it was about."""

import logging

import pytest
from django.core import mail
from django.test import override_settings

from accounts.models import Notice
from recommendations import services
from recommendations.models import Transition
from recommendations.notifications import send_transition_email
from scrutiny import emails
from tests.factories.accounts import UserFactory


def test_a_subject_is_one_line_whatever_the_title():
    assert emails.subject_line("R1 of How we\r\nhandle\ncomplaints  has been accepted") == (
        "R1 of How we handle complaints has been accepted"
    )
    assert len(emails.subject_line("x " * 400)) <= emails.SUBJECT_LIMIT


def test_a_title_with_a_line_break_still_gets_its_email_sent(
    world, make_rec, django_capture_on_commit_callbacks
):
    world.review.title = "Complaints\r\nBcc: someone@example.org"
    world.review.save()
    rec = make_rec("draft")
    with django_capture_on_commit_callbacks(execute=True):
        services.submit(recommendation=rec, by=world.member)
    assert mail.outbox and mail.outbox[0].subject == (
        f"{rec.code} of Complaints Bcc: someone@example.org waits for your response"
    )
    assert "\n" not in mail.outbox[0].subject


@pytest.mark.parametrize("preference", ["phone", "text", "post"])
def test_someone_who_prefers_no_email_gets_a_notice_on_their_home_page_instead(
    client, world, make_rec, preference, django_capture_on_commit_callbacks
):
    world.manager.contact_preference = preference
    world.manager.save()
    emailed = UserFactory(role="manager")
    rec = make_rec("draft")
    with django_capture_on_commit_callbacks(execute=True):
        services.submit(recommendation=rec, by=world.member)
    assert [m.to for m in mail.outbox] == [[emailed.email]]
    notice = Notice.objects.get(user=world.manager)
    assert notice.subject == mail.outbox[0].subject
    assert notice.body.replace(world.manager.get_short_name(), "") == (
        mail.outbox[0].body.replace(emailed.get_short_name(), "")
    )
    client.force_login(world.manager)
    page = client.get("/").content.decode()
    assert "Notices for you" in page and notice.subject in page
    assert f'href="{rec.get_absolute_url()}"' in page
    client.post("/accounts/notices/read/", {"notice": notice.pk})
    assert "Notices for you" not in client.get("/").content.decode()
    notice.refresh_from_db()
    assert notice.read_at is not None


def test_people_who_want_email_get_no_notices(client, world, make_rec, django_capture_on_commit_callbacks):
    rec = make_rec("draft")
    with django_capture_on_commit_callbacks(execute=True):
        services.submit(recommendation=rec, by=world.member)
    assert [m.to for m in mail.outbox] == [[world.manager.email]]
    assert not Notice.objects.exists()
    client.force_login(world.manager)
    assert "Notices for you" not in client.get("/").content.decode()


def test_one_person_cannot_mark_anothers_notices_read(client, world):
    notice = Notice.objects.create(user=world.manager, subject="R1 waits", body="Hello")
    client.force_login(world.member)
    assert client.post("/accounts/notices/read/", {"notice": notice.pk}).status_code == 302
    notice.refresh_from_db()
    assert notice.read_at is None


@override_settings(SITE_URL="", DEBUG=True, ALLOWED_HOSTS=["127.0.0.1"])
def test_without_site_url_links_use_the_address_of_the_request_that_caused_them(
    transactional_db, client, world, make_rec
):
    rec = make_rec("draft")
    client.force_login(world.member)
    client.post(f"/recommendations/{rec.pk}/submit/", HTTP_HOST="127.0.0.1:8101")
    assert mail.outbox, "the manager should have been emailed"
    assert f"http://127.0.0.1:8101/recommendations/{rec.pk}/" in mail.outbox[0].body


@override_settings(SITE_URL="https://scrutiny.example.org/")
def test_a_site_url_when_set_is_used_for_links(transactional_db, client, world, make_rec):
    rec = make_rec("draft")
    client.force_login(world.member)
    client.post(f"/recommendations/{rec.pk}/submit/", HTTP_HOST="127.0.0.1")
    assert f"https://scrutiny.example.org/recommendations/{rec.pk}/" in mail.outbox[0].body


def test_an_email_that_cannot_be_sent_is_logged_with_what_it_was_about(world, make_rec, monkeypatch, caplog):
    rec = make_rec("draft")
    services.submit(recommendation=rec, by=world.member)
    transition = Transition.objects.get(recommendation=rec, to_status="submitted")

    def broken(**kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr(emails, "send_mail", broken)
    with caplog.at_level(logging.ERROR, logger="scrutiny.emails"), pytest.raises(OSError):
        send_transition_email(transition.pk)
    assert f"about <Transition: {transition}>" in caplog.text
    assert "waits for your response" in caplog.text
