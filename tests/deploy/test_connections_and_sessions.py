"""Settings that save every request work: kept database connections on a database server, and
sessions read from the cache when the cache is one all processes share (Redis)."""

import json

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.deploy.production import manage, production_env
from tests.factories.accounts import UserFactory
from tests.stack.services import PrivateRedis

PRINT = (
    "import json; from django.conf import settings; d = settings.DATABASES['default']; "
    "print(json.dumps([d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'], settings.SESSION_ENGINE]))"
)
POSTGRES = "postgres://scrutiny@127.0.0.1:5432/never-connected-to"


def loaded(tmp_path, **env):
    result = manage("shell", "-c", PRINT, env=production_env(**env))
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_postgresql_site_keeps_its_connections_and_checks_them(tmp_path):
    max_age, health_checks, _ = loaded(tmp_path, DATABASE_URL=POSTGRES)
    assert (max_age, health_checks) == (60, True)


def test_sqlite_and_an_explicit_zero_close_connections_after_each_request(tmp_path):
    assert loaded(tmp_path, DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")[0] == 0
    assert loaded(tmp_path, DATABASE_URL=POSTGRES, CONN_MAX_AGE="0")[0] == 0


def test_sessions_are_read_from_redis_but_never_from_each_process_own_memory(tmp_path):
    redis = loaded(tmp_path, DATABASE_URL=POSTGRES, CACHE_URL="rediscache://127.0.0.1:6379/1")
    own_memory = loaded(tmp_path, DATABASE_URL=POSTGRES, CACHE_URL=None)
    assert redis[2] == "scrutiny.sessions"  # Django's cached_db, its cache copies kept briefly
    assert own_memory[2] == "django.contrib.sessions.backends.db"


@pytest.fixture
def redis_cache(tmp_path):
    server = PrivateRedis(tmp_path)
    server.start()
    caches = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": server.url}}
    with override_settings(CACHES=caches, SESSION_ENGINE="scrutiny.sessions"):
        yield
    server.stop()


@pytest.mark.django_db
def test_with_redis_a_signed_in_page_asks_the_database_nothing_about_the_session(redis_cache):
    client = Client()
    client.force_login(UserFactory())

    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("home"))

    assert response.status_code == 200
    assert [q["sql"] for q in queries if "django_session" in q["sql"]] == []


@pytest.mark.django_db
def test_with_redis_signing_out_ends_the_session_in_the_cache_too(redis_cache):
    client = Client()
    client.force_login(UserFactory())
    kept = client.cookies.output()
    client.post(reverse("accounts:logout"))

    # The old cookie, sent again (as from another tab or a copied cookie), signs no one in.
    replay = Client()
    replay.cookies.load(kept.split(": ", 1)[1])
    response = replay.get(reverse("home"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
