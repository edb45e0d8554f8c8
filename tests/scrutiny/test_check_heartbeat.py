"""manage.py check_heartbeat, the worker's and beat's container health checks."""

import time

import pytest
from django.core.management import CommandError, call_command

from scrutiny import heartbeat


@pytest.fixture
def broker(settings, private_redis):
    settings.CELERY_BROKER_URL = private_redis.url
    settings.HEALTH_HEARTBEAT_EVERY = 10
    return private_redis


def test_a_worker_with_a_fresh_heartbeat_is_healthy(broker, capsys):
    heartbeat.note_worker(name="celery@worker-1", queues=["celery"], at=time.time() - 5)

    call_command("check_heartbeat", "worker", "--name", "celery@worker-1")

    assert "celery@worker-1 is alive" in capsys.readouterr().out


def test_a_silent_worker_is_unhealthy(broker):
    heartbeat.note_worker(name="celery@worker-1", queues=["celery"], at=time.time() - 31)

    with pytest.raises(CommandError, match=r"celery@worker-1 is silent: last heartbeat 3\d s ago"):
        call_command("check_heartbeat", "worker", "--name", "celery@worker-1")


def test_a_worker_never_heard_from_is_unhealthy(broker):
    heartbeat.note_worker(name="celery@worker-2", queues=["celery"])

    with pytest.raises(CommandError, match="No heartbeat from celery@worker-1"):
        call_command("check_heartbeat", "worker", "--name", "celery@worker-1")


def test_the_worker_is_this_host_by_default(broker, capsys):
    import socket

    heartbeat.note_worker(name=f"celery@{socket.gethostname()}", queues=["celery"])

    call_command("check_heartbeat", "worker")


def test_beat_with_a_fresh_heartbeat_is_healthy_and_silent_beat_is_not(broker, capsys):
    heartbeat.note_beat(last_sent=None)
    call_command("check_heartbeat", "beat")
    assert "beat is alive" in capsys.readouterr().out

    heartbeat.note_beat(last_sent=None, at=time.time() - 60)
    with pytest.raises(CommandError, match="beat is silent"):
        call_command("check_heartbeat", "beat")


def test_unhealthy_when_the_broker_does_not_answer(settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"

    with pytest.raises(CommandError, match="The broker could not be read"):
        call_command("check_heartbeat", "worker")
