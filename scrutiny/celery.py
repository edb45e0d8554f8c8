"""The Celery app. Every task acknowledges late and retries transient failures by default: the
one retry policy (with scrutiny/jobs.py's re-queue for work lost on the way)."""

import os
from typing import Any

from celery import Celery, Task
from django.db.utils import InterfaceError, OperationalError

from scrutiny.heartbeat import WorkerHeartbeat

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scrutiny.settings")


class RetryingTask(Task):
    """Default task class: retried with backoff on failures that may pass (network, disk, DB)."""

    autoretry_for = (OSError, ConnectionError, TimeoutError, OperationalError, InterfaceError)
    retry_backoff = True
    retry_backoff_max = 600
    retry_jitter = True
    max_retries = 5
    acks_late = True
    reject_on_worker_lost = True
    # Calls are not checked against run()'s signature when sent: a job's id travels as an extra
    # keyword argument that __call__ takes off before run() sees it.
    typing = False

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """Run the task; one queued through scrutiny.jobs runs only if it claims its job, and renews
        the job's lease while it runs."""
        from scrutiny import jobs

        job_id = kwargs.pop(jobs.JOB_KWARG, None)
        if job_id is None:
            return super().__call__(*args, **kwargs)
        if not jobs.claim(job_id):
            return "skipped: done already or running elsewhere"
        setattr(self.request, jobs.JOB_KWARG, job_id)  # kept for retry() below
        try:
            if self.request.is_eager:  # in-process: no worker to lose, nothing to renew
                result = super().__call__(*args, **kwargs)
            else:
                with jobs.Heartbeat(job_id):
                    result = super().__call__(*args, **kwargs)
        except BaseException as exc:
            jobs.release(job_id, exc)
            raise
        jobs.finish(job_id)
        return result

    def retry(self, args: Any = None, kwargs: Any = None, *rest: Any, **options: Any) -> Any:
        """Retry as Celery does, keeping the job id so that the retry still counts for the job."""
        from scrutiny import jobs

        job_id = getattr(self.request, jobs.JOB_KWARG, None)
        if job_id is not None and kwargs is None:
            kwargs = {**(self.request.kwargs or {}), jobs.JOB_KWARG: job_id}
        return super().retry(args, kwargs, *rest, **options)


app = Celery("scrutiny", task_cls=RetryingTask)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# Each worker notes that it is alive in the broker's Redis (read by the health checks).
app.steps["consumer"].add(WorkerHeartbeat)
