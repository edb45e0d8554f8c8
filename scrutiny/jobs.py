"""The one way to start background work: after the current transaction commits, so a worker
never looks for a row that is not yet saved. Without a broker, Celery runs the task in-process."""

from django.db import transaction


def enqueue(task, *args, **kwargs):
    transaction.on_commit(lambda: task.delay(*args, **kwargs))
