"""The failed background jobs page: administrators see what gave up and why, in plain words, and
try a job again through the outbox (scrutiny/failed_jobs.py). The mail server is made to fail by
a stand-in for Django's send_mail; the job's failures are the real ones the task records."""

import smtplib
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from accounts.models import Invitation
from scrutiny.failed_jobs import plain_error
from scrutiny.models import AuditEvent, AuditKind, Job
from scrutiny.tasks import requeue_waiting_jobs
from tests.factories.accounts import UserFactory

PAGE = "/administration/failed-jobs/"


@pytest.fixture
def mail_server_down(monkeypatch):
    def refuse(**kwargs):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr("scrutiny.emails.send_mail", refuse)
    return monkeypatch


def invite(client, admin, email="ann.reid@example.org"):
    client.force_login(admin)
    response = client.post("/accounts/invitations/",
                           {"display_name": "Ann Reid", "email": email, "role": "tenant"})
    assert response.status_code == 302


@pytest.mark.django_db(transaction=True)
def test_an_invitation_that_gave_up_is_listed_and_sent_once_when_tried_again(
    client, mail_server_down, settings
):
    settings.JOB_MAX_ATTEMPTS = 3  # Celery's own retries use these up at once here
    admin = UserFactory(role="admin", display_name="Sam Patel")
    invite(client, admin)
    job = Job.objects.get()
    assert job.done_at is None and job.attempts >= 3  # every attempt failed: it gave up

    later = timezone.now() + timedelta(seconds=settings.JOB_REQUEUE_AFTER + 1)
    with time_machine.travel(later, tick=False):
        assert requeue_waiting_jobs() == 0  # the outbox no longer tries it by itself

    page = client.get(PAGE).content.decode()
    assert "Invitation email" in page and "To Ann Reid (ann.reid@example.org)" in page
    assert f"<strong>Gave up</strong> after {job.attempts} attempts" in page
    assert "The mail server refused the email or closed the connection." in page
    assert "SMTPServerDisconnected" in page  # under "Technical details"

    mail_server_down.undo()  # the mail server is fixed
    response = client.post(f"{PAGE}{job.pk}/try-again", {"page": "1"})

    assert response.status_code == 302 and response["Location"] == f"{PAGE}?page=1"
    assert [m.to for m in mail.outbox] == [["ann.reid@example.org"]]
    job.refresh_from_db()
    assert job.done_at is not None and job.attempts == 1
    assert Invitation.objects.get().sent_at is not None
    event = AuditEvent.objects.get(kind=AuditKind.JOB_RETRIED)
    assert event.actor == admin and f"Invitation email (job {job.pk})" == event.detail
    page = client.get(response["Location"]).content.decode()
    assert f"Job {job.pk} has been queued again." in page
    assert "No background job has failed." in page

    # Asking again (a second tab, a double click) does not send it twice.
    response = client.post(f"{PAGE}{job.pk}/try-again")
    again = client.get(response["Location"]).content.decode()
    assert "has been done or removed since the page was loaded" in again
    assert len(mail.outbox) == 1 and AuditEvent.objects.filter(kind=AuditKind.JOB_RETRIED).count() == 1


@pytest.mark.django_db
def test_a_job_being_tried_right_now_is_not_queued_again(client):
    client.force_login(UserFactory(role="admin"))
    job = Job.objects.create(task="accounts.tasks.send_invitation", args=[0, "x"], attempts=20,
                             last_error="OSError('disk full')", started_at=timezone.now(),
                             leased_until=timezone.now() + timedelta(minutes=1))

    response = client.post(f"{PAGE}{job.pk}/try-again", follow=True)

    assert "being tried right now" in response.content.decode()
    job.refresh_from_db()
    assert job.attempts == 20 and not AuditEvent.objects.filter(kind=AuditKind.JOB_RETRIED).exists()


@pytest.mark.django_db
def test_only_failed_jobs_are_listed_those_that_gave_up_first(client, settings):
    client.force_login(UserFactory(role="admin"))
    invitation = Invitation.objects.create(email="gone@example.org", display_name="Gone", token_hash="h")
    Job.objects.create(task="accounts.tasks.send_invitation", args=[invitation.pk + 1000, "t"],
                       attempts=2, last_error="TimeoutError('timed out')")
    Job.objects.create(task="accounts.tasks.send_invitation", args=[invitation.pk, "t"],
                       attempts=settings.JOB_MAX_ATTEMPTS)
    Job.objects.create(task="accounts.tasks.send_invitation", args=[invitation.pk, "t"])  # waiting
    Job.objects.create(task="accounts.tasks.send_invitation", attempts=25, done_at=timezone.now(),
                       last_error="OSError('once')")  # done in the end

    page = client.get(PAGE).content.decode()

    assert "2 jobs" in page
    gave_up = page.index("<strong>Gave up</strong>")
    assert gave_up < page.index("tried 2 times so far and will be tried again by itself")
    assert "To Gone (gone@example.org)" in page
    assert "The worker doing it stopped before it finished, each time it was tried." in page
    assert "The invitation has since been withdrawn." in page
    assert "did not answer in time" in page
    assert "OSError(&#x27;once&#x27;)" not in page


@pytest.mark.django_db
def test_the_list_is_a_page_at_a_time_with_the_same_queries_for_few_or_many(client, count_queries):
    client.force_login(UserFactory(role="admin"))

    def add(how_many):
        for _ in range(how_many):
            invitation = Invitation.objects.create(email="x@example.org", display_name="X",
                                                   token_hash=f"h{Job.objects.count()}")
            Job.objects.create(task="accounts.tasks.send_invitation", args=[invitation.pk, "t"],
                               attempts=20, last_error="OSError('x')")

    add(2)
    client.get(PAGE)  # the first request also loads the session and site settings
    few = count_queries(client.get, PAGE)
    add(60)
    many = count_queries(client.get, PAGE)

    assert few == many
    page = client.get(PAGE).content.decode()
    assert "62 jobs" in page and page.count(">Try again</button>") == 25
    assert "Page 1 of 3" in page
    assert client.get(PAGE + "?page=3").content.decode().count(">Try again</button>") == 12


@pytest.mark.parametrize("error, words", [
    ("SMTPRecipientsRefused({'a@b': (550, b'no')})", "The mail server refused the email"),
    ("OperationalError('server closed the connection unexpectedly')", "The database could not be reached"),
    ("TimeLimitExceeded(600)", "took longer than the time allowed"),
    ("ConnectionRefusedError(111, 'Connection refused')", "could not be reached"),
    ("DoesNotExist('Invitation matching query does not exist.')", "has since been deleted"),
    ("KeyError('title')", "Something unexpected went wrong; the technical details below help a developer."),
    ("", "The worker doing it stopped before it finished, each time it was tried."),
])
def test_each_failure_is_said_in_plain_words(error, words):
    assert words in plain_error(error)


@pytest.mark.django_db
def test_the_administration_hub_links_the_page(client):
    client.force_login(UserFactory(role="admin"))
    assert f'href="{PAGE}"' in client.get("/administration/").content.decode()
