"""A real PostgreSQL restart during use: gunicorn runs on a PostgreSQL cluster of the test's own
(initdb in a temporary folder, a free port), which is stopped with `pg_ctl stop -m fast` while a
person is signed in. Pages answer 503 with a plain explanation and Retry-After while it is down,
and the same gunicorn (same master, same worker, never restarted) serves normally, with the
person still signed in, once it is started again; the Celery worker that was running all along
sends an invitation made after the restart. The shared PostgreSQL is never touched."""

import re
import shutil
from pathlib import Path

import pytest
from django.db import connection

from tests.conftest import need_service
from tests.deploy.production import manage
from tests.stack.conftest import _database_url, wait_for_worker
from tests.stack.services import PrivatePostgres
from tests.stack.test_faults import wait

PASSWORD = "restart-test-password-4417"
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def postgres_programs():
    """The folder holding initdb, pg_ctl and postgres (PostgreSQL's own, not Debian's wrappers)."""
    # Debian keeps them out of PATH, in /usr/lib/postgresql/<version>/bin.
    debian = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    initdb = shutil.which("initdb") or (str(debian[-1]) if debian else None)
    need_service(initdb is not None, "The database restart test needs PostgreSQL's initdb and pg_ctl on PATH")
    folder = Path(initdb).resolve().parent
    need_service((folder / "pg_ctl").exists() and (folder / "postgres").exists(),
                 f"pg_ctl and postgres are not next to initdb in {folder}")
    return folder


@pytest.fixture
def private_postgres():
    cluster = PrivatePostgres(postgres_programs())
    try:
        cluster.create()
        yield cluster
    finally:
        cluster.remove()


def sign_in(browser, email):
    page = browser.get("/accounts/sign-in/")
    assert page.status_code == 200, page.text[:2000]
    response = browser.post("/accounts/sign-in/", data={
        "username": email, "password": PASSWORD,
        "csrfmiddlewaretoken": CSRF_FIELD.search(page.text).group(1),
    })
    if "/accounts/second-factor/methods/" in response.url:  # an administrator's first sign-in
        from tests.second_factor import add_app_by_key

        response = add_app_by_key(browser, CSRF_FIELD)
    assert response.status_code == 200 and "Sam Patel" in response.text, response.text[:2000]


def test_a_real_postgresql_restart_shows_a_clear_page_then_the_same_app_recovers(stack, private_postgres):
    stack.env.update(DATABASE_URL=private_postgres.url, CONN_MAX_AGE="600")  # kept connections
    # The tables and reference data the migrations make, copied from this run's migrated test
    # database (which holds nothing else yet): migrating the new cluster again took 15 s of CPU.
    private_postgres.load(_database_url(connection.settings_dict))
    created = manage("createsuperuser", "--noinput", "--email", "sam.patel@example.org",
                     "--display_name", "Sam Patel", env={**stack.env, "DJANGO_SUPERUSER_PASSWORD": PASSWORD})
    assert created.returncode == 0, created.stdout + created.stderr
    stack.start_web()
    stack.start_worker()
    wait_for_worker(stack, "worker")
    gunicorn, worker = stack.processes["web"][0], stack.processes["worker"][0]
    browser = stack.browser()
    sign_in(browser, "sam.patel@example.org")
    assert browser.get("/").status_code == 200

    private_postgres.stop("fast")  # every session ends, new connections are refused
    page = browser.get("/")
    health = stack.healthz()

    assert page.status_code == 503, page.text[:2000]
    assert "We cannot reach our database right now. Nothing you saved has been lost." in page.text
    assert page.headers["Retry-After"] == "30"
    assert health["code"] == 503 and health["database"] == "unavailable"

    private_postgres.start()
    page = wait(lambda: (p := browser.get("/")).status_code == 200 and p, "the app to recover")

    assert "Sam Patel" in page.text  # still signed in: the session survived in the database
    assert stack.healthz()["code"] == 200
    assert gunicorn.poll() is None and stack.processes["web"][0] is gunicorn  # never restarted
    assert stack.log("web").count("Booting worker") == 1  # nor was its worker

    # Background work carries on too: the worker that saw the database go sends this invitation.
    form = browser.get("/accounts/invitations/")
    response = browser.post("/accounts/invitations/", data={
        "display_name": "Morag Fraser", "email": "morag.fraser@example.org", "role": "tenant",
        "csrfmiddlewaretoken": CSRF_FIELD.search(form.text).group(1),
    })
    assert response.status_code == 200 and "An invitation is on its way" in response.text
    emails = wait(lambda: [p.read_text() for p in stack.mail_dir.iterdir()], "the invitation to be sent")
    assert len(emails) == 1 and "To: morag.fraser@example.org" in emails[0]
    assert worker.poll() is None and stack.processes["worker"][0] is worker
