"""System health, the administrators' deep check: the database, the broker, each worker's and
beat's last heartbeat and the tasks waiting, read from Redis without asking any worker."""

import time

import pytest

from scrutiny import heartbeat
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db
URL = "/administration/system-health/"


@pytest.fixture
def broker(settings, private_redis):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = private_redis.url
    settings.CELERY_TASK_DEFAULT_QUEUE = "riverside"
    return private_redis


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(role="admin"))
    return client


def test_shows_each_workers_last_heartbeat_the_waiting_tasks_and_beat(admin_client, broker, monkeypatch):
    from scrutiny.celery import app

    monkeypatch.setattr(app.control, "inspect", lambda *a, **k: pytest.fail("asked the workers"))
    now = time.time()
    heartbeat.note_worker(name="celery@worker-1", queues=["riverside"], at=now - 2)
    heartbeat.note_worker(name="celery@worker-2", queues=["riverside"], at=now - 600)
    heartbeat.note_worker(name="celery@other-site", queues=["hillside"], at=now)
    heartbeat.note_beat(last_sent={"name": "requeue-waiting-jobs", "task": "x", "at": now - 5}, at=now - 1)
    client = heartbeat.broker_client()
    client.lpush("riverside", "a", "b")
    client.lpush("riverside\x06\x163", "c")  # a task of lower priority: its own list

    page = admin_client.get(URL).content.decode()

    assert "celery@worker-1</strong>:\n    working" in page
    assert "celery@worker-2</strong>:\n    <strong>silent</strong>" in page
    assert "other-site" not in page  # another site's worker on the same Redis
    assert "3 tasks waiting for a worker" in page
    assert "It last handed over “requeue-waiting-jobs”" in page
    assert "Running; last heard" in page


def test_says_when_no_worker_or_beat_was_heard(admin_client, broker):
    page = admin_client.get(URL).content.decode()

    assert "No worker has been heard from in the last day." in page
    assert "The scheduler has not been heard from in the last day." in page
    assert "0 tasks waiting" in page


def test_says_the_broker_is_down(admin_client, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"

    response = admin_client.get(URL)

    assert response.status_code == 200
    page = response.content.decode()
    assert "The site cannot serve pages or queue work properly." in page
    assert "Not answering: emails and reports wait in the database" in page
    assert "Unknown while the task queue is not answering." in page


def test_without_a_broker_says_work_runs_in_the_web_server(admin_client):
    page = admin_client.get(URL).content.decode()

    assert "The site can serve pages and queue work." in page
    assert "Not set up: background work runs inside the web server" in page


def test_is_listed_on_the_administration_page(admin_client):
    assert URL in admin_client.get("/administration/").content.decode()


@pytest.mark.parametrize("role", ["tenant", "officer", "manager"])
def test_is_refused_to_everyone_but_administrators(client, role, broker):
    heartbeat.note_worker(name="celery@worker-1", queues=["riverside"])
    client.force_login(UserFactory(role=role))

    response = client.get(URL)

    assert response.status_code == 403
    assert "celery@worker-1" not in response.content.decode()
