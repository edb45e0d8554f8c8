"""The outbox (scrutiny/jobs.py): work is saved with what caused it, queued after commit, run
once, and queued again while it waits. The broker is made to fail by a stand-in for Celery's
publish; tests/stack/test_faults.py does the same with a real Redis that stops."""

import time
from datetime import timedelta

import pytest
import time_machine
from celery import shared_task
from django.core import mail
from django.db.utils import OperationalError
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerDown

from accounts.models import Invitation
from accounts.tasks import send_invitation
from scrutiny import jobs
from scrutiny.models import Job
from scrutiny.tasks import requeue_waiting_jobs
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)
runs: list[str] = []


@shared_task(name="tests.jobs.record")
def record(word: str) -> str:
    """Notes that it ran, the first time failing as a lost database connection would."""
    runs.append(word)
    if word == "hiccup" and runs.count(word) == 1:
        raise OperationalError("server closed the connection unexpectedly")
    return word


@pytest.fixture
def broker_down(monkeypatch):
    """Every publish fails as Celery's does when Redis refuses connections."""

    def refuse(self, *args, **kwargs):
        raise BrokerDown("Error 111 connecting to 127.0.0.1:6390. Connection refused.")

    monkeypatch.setattr("celery.app.task.Task.apply_async", refuse)
    return monkeypatch


def invite(client):
    admin = UserFactory(role="admin")
    client.force_login(admin)
    return client.post(
        reverse("accounts:invitations"),
        {"display_name": "Ann Reid", "email": "ann.reid@example.org", "role": "tenant"},
    )


def test_an_invitation_with_the_broker_down_is_saved_and_the_page_says_the_email_will_follow(
    client, broker_down
):
    response = invite(client)

    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "An invitation is on its way to ann.reid@example.org" in page
    assert ("Our background service is not answering right now. What you did is saved, and any email"
            " or report it makes will follow within a few minutes.") in page
    job = Job.objects.get()
    assert job.task == send_invitation.name and job.done_at is None and job.queued_at is not None
    assert Invitation.objects.get().sent_at is None
    assert mail.outbox == []


def test_waiting_work_is_sent_once_when_the_broker_is_back(client, broker_down, settings):
    invite(client)
    broker_down.undo()
    assert requeue_waiting_jobs() == 0  # not waited long enough yet

    later = timezone.now() + timedelta(seconds=settings.JOB_REQUEUE_AFTER + 1)
    with time_machine.travel(later, tick=False):
        assert requeue_waiting_jobs.apply().get() == 1
        assert requeue_waiting_jobs() == 0

    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["ann.reid@example.org"]
    job = Job.objects.get()
    assert job.done_at is not None and job.attempts == 1
    assert job.args == [] and job.kwargs == {}  # the one-time link is not kept
    assert Invitation.objects.get().sent_at is not None


def test_work_is_queued_only_after_commit_and_not_at_all_if_rolled_back():
    from django.db import transaction

    runs.clear()
    with pytest.raises(RuntimeError), transaction.atomic():
        jobs.enqueue(record, "rolled back")
        raise RuntimeError("the change failed")
    assert not Job.objects.exists() and runs == []

    with transaction.atomic():
        job = jobs.enqueue(record, "kept")
        assert runs == []
    assert runs == ["kept"]
    job.refresh_from_db()
    assert job.done_at is not None


def test_a_job_delivered_twice_runs_once():
    runs.clear()
    job = jobs.enqueue(record, "once")
    assert runs == ["once"]

    result = record.apply(kwargs={"word": "once", jobs.JOB_KWARG: job.pk}).get()

    assert result.startswith("skipped")
    assert runs == ["once"]


def test_a_job_taken_by_a_worker_is_left_alone_until_its_lease_runs_out(settings):
    now = timezone.now()
    job = Job.objects.create(task=record.name, args=["held"], started_at=now,
                             leased_until=now + timedelta(seconds=settings.JOB_LEASE))

    assert jobs.claim(job.pk) is False
    with time_machine.travel(now + timedelta(seconds=settings.JOB_LEASE + 1), tick=False):
        assert jobs.claim(job.pk) is True
    job.refresh_from_db()
    assert job.attempts == 1


def test_a_retried_job_keeps_its_job_and_is_done_once_it_works():
    runs.clear()
    job = Job.objects.create(task=record.name, args=["hiccup"])

    jobs.send(job)

    job.refresh_from_db()
    assert runs == ["hiccup", "hiccup"]
    assert job.done_at is not None and job.attempts == 2
    assert "server closed the connection" in job.last_error


def test_the_requeue_job_is_on_the_beat_schedule_and_the_limits_are_set(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["requeue-waiting-jobs"]
    assert entry["task"] == requeue_waiting_jobs.name
    assert entry["schedule"] == settings.JOB_REQUEUE_EVERY
    assert settings.EMAIL_TIMEOUT == 30
    assert settings.CELERY_TASK_REJECT_ON_WORKER_LOST is True
    # A killed worker's job is free after its lease and handed over by the next beat run: within
    # 2 minutes. Its message comes back from Redis after the lease has run out, so it runs it.
    assert settings.JOB_HEARTBEAT * 3 <= settings.JOB_LEASE
    assert settings.JOB_LEASE + settings.JOB_REQUEUE_EVERY + jobs.BROKER_PAUSE.seconds <= 90
    options = settings.CELERY_BROKER_TRANSPORT_OPTIONS
    assert settings.JOB_LEASE + 30 <= options["visibility_timeout"] <= 120
    requeues = [name for name, entry in settings.CELERY_BEAT_SCHEDULE.items()
                if "requeue" in entry["task"] or "housekeeping" in entry["task"]]
    assert requeues == ["requeue-waiting-jobs"]  # one beat job re-queues every kind of work


def test_work_the_broker_refused_is_handed_over_at_the_next_beat_run_once_it_is_back(client, broker_down):
    invite(client)
    broker_down.undo()

    soon = timezone.now() + jobs.BROKER_PAUSE + timedelta(seconds=1)
    with time_machine.travel(soon, tick=False):
        assert requeue_waiting_jobs() == 1
        assert requeue_waiting_jobs() == 0

    assert len(mail.outbox) == 1
    job = Job.objects.get()
    assert job.done_at is not None and job.attempts == 1 and job.broker_refused is False


def test_a_job_whose_worker_died_is_done_again_once_its_lease_runs_out_and_only_once(settings):
    runs.clear()
    job = Job.objects.create(task=record.name, args=["orphaned"], queued_at=timezone.now())
    assert jobs.claim(job.pk)  # a worker took it, then was killed: no heartbeat renews the lease
    assert requeue_waiting_jobs() == 0

    with time_machine.travel(timezone.now() + timedelta(seconds=settings.JOB_LEASE + 1), tick=False):
        assert requeue_waiting_jobs() == 1
        assert requeue_waiting_jobs() == 0

    job.refresh_from_db()
    assert runs == ["orphaned"] and job.done_at is not None and job.attempts == 2


def test_a_running_job_renews_its_lease_while_it_works(settings):
    settings.JOB_HEARTBEAT = 0.05
    job = Job.objects.create(task=record.name, args=["long"])
    assert jobs.claim(job.pk)
    first = Job.objects.get().leased_until

    with jobs.Heartbeat(job.pk):
        deadline = time.monotonic() + 60
        while Job.objects.get().leased_until == first and time.monotonic() < deadline:
            time.sleep(0.05)

    assert Job.objects.get().leased_until > first


def test_a_job_that_used_up_its_attempts_gives_up_once_and_its_app_is_told(settings, monkeypatch):
    told = []
    monkeypatch.setitem(jobs._given_up_handlers, record.name, lambda given: told.extend(j.pk for j in given))
    job = Job.objects.create(task=record.name, args=["never"], attempts=settings.JOB_MAX_ATTEMPTS,
                             queued_at=timezone.now() - timedelta(hours=1),
                             leased_until=timezone.now() - timedelta(minutes=1))

    assert requeue_waiting_jobs() == 0
    assert requeue_waiting_jobs() == 0

    job.refresh_from_db()
    assert told == [job.pk] and job.gave_up_at is not None and job.done_at is None


def test_work_is_handed_to_the_broker_by_its_task_name(monkeypatch):
    from scrutiny.celery import app

    sent = []
    monkeypatch.setitem(app.conf, "task_always_eager", False)
    monkeypatch.setattr(app, "send_task", lambda name, args, kwargs: sent.append((name, args, kwargs)))

    job = jobs.enqueue("accounts.tasks.send_invitation", 7, "token")

    assert sent == [("accounts.tasks.send_invitation", [7, "token"], {jobs.JOB_KWARG: job.pk})]


def test_no_service_imports_a_tasks_module():
    """Work is queued by task name, so services and tasks do not import each other. (The
    comparisons app joins them too.)"""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    pattern = re.compile(
        r"^\s*(from \w+(\.\w+)*\.tasks import|from \w+ import .*\btasks\b|import \w+\.tasks)", re.MULTILINE
    )
    offenders = [
        str(path.relative_to(root)) for app in ("accounts", "panels", "assessments", "comparisons", "reviews",
                                                "mysteryshop", "recommendations", "reports")
        for path in (root / app).rglob("*.py")
        if path.name != "tasks.py" and "migrations" not in path.parts and pattern.search(path.read_text())
    ]
    assert offenders == []
