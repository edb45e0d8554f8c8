"""The daily reminder job: one digest per person per local day, however often it runs.

Each digest is an outbox job (scrutiny/jobs.py) written with its ReminderSent row and sent after
commit, so these tests run the commit callbacks. The broker is made unavailable here by a
stand-in for Celery's publish; tests/stack/test_faults.py shows the same outbox path with a real
Redis that stops."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from kombu.exceptions import OperationalError as BrokerDown

from recommendations import tasks
from recommendations.models import ReminderSent
from scrutiny.models import Job
from scrutiny.tasks import requeue_waiting_jobs
from tests.factories.recommendations import ActionFactory

# In June, London is an hour ahead of UTC: 23:30 UTC on the 10th is already the 11th there.
EVENING = datetime(2025, 6, 10, 22, 58, tzinfo=UTC)  # 23:58 on 10 June in London
PAST_MIDNIGHT = datetime(2025, 6, 10, 23, 5, tzinfo=UTC)  # 00:05 on 11 June in London
LATER = datetime(2025, 6, 11, 7, 0, tzinfo=UTC)


def _scene(world, make_rec):
    today = datetime(2025, 6, 10).date()
    owned = make_rec("in_progress", due_date=today + timedelta(days=60))
    ActionFactory(recommendation=owned, owner=world.owner, what="Due soon",
                  due_date=today + timedelta(days=7))
    ActionFactory(recommendation=owned, owner=world.owner, what="Overdue", due_date=today - timedelta(days=3))
    ActionFactory(recommendation=owned, owner=world.owner, what="Not yet", due_date=today + timedelta(days=8))
    ActionFactory(recommendation=owned, owner=world.other_officer, what="Finished", status="done",
                  due_date=today - timedelta(days=3))
    ActionFactory(recommendation=owned, owner=world.manager, what="The manager's own action",
                  due_date=today + timedelta(days=1))
    make_rec("submitted", text="Waiting too long", submitted_at=EVENING - timedelta(days=30))
    make_rec("submitted", text="Waiting 28 days", submitted_at=EVENING - timedelta(days=28))


@pytest.fixture
def after_commit(django_capture_on_commit_callbacks):
    """Run what the code under test queues for after its commit (the outbox's sending)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_digest_once_a_day_across_a_real_midnight(world, make_rec, after_commit):
    with time_machine.travel(EVENING, tick=False), after_commit():
        _scene(world, make_rec)
        tasks.send_reminders.delay()
        tasks.send_reminders.delay()  # beat ran twice (a restart, a second scheduler)
    first = {m.to[0]: m for m in mail.outbox}
    assert len(mail.outbox) == 2 == len(first)  # one each for the owner and the manager
    owner_mail = first[world.owner.email].body
    assert "Due soon" in owner_mail and "Overdue" in owner_mail and "(OVERDUE)" in owner_mail
    assert "Not yet" not in owner_mail
    manager_mail = first[world.manager.email].body
    assert "The manager's own action" in manager_mail
    assert "Waiting too long" in manager_mail and "Waiting 28 days" not in manager_mail
    assert "more than 28 days" in manager_mail
    assert world.other_officer.email not in first

    with time_machine.travel(PAST_MIDNIGHT, tick=False), after_commit():
        tasks.send_reminders.delay()
    assert len(mail.outbox) == 4  # a new day in London, though not yet in UTC
    with time_machine.travel(LATER, tick=False), after_commit():
        tasks.send_reminders.delay()
        tasks.send_reminders.delay()
    assert len(mail.outbox) == 4
    assert ReminderSent.objects.count() == 4
    assert sorted({str(r.date) for r in ReminderSent.objects.all()}) == ["2025-06-10", "2025-06-11"]


def test_only_recommendations_waiting_more_than_the_setting_are_sent_to_managers(
    world, make_rec, after_commit
):
    with time_machine.travel(EVENING, tick=False), after_commit():
        make_rec("submitted", text="Waiting 28 days", submitted_at=EVENING - timedelta(days=28))
        assert tasks.send_reminders.delay().get() == 0
        make_rec("submitted", text="Waiting 29 days", submitted_at=EVENING - timedelta(days=29))
        assert tasks.send_reminders.delay().get() == 1
    body = mail.outbox[0].body
    assert mail.outbox[0].to == [world.manager.email]
    assert 'R2 of "Complaints handling"' in body and "R1 of" not in body


def test_a_failed_email_is_sent_again_by_the_outbox(world, make_rec, monkeypatch, after_commit):
    from recommendations import reminders
    from scrutiny import emails

    with time_machine.travel(EVENING, tick=False):
        owned = make_rec("in_progress")
        ActionFactory(recommendation=owned, owner=world.owner, due_date=EVENING.date())

        def broken(**kwargs):
            raise OSError("mail server down")

        monkeypatch.setattr(emails, "send_mail", broken)
        with after_commit():
            assert reminders.send_daily_reminders() == 1  # every try fails
        reminder = ReminderSent.objects.get()  # the day's row stays, with its job waiting
        job = Job.objects.get(task=tasks.email_reminder.name)
        assert reminder.emailed_at is None and job.done_at is None and "mail server down" in job.last_error
        assert mail.outbox == []
        monkeypatch.undo()
        with after_commit():
            assert reminders.send_daily_reminders() == 0  # the day's run does not write it twice
    later = EVENING + timedelta(seconds=settings.JOB_REQUEUE_AFTER + 1)
    with time_machine.travel(later, tick=False), after_commit():
        assert requeue_waiting_jobs() == 1
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [world.owner.email]
    reminder.refresh_from_db()
    assert reminder.emailed_at is not None


def test_a_digest_run_while_the_broker_is_unavailable_is_sent_once_when_it_returns(
    world, make_rec, monkeypatch, after_commit
):
    from recommendations import reminders

    def refuse(self, *args, **kwargs):
        raise BrokerDown("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    with time_machine.travel(EVENING, tick=False):
        owned = make_rec("in_progress")
        ActionFactory(recommendation=owned, owner=world.owner, due_date=EVENING.date())
        monkeypatch.setattr("celery.app.task.Task.apply_async", refuse)
        with after_commit():
            assert reminders.send_daily_reminders() == 1  # the worker ran it; publishing fails

        job = Job.objects.get(task=tasks.email_reminder.name)
        reminder = ReminderSent.objects.get(user=world.owner)
        assert job.args == [reminder.pk] and job.queued_at is not None and job.done_at is None
        assert reminder.emailed_at is None and mail.outbox == []

        monkeypatch.undo()  # the broker is back
        with after_commit():
            assert reminders.send_daily_reminders() == 0  # a later run writes nothing new
    later = EVENING + timedelta(seconds=settings.JOB_REQUEUE_AFTER + 1)
    with time_machine.travel(later, tick=False), after_commit():
        assert requeue_waiting_jobs() == 1
        assert requeue_waiting_jobs() == 0

    assert [m.to for m in mail.outbox] == [[world.owner.email]]
    assert "Recommendations: 1 thing need" in mail.outbox[0].subject
    job.refresh_from_db()
    reminder.refresh_from_db()
    assert job.done_at is not None and job.attempts == 1 and reminder.emailed_at is not None


def test_a_digest_delayed_past_the_work_being_done_sends_nothing(world, make_rec):
    from recommendations import reminders

    with time_machine.travel(EVENING, tick=False):
        owned = make_rec("in_progress")
        action = ActionFactory(recommendation=owned, owner=world.owner, due_date=EVENING.date())
        reminders.send_daily_reminders()  # committed in a moment; not sent yet
        action.status = "done"
        action.save()
        assert reminders.email_one(reminder_id=ReminderSent.objects.get().pk).startswith("nothing")
    assert mail.outbox == []
    assert ReminderSent.objects.get().emailed_at is not None


def test_the_job_is_on_the_beat_schedule():
    entry = settings.CELERY_BEAT_SCHEDULE["recommendation-reminders"]
    assert entry["task"] == tasks.send_reminders.name
    assert settings.ACTION_DUE_SOON_DAYS == 7 and settings.RESPONSE_OVERDUE_DAYS == 28
