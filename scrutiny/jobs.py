"""The one path for background work (emails, reports, reminders, document reading), so that
nothing is lost and nothing is done twice when Redis, a worker or the database fails.

`enqueue("app.tasks.name", *args)` saves a `Job` row in the current transaction (the outbox)
and hands the task to Celery by name after commit, so services never import tasks. The job row
is the only claim, attempt count and deadline:

- A worker takes a job by claiming its row (`claim`) on a short lease (JOB_LEASE seconds), and
  renews the lease every JOB_HEARTBEAT seconds while the work runs (`Heartbeat`). A message
  delivered twice (a re-queue, or a killed worker's message coming back) finds the job done or
  held, and does nothing.
- One beat job (`requeue_waiting_jobs`, every JOB_REQUEUE_EVERY seconds) hands a job over again
  when the broker refused it, when its lease ran out (its worker was killed), or when it was
  handed over JOB_REQUEUE_AFTER seconds ago and never taken; at most JOB_MAX_ATTEMPTS times.
  A job that has used them up gives up: the app that queued it is told (`when_given_up`) and
  administrators see it on the failed-jobs page.

Without a broker (CELERY_TASK_ALWAYS_EAGER) the task runs in-process after commit, through the
same path.
"""

from __future__ import annotations

import contextvars
import logging
import threading
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from scrutiny.models import Job

logger = logging.getLogger(__name__)

#: The keyword argument that carries a job's id to its task (taken off before the task runs).
JOB_KWARG = "outbox_job_id"
#: Done jobs are kept this long (for the admin), then deleted by requeue_waiting_jobs.
KEEP_DONE = timedelta(days=30)
#: A job the broker refused (or that was never handed over) is tried again after this pause.
BROKER_PAUSE = timedelta(seconds=10)

# How many jobs the current request could not hand to the broker (read by the middleware).
_unqueued: contextvars.ContextVar[int] = contextvars.ContextVar("unqueued_jobs", default=0)
# task name -> what its app does when one of its jobs gives up (e.g. mark a report failed).
_given_up_handlers: dict[str, Callable[[list[Job]], None]] = {}


def enqueue(task: Any, *args: Any, **kwargs: Any) -> Job:
    """Save the task (its name, or the task) as a job in this transaction; queue it after commit."""
    name = task if isinstance(task, str) else task.name
    job = Job.objects.create(task=name, args=list(args), kwargs=kwargs)
    transaction.on_commit(lambda: send(job))
    return job


def send(job: Job) -> bool:
    """Hand a saved job to the broker by its task's name; False (the job waits) if it is down."""
    from scrutiny.celery import app

    Job.objects.filter(pk=job.pk).update(queued_at=timezone.now(), broker_refused=False)
    kwargs = {**job.kwargs, JOB_KWARG: job.pk}
    try:
        if app.conf.task_always_eager:  # send_task never runs in-process: call the task itself
            app.loader.import_default_modules()
            app.tasks[job.task].apply_async(args=job.args, kwargs=kwargs)
        else:
            app.send_task(job.task, args=job.args, kwargs=kwargs)
    except Exception as exc:  # noqa: BLE001 - any broker failure: the job waits for the re-queue
        logger.warning("Could not queue job %s (%s); it will be queued later: %s", job.pk, job.task, exc)
        Job.objects.filter(pk=job.pk).update(broker_refused=True)
        _unqueued.set(_unqueued.get() + 1)
        return False
    return True


def lease() -> timedelta:
    """How long a claim holds without being renewed: past it, its worker is taken to be dead."""
    return timedelta(seconds=settings.JOB_LEASE)


def claim(job_id: int) -> bool:
    """Take a job for this worker; False if it is done, gone, or held by a live worker."""
    now = timezone.now()
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.done_at is not None:
            return False
        if job.leased_until is not None and job.leased_until > now:
            return False
        job.started_at = now
        job.leased_until = now + lease()
        job.attempts += 1
        job.save(update_fields=["started_at", "leased_until", "attempts"])
    return True


def renew(job_id: int) -> None:
    """Extend this worker's lease on a job it is still working on."""
    Job.objects.filter(pk=job_id, done_at__isnull=True, leased_until__isnull=False).update(
        leased_until=timezone.now() + lease()
    )


def finish(job_id: int) -> None:
    """Mark a job done and drop its arguments (they may hold a one-time link)."""
    Job.objects.filter(pk=job_id).update(done_at=timezone.now(), leased_until=None, args=[], kwargs={})


def release(job_id: int, error: BaseException) -> None:
    """Give a failed attempt's claim back, so a retry or the re-queue can run the job again."""
    Job.objects.filter(pk=job_id).update(leased_until=None, last_error=repr(error)[:2000])


class Heartbeat:
    """While the work runs, renew its job's lease every JOB_HEARTBEAT seconds from a thread of
    its own. A worker killed mid-task stops renewing, and its job is free once the lease ends."""

    def __init__(self, job_id: int) -> None:
        self.job_id = job_id
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, name=f"job-{job_id}-heartbeat", daemon=True)

    def __enter__(self) -> Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _beat(self) -> None:
        try:
            while not self._stop.wait(settings.JOB_HEARTBEAT):
                try:
                    renew(self.job_id)
                except Exception as exc:  # noqa: BLE001 - the database may be restarting: try again
                    logger.warning("Could not renew the lease on job %s: %s", self.job_id, exc)
                    connection.close()
        finally:
            connection.close()


def when_given_up(task_name: str) -> Callable[[Callable[[list[Job]], None]], Callable[[list[Job]], None]]:
    """Register what to do when jobs of a task give up (their app updates its own rows)."""

    def register(handler: Callable[[list[Job]], None]) -> Callable[[list[Job]], None]:
        _given_up_handlers[task_name] = handler
        return handler

    return register


def _unheld(now: Any) -> QuerySet[Job]:
    return Job.objects.filter(done_at__isnull=True).filter(
        Q(leased_until__isnull=True) | Q(leased_until__lt=now)
    )


def _due(now: Any) -> QuerySet[Job]:
    """Jobs to hand over again: refused by the broker, never handed over, lease run out, or lost."""
    paused = now - BROKER_PAUSE
    return _unheld(now).filter(attempts__lt=settings.JOB_MAX_ATTEMPTS).filter(
        Q(broker_refused=True, queued_at__lte=paused)
        | Q(queued_at__isnull=True, created_at__lte=paused)
        | Q(leased_until__lt=now)
        | Q(queued_at__lte=now - timedelta(seconds=settings.JOB_REQUEUE_AFTER))
    ).order_by("created_at")


def _give_up(now: Any) -> None:
    """Note jobs that used up their attempts, and tell the app that queued each."""
    from scrutiny.celery import app

    stuck = list(_unheld(now).filter(attempts__gte=settings.JOB_MAX_ATTEMPTS, gave_up_at__isnull=True)
                 [: settings.JOB_REQUEUE_BATCH])
    if not stuck:
        return
    Job.objects.filter(pk__in=[job.pk for job in stuck]).update(gave_up_at=now, leased_until=None)
    app.loader.import_default_modules()  # every app's tasks, and so their handlers
    for name in {job.task for job in stuck}:
        if name in _given_up_handlers:
            _given_up_handlers[name]([job for job in stuck if job.task == name])


def requeue_waiting_jobs() -> int:
    """The one beat job: hand over again what waits (see the module's notes); delete old done ones."""
    now = timezone.now()
    count = 0
    for job in _due(now)[: settings.JOB_REQUEUE_BATCH]:
        Job.objects.filter(pk=job.pk, leased_until__lt=now).update(leased_until=None)
        count += send(job)
    _give_up(now)
    Job.objects.filter(done_at__lt=now - KEEP_DONE).delete()
    return count


def unqueued_in_this_request() -> int:
    """How many jobs the current request saved but could not queue yet."""
    return _unqueued.get()


def reset_unqueued() -> None:
    """Start counting again (at the start of each request)."""
    _unqueued.set(0)
