"""With Redis as the cache, as deployed, a Redis that is down or hangs is a cache miss, never an
error: every cache call returns (a miss, or nothing stored) and the page is made from the
database. The cache settings are the ones production loads from CACHE_URL, read from a
subprocess; the calls run here. The same on the real stack, with gunicorn: tests/stack/test_faults.py."""

import json
import logging
import socket
import threading

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.test import Client, override_settings
from django.urls import reverse

from scrutiny import freshness, redis_cache
from tests.deploy.production import manage, production_env
from tests.factories.accounts import UserFactory
from tests.stack.services import free_port

PRINT = (
    "import json; from django.conf import settings as s; print(json.dumps({'CACHES': s.CACHES, "
    "'SESSION_ENGINE': s.SESSION_ENGINE, 'SESSION_CACHE_SECONDS': s.SESSION_CACHE_SECONDS, "
    "'DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS': s.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS}))"
)


def production_cache_settings(cache_url):
    env = production_env(DATABASE_URL="postgres://scrutiny@127.0.0.1:5432/never-connected-to",
                         CACHE_URL=cache_url)
    result = manage("shell", "-c", PRINT, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(autouse=True)
def _redis_asked_afresh():
    """Each test's first cache call asks Redis, whatever the test before it met."""
    redis_cache.stop_resting()
    yield
    redis_cache.stop_resting()


@pytest.fixture(scope="module")
def closed_port():
    """A port nothing listens on (Redis down: each connection is refused)."""
    return free_port()


@pytest.fixture(scope="module")
def loaded_settings(closed_port):
    return production_cache_settings(f"rediscache://127.0.0.1:{closed_port}/1")


@pytest.fixture
def redis_down(loaded_settings):
    with override_settings(**loaded_settings):
        yield caches["default"]


def test_a_redis_cache_url_gives_a_cache_that_ignores_redis_errors_after_a_second(loaded_settings):
    cache = loaded_settings["CACHES"]["default"]
    assert cache["BACKEND"] == "django_redis.cache.RedisCache"
    assert cache["OPTIONS"] == {
        "IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1.0, "SOCKET_TIMEOUT": 1.0,
        "CONNECTION_POOL_CLASS": "scrutiny.redis_cache.ConnectionPool",
    }
    assert loaded_settings["DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS"] is True
    assert loaded_settings["SESSION_ENGINE"] == "scrutiny.sessions"


def test_with_redis_down_every_cache_call_is_a_miss_and_the_first_is_logged(redis_down, caplog):
    cache = redis_down
    with caplog.at_level(logging.ERROR, logger="django_redis"):
        assert cache.get("figures") is None
        assert cache.get("figures", "default") == "default"
        assert not cache.set("figures", 1, 60)
        assert not cache.add("figures", 1, 60)
        assert cache.incr("hits") is None
        assert cache.get_or_set("generation", lambda: "made afresh", None) == "made afresh"
        assert cache.get_many(["a", "b"]) == {}
        assert not cache.delete("figures")

    # The first refusal is logged; the calls after it, made while Redis rests, are not.
    [ignored] = [r for r in caplog.records if r.name.startswith("django_redis")]
    assert ignored.getMessage() == "Exception ignored"
    assert "Connection refused" in str(ignored.exc_info[1])


class SilentServer:
    """Accepts connections and never answers, as a Redis that hangs; counts the connections."""

    def __init__(self):
        self.connections = []
        self.server = socket.create_server(("127.0.0.1", 0))
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                self.connections.append(self.server.accept()[0])
            except OSError:
                return

    def close(self):
        self.server.close()
        for conn in self.connections:
            conn.close()


@pytest.fixture
def redis_hangs(loaded_settings):
    silent = SilentServer()
    hung = json.loads(json.dumps(loaded_settings["CACHES"]))
    hung["default"]["LOCATION"] = f"redis://127.0.0.1:{silent.server.getsockname()[1]}/1"
    with override_settings(CACHES=hung):
        yield silent
    silent.close()


def test_a_redis_that_hangs_is_given_up_on_and_then_not_asked_for_a_few_seconds(redis_hangs):
    cache = caches["default"]
    assert cache.get("figures", "missed") == "missed"  # after CACHE_REDIS_TIMEOUT
    assert len(redis_hangs.connections) == 1

    # The calls that follow are misses at once: Redis is not asked again for RESTING_SECONDS.
    assert cache.get("figures", "missed") == "missed"
    assert cache.get_or_set("generation", lambda: "made afresh", None) == "made afresh"
    assert not cache.set("figures", 1, 60)
    assert len(redis_hangs.connections) == 1


@pytest.mark.django_db
def test_with_redis_down_a_signed_in_person_is_served_from_the_database(redis_down):
    client = Client()
    client.force_login(UserFactory())

    assert client.get(reverse("home")).status_code == 200
    assert client.get(reverse("accounts:profile")).status_code == 200

    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert not Session.objects.exists()


@pytest.mark.django_db
def test_a_session_left_in_redis_by_a_sign_out_it_missed_is_kept_there_for_minutes_only(
    private_redis, loaded_settings
):
    """A network split: Redis unreachable at sign-out, then back with its data. The old cookie's
    copy in the cache expires within SESSION_CACHE_SECONDS, not the session's 12 hours."""
    reachable = json.loads(json.dumps(loaded_settings))
    reachable["CACHES"]["default"]["LOCATION"] = private_redis.url
    client = Client()
    with override_settings(**reachable):
        client.force_login(UserFactory())
        assert client.get(reverse("home")).status_code == 200
    with override_settings(**loaded_settings):  # Redis unreachable
        assert client.post(reverse("accounts:logout")).status_code == 302
    assert not Session.objects.exists()
    redis_cache.stop_resting()  # Redis back after more than RESTING_SECONDS

    with override_settings(**reachable):  # back, with the copy the sign-out could not delete
        cache = caches["default"]
        [key] = cache.keys("django.contrib.sessions.cached_db*")
        left = cache.ttl(key)
    assert 0 < left <= loaded_settings["SESSION_CACHE_SECONDS"] == 300
    from django.conf import settings

    assert settings.SESSION_COOKIE_AGE > 300


def test_a_write_made_while_redis_hung_renews_its_version_once_it_answers(private_redis, loaded_settings):
    """A network split: a write while Redis does not answer cannot renew the version of the data
    it changed, and Redis comes back with the old one and what was kept under it. The process
    that wrote owes the renewal and makes it as soon as Redis answers, so that is not served."""
    reachable = json.loads(json.dumps(loaded_settings))
    reachable["CACHES"]["default"]["LOCATION"] = private_redis.url
    key = "reviews:review-version:1"
    with override_settings(**reachable):
        before = freshness.versions(key)
        with private_redis.paused():
            caches["default"].get("anything")  # waits a second, gives up: Redis is left alone
        assert redis_cache.resting()
        freshness.renew(key)  # a write meanwhile: Redis is not asked
        redis_cache.stop_resting()  # more than RESTING_SECONDS later
        assert before.endswith(caches["default"].get(key))  # back with its data
        assert freshness.versions(key) != before


@pytest.mark.django_db
def test_with_redis_down_a_review_is_drawn_afresh_every_time(redis_down):
    from tests.factories.panels import MembershipFactory
    from tests.factories.reviews import FindingFactory

    finding = FindingFactory(statement="Calls go unlogged.")
    member = UserFactory()
    MembershipFactory(panel=finding.review.panel, user=member)
    client = Client()
    client.force_login(member)
    path = f"/reviews/{finding.review.pk}/"
    assert "Calls go unlogged." in client.get(path).content.decode()
    finding.statement = "Calls are logged late."
    finding.save()
    assert "Calls are logged late." in client.get(path).content.decode()


def test_with_redis_down_reading_versions_leaves_the_cache_clients_answers_alone(redis_down):
    # django-redis answers every get_many with the same empty dict while Redis is down.
    assert freshness.versions("reviews:review-version:1") != freshness.versions("reviews:review-version:1")
    assert redis_down.get_many(["a", "b"]) == {}
