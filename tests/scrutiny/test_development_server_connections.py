"""The development server (manage.py runserver) on PostgreSQL gives each request a thread of
its own: with connections kept 60 s, each thread's stayed open after it ended (21 were seen).
It closes its connection at the end of each request instead."""

import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.request import urlopen

import pytest
from django.conf import settings
from django.db import connection

from tests.conftest import need_service
from tests.stack.conftest import _database_url
from tests.stack.services import free_port

# The server's connections carry this name, so that a connection another test of this process
# left open (a thread's, say) is not counted as the server's.
SERVER = "development-server-under-test"


def _server_connections():
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name = %s", [SERVER])
        return cursor.fetchone()[0]


def _wait_until(check, seconds):
    deadline = time.monotonic() + seconds
    while not check() and time.monotonic() < deadline:
        time.sleep(0.1)
    return check()


@pytest.mark.django_db(transaction=True)
def test_the_development_server_keeps_no_connection_after_its_requests():
    need_service(connection.vendor == "postgresql", "needs PostgreSQL: set DATABASE_URL")
    port = free_port()
    database_url = f"{_database_url(connection.settings_dict)}?application_name={SERVER}"
    env = {**os.environ, "DATABASE_URL": database_url, "DEBUG": "true",
           "CELERY_BROKER_URL": "", "CONN_MAX_AGE": "60"}  # as a production .env might set it
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", "--skip-checks", f"127.0.0.1:{port}"],
        cwd=settings.BASE_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        def health(_=None):
            with urlopen(f"http://127.0.0.1:{port}/healthz", timeout=10) as response:  # noqa: S310
                return response.status

        def answering():
            try:
                return health() == 200
            except OSError:
                return False

        assert _wait_until(answering, 60), "the development server did not start"
        with ThreadPoolExecutor(8) as pool:
            assert list(pool.map(health, range(16))) == [200] * 16  # each on a thread of its own

        # Each thread closes its connection just after its response is sent, so the count falls to
        # 0 soon after; on a busy machine "soon" can be seconds. Kept connections stayed 60 s, so
        # waiting up to 20 s returns as soon as they close and fails only when they are kept.
        assert _wait_until(lambda: _server_connections() == 0, 20), f"{_server_connections()} kept"
    finally:
        server.terminate()
        server.wait(timeout=10)
