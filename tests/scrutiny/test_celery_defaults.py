"""Every task defined with @shared_task acknowledges late and retries transient failures."""

from celery import shared_task
from django.db.utils import OperationalError

from accounts.tasks import send_invitation

calls = {"flaky": 0, "broken": 0}


@shared_task(name="tests.flaky")
def flaky():
    """Fails twice with a database hiccup, then works."""
    calls["flaky"] += 1
    if calls["flaky"] < 3:
        raise OperationalError("server closed the connection unexpectedly")
    return "done"


@shared_task(name="tests.broken")
def broken():
    """A bug, not a hiccup: retrying would not help."""
    calls["broken"] += 1
    raise ValueError("a mistake in the code")


def test_shared_tasks_acknowledge_late_and_survive_a_lost_worker():
    for task in (flaky, broken, send_invitation):
        assert task.acks_late is True
        assert task.reject_on_worker_lost is True
        assert task.max_retries == 5
        assert task.retry_backoff is True
        assert {OSError, ConnectionError, TimeoutError, OperationalError} <= set(task.autoretry_for)


def test_a_transient_failure_is_retried_until_it_works():
    calls["flaky"] = 0

    result = flaky.apply()

    assert result.get() == "done"
    assert calls["flaky"] == 3


def test_a_bug_is_not_retried():
    calls["broken"] = 0

    result = broken.apply()

    assert result.failed()
    assert isinstance(result.result, ValueError)
    assert calls["broken"] == 1
