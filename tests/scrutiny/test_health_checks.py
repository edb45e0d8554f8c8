"""The load balancer's health checks: /healthz/live touches nothing but the process;
/healthz/ready (and the old /healthz) checks the database and the broker."""

import pytest
from django.db import connections
from django.db.utils import OperationalError
from django.test import Client

from tests.conftest import need_service
from tests.scrutiny.test_database_refused import refusing_database  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db


@pytest.fixture
def broker_refused(settings):
    """Tasks go through a broker that refuses connections: nothing listens on port 1."""
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"


@pytest.fixture
def database_refused(monkeypatch):
    """Every use of the database fails as when the server is down, on any engine (the tests
    below that take refusing_database use a real refusal by PostgreSQL)."""

    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connections["default"], "ensure_connection", refuse)


def test_live_answers_with_no_query_and_no_session(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz/live")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies  # no session, no CSRF cookie
    assert "Vary" not in response  # nothing looked at the session or the user


def test_live_answers_while_the_database_refuses(database_refused):
    response = Client(raise_request_exception=False).get("/healthz/live")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db(transaction=True)
def test_live_answers_while_postgresql_refuses_connections(refusing_database):  # noqa: F811
    refusing_database()

    assert Client().get("/healthz/ready").status_code == 503  # pages cannot be served...
    response = Client().get("/healthz/live")

    assert response.status_code == 200  # ...but the process is alive: do not restart it


def test_checks_answer_a_load_balancer_by_address_over_plain_http(client, settings):
    """A probe names the container by its address (not in ALLOWED_HOSTS) and does not come
    through the HTTPS proxy: no 400, no redirect to HTTPS."""
    settings.ALLOWED_HOSTS = ["scrutiny.example.org"]
    settings.SECURE_SSL_REDIRECT = True

    for path in ("/healthz/live", "/healthz/ready", "/healthz"):
        response = client.get(path, HTTP_HOST="10.0.3.7:8000")
        assert response.status_code == 200, path
    assert client.get("/accessibility", HTTP_HOST="10.0.3.7:8000").status_code == 400


def test_ready_checks_the_database_with_one_query(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/healthz/ready")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok", "database": "ok", "broker": "not configured: tasks run in the web process",
    }


def test_ready_is_503_with_the_reason_while_the_database_refuses(database_refused):
    response = Client(raise_request_exception=False).get("/healthz/ready")

    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert response.json()["database"] == "unavailable"
    assert response["Retry-After"] == "10"


@pytest.mark.django_db(transaction=True)
def test_ready_is_503_while_postgresql_refuses_connections(refusing_database):  # noqa: F811
    refusing_database()

    response = Client().get("/healthz/ready")

    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def test_ready_is_503_with_the_reason_while_the_broker_refuses(client, broker_refused):
    response = client.get("/healthz/ready")

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "ok", "broker": "unavailable"}


def test_ready_is_ok_when_a_real_redis_broker_answers(client, settings, private_redis):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = private_redis.url

    response = client.get("/healthz/ready")

    assert response.status_code == 200
    assert response.json()["broker"] == "ok"


def test_ready_gives_up_on_a_broker_that_hangs(client, settings, private_redis):
    """Redis accepts the connection and never answers: readiness says so, it does not hang."""
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = private_redis.url
    settings.HEALTH_CHECK_TIMEOUT = 0.2

    with private_redis.paused():
        response = client.get("/healthz/ready")

    assert response.status_code == 503
    assert response.json()["broker"] == "unavailable"


def test_the_old_address_answers_as_readiness(client, broker_refused):
    """Deployments that call /healthz keep working: the same answer as /healthz/ready."""
    assert client.get("/healthz").json() == client.get("/healthz/ready").json()
    assert client.get("/healthz").status_code == 503


def test_ready_never_asks_the_workers(client, settings, monkeypatch):
    """A broadcast to the workers waits for their answers: the check must not make one."""
    from scrutiny.celery import app

    def asked(*args, **kwargs):
        raise AssertionError("the health check asked the workers")

    monkeypatch.setattr(app.control, "inspect", asked)
    monkeypatch.setattr(app.control, "broadcast", asked)

    assert client.get("/healthz/ready").status_code == 200


def test_postgresql_gives_up_on_a_silent_host_after_a_few_seconds():
    """A host gone from the network never refuses: without a timeout the check would hang."""
    from django.db import connection

    need_service(connection.vendor == "postgresql", "needs PostgreSQL: set DATABASE_URL")
    assert connection.settings_dict["OPTIONS"]["connect_timeout"] == 5
