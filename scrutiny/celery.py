"""The Celery app. Every task acknowledges late and retries transient failures by default."""

import os

from celery import Celery, Task
from django.db.utils import InterfaceError, OperationalError

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


app = Celery("scrutiny", task_cls=RetryingTask)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
