"""Heartbeats on the real stack: a Celery worker and beat write theirs to Redis, the System
health page reads them through gunicorn, and the container health checks (check_heartbeat)
pass while they come and fail once a process is killed."""

import re

from tests.deploy.production import manage
from tests.factories.accounts import UserFactory
from tests.stack.conftest import wait_for_worker
from tests.stack.test_stack import sign_in

URL = "/administration/system-health/"


def test_the_worker_and_beat_heartbeats_reach_the_administrators_page(stack):
    stack.env["HEALTH_HEARTBEAT_EVERY"] = "1"  # silent after 3 s, so the test need not wait long
    admin = UserFactory(role="admin", email="stack-admin@example.org", display_name="Sam Patel")
    stack.start_web()
    stack.start_worker()
    stack.start_beat()
    (worker_name,) = wait_for_worker(stack, "worker")
    browser = sign_in(stack, admin)

    page = stack.wait_for(
        lambda: "It last handed over “requeue-waiting-jobs”" in (p := browser.get(URL).text) and p,
        "beat's heartbeat on the page", "web", "worker", "beat",
    )

    assert re.search(rf"{re.escape(worker_name)}</strong>:\s+working", page), page
    assert "Running; last heard" in page
    assert "0 tasks waiting for a worker" in page
    assert manage("check_heartbeat", "worker", "--name", worker_name, env=stack.env).returncode == 0
    assert manage("check_heartbeat", "beat", env=stack.env).returncode == 0

    stack.kill("worker")  # kill -9: no clean shutdown, the heartbeat just stops
    stack.kill("beat")
    page = stack.wait_for(
        lambda: "silent" in (p := browser.get(URL).text) and "Silent" in p and p,
        "the page to show the worker and beat silent", "web",
    )

    assert re.search(rf"{re.escape(worker_name)}</strong>:\s+<strong>silent</strong>", page), page
    silent = manage("check_heartbeat", "worker", "--name", worker_name, env=stack.env)
    assert silent.returncode == 1 and "is silent" in silent.stderr, silent.stderr
    assert manage("check_heartbeat", "beat", env=stack.env).returncode == 1


def test_a_worker_stopped_cleanly_takes_its_heartbeat_away(stack):
    stack.start_web()
    stack.start_worker()
    (worker_name,) = wait_for_worker(stack, "worker")

    stack.stop("worker")  # SIGTERM: a warm shutdown, as `docker compose stop` does

    assert stack.workers_heard() == []
    gone = manage("check_heartbeat", "worker", "--name", worker_name, env=stack.env)
    assert gone.returncode == 1 and "No heartbeat" in gone.stderr, gone.stderr
