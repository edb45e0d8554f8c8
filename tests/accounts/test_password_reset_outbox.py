"""The password reset email goes through the outbox: a mail server that is down does not fail
the page, and the email is sent once when it is back (scrutiny/jobs.py). The mail server is made
to fail by a stand-in for Django's send_mail, as the worker would meet it."""

import smtplib
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from accounts.tasks import send_password_reset
from scrutiny.models import Job
from scrutiny.tasks import requeue_waiting_jobs
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_reset_asked_for_while_the_mail_server_is_down_is_sent_once_it_is_back(
    client, monkeypatch, settings
):
    UserFactory(email="forgot@example.org")

    def refuse(**kwargs):
        raise smtplib.SMTPConnectError(421, b"Service not available")

    monkeypatch.setattr("accounts.tasks.send_mail", refuse)
    response = client.post("/accounts/password-reset/", {"email": "forgot@example.org"})

    assert response.status_code == 302 and response["Location"] == "/accounts/password-reset/sent/"
    job = Job.objects.get(task=send_password_reset.name)
    assert job.done_at is None and "SMTPConnectError" in job.last_error and mail.outbox == []

    monkeypatch.undo()
    later = timezone.now() + timedelta(seconds=settings.JOB_REQUEUE_AFTER + 1)
    with time_machine.travel(later, tick=False):
        assert requeue_waiting_jobs() == 1
        assert requeue_waiting_jobs() == 0

    assert [m.to for m in mail.outbox] == [["forgot@example.org"]]
    assert "/accounts/password-reset/" in mail.outbox[0].body and "\n" not in mail.outbox[0].subject
    job.refresh_from_db()
    assert job.done_at is not None and job.args == []  # the one-time link is not kept


def test_no_email_and_no_job_for_an_address_without_an_account(client):
    response = client.post("/accounts/password-reset/", {"email": "nobody@example.org"})

    assert response.status_code == 302  # the same answer: it does not say who has an account
    assert not Job.objects.exists() and mail.outbox == []
