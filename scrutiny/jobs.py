"""The one way to start background work, so that nothing is lost when Redis or a worker fails.

`enqueue(task, *args)` saves a `Job` row in the current transaction (the outbox) and hands the
task to Celery after commit. If the broker is down the page still succeeds: the job waits, and
the periodic `requeue_waiting_jobs` hands it over again once the broker is back. A worker takes
a job by claiming its row (`claim`), so a message delivered twice (a re-queue, or a killed
worker's message coming back after the visibility timeout) runs the work once. Without a broker
(CELERY_TASK_ALWAYS_EAGER) the task runs in-process after commit, through the same path.

Other apps use it as they are: `enqueue(make_report, report_request.pk)` inside the transaction
that creates the report request. A task that already records its own "not done yet" state can
still use it: the job row is what gets it re-queued.
"""

from __future__ import annotations

import contextvars
import logging
from datetime import timedelta
from typing import Any

from celery import Task
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from scrutiny.models import Job

logger = logging.getLogger(__name__)

#: The keyword argument that carries a job's id to its task (taken off before the task runs).
JOB_KWARG = "outbox_job_id"
#: Done jobs are kept this long (for the admin), then deleted by requeue_waiting_jobs.
KEEP_DONE = timedelta(days=30)

# How many jobs the current request could not hand to the broker (read by the middleware).
_unqueued: contextvars.ContextVar[int] = contextvars.ContextVar("unqueued_jobs", default=0)


def enqueue(task: Task, *args: Any, **kwargs: Any) -> Job:
    """Save the task as a job in this transaction and queue it after commit."""
    job = Job.objects.create(task=task.name, args=list(args), kwargs=kwargs)
    transaction.on_commit(lambda: send(job))
    return job


def send(job: Job) -> bool:
    """Hand a saved job to the broker; False (and the job waits) if the broker is unavailable."""
    from scrutiny.celery import app

    Job.objects.filter(pk=job.pk).update(queued_at=timezone.now())
    try:
        app.tasks[job.task].apply_async(args=job.args, kwargs={**job.kwargs, JOB_KWARG: job.pk})
    except Exception as exc:  # noqa: BLE001 - any broker failure: the job waits for the re-queue
        logger.warning("Could not queue job %s (%s); it will be queued later: %s", job.pk, job.task, exc)
        _unqueued.set(_unqueued.get() + 1)
        return False
    return True


def lease() -> timedelta:
    """How long a worker's claim on a job holds: past the task time limit the task is dead."""
    return timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 10)


def claim(job_id: int) -> bool:
    """Take a job for this worker; False if it is done, gone, or running elsewhere."""
    now = timezone.now()
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.done_at is not None:
            return False
        if job.started_at is not None and job.started_at > now - lease():
            return False
        job.started_at = now
        job.attempts += 1
        job.save(update_fields=["started_at", "attempts"])
    return True


def finish(job_id: int) -> None:
    """Mark a job done and drop its arguments (they may hold a one-time link)."""
    Job.objects.filter(pk=job_id).update(done_at=timezone.now(), args=[], kwargs={})


def release(job_id: int, error: BaseException) -> None:
    """Give a failed attempt's claim back, so a retry or the re-queue can run the job again."""
    Job.objects.filter(pk=job_id).update(started_at=None, last_error=repr(error)[:2000])


def requeue_waiting_jobs() -> int:
    """Queue again every job waiting longer than JOB_REQUEUE_AFTER; delete old done ones."""
    now = timezone.now()
    waited = now - timedelta(seconds=settings.JOB_REQUEUE_AFTER)
    waiting = (
        Job.objects.filter(done_at__isnull=True, attempts__lt=settings.JOB_MAX_ATTEMPTS)
        .exclude(started_at__gt=now - lease())
        .exclude(queued_at__gt=waited)
        .filter(created_at__lte=waited)
        .order_by("created_at")
    )
    count = 0
    for job in waiting[: settings.JOB_REQUEUE_BATCH]:
        count += send(job)
    Job.objects.filter(done_at__lt=now - KEEP_DONE).delete()
    return count


def unqueued_in_this_request() -> int:
    """How many jobs the current request saved but could not queue yet."""
    return _unqueued.get()


def reset_unqueued() -> None:
    """Start counting again (at the start of each request)."""
    _unqueued.set(0)
