"""Where each person is signed in: a row per session, made at sign-in, its "last used" noted at
most once a minute, moved with the session's key, gone at sign-out, and ended at once, in the
database and the cache alike."""

import datetime

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from scrutiny import user_sessions
from scrutiny.models import UserSession
from tests.factories.accounts import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

PHONE = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
         "Chrome/131.0.0.0 Mobile Safari/537.36")


def _sign_in(client, user, **headers):
    response = client.post(
        reverse("accounts:login"), {"username": user.email, "password": PASSWORD}, **headers
    )
    assert response.status_code == 302
    return UserSession.objects.get(session_key=client.session.session_key)


def _writes_to_the_list(queries):
    sql = [q["sql"] for q in queries]
    return [s for s in sql if "scrutiny_usersession" in s and not s.startswith("SELECT")]


def test_signing_in_notes_the_browser_and_the_address_the_request_came_from(client):
    user = UserFactory()
    row = _sign_in(client, user, HTTP_USER_AGENT=PHONE, HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert (row.user, row.user_agent, row.ip_address) == (user, PHONE, "203.0.113.7")


def test_last_used_is_written_at_most_once_a_minute(client):
    user = UserFactory()
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        row = _sign_in(client, user)
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("home"))
            client.get(reverse("accounts:profile"))
        assert _writes_to_the_list(queries) == []
    with time_machine.travel(start + datetime.timedelta(seconds=61), tick=False):
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("home"), HTTP_X_FORWARDED_FOR="198.51.100.2")
            client.get(reverse("accounts:profile"))
        assert len(_writes_to_the_list(queries)) == 1
    row.refresh_from_db()
    assert row.last_used_at == start + datetime.timedelta(seconds=61)
    assert row.ip_address == "198.51.100.2"


def test_the_row_follows_the_session_to_its_new_key_on_a_password_change(client):
    user = UserFactory()
    row = _sign_in(client, user)
    old_key = client.session.session_key
    client.post(reverse("accounts:password-change"), {
        "old_password": PASSWORD,
        "new_password1": "quiet river lantern", "new_password2": "quiet river lantern",
    })
    assert client.session.session_key != old_key
    row.refresh_from_db()
    assert row.session_key == client.session.session_key


def test_signing_out_removes_the_row(client):
    _sign_in(client, UserFactory())
    client.post(reverse("accounts:logout"))
    assert UserSession.objects.count() == 0


def test_a_session_from_before_the_list_is_added_on_its_next_use(client):
    user = UserFactory()
    client.force_login(user)
    UserSession.objects.all().delete()
    session = client.session
    del session[user_sessions.NOTED]
    session.save()
    client.get(reverse("home"))
    assert UserSession.objects.get().session_key == client.session.session_key


def test_sessions_signed_in_before_the_list_existed_are_put_on_it():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("scrutiny.migrations.0011_note_existing_sessions")
    user = UserFactory()
    browser, anonymous = Client(), Client()
    browser.force_login(user)
    anonymous.get(reverse("accounts:login"))
    UserSession.objects.all().delete()

    migration.note_existing_sessions(apps, None)

    assert list(UserSession.objects.values_list("user", "session_key")) == [
        (user.pk, browser.session.session_key)]


def test_clearing_up_removes_expired_sessions_and_rows_of_ended_ones(client):
    kept, expired, vanished = Client(), Client(), Client()
    for c in (kept, expired, vanished):
        c.force_login(UserFactory())
    Session.objects.filter(session_key=expired.session.session_key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1))
    Session.objects.filter(session_key=vanished.session.session_key).delete()

    assert user_sessions.clear_expired() == 2

    assert list(UserSession.objects.values_list("session_key", flat=True)) == [kept.session.session_key]
    assert not Session.objects.filter(session_key=expired.session.session_key).exists()


@pytest.fixture
def redis_sessions(private_redis):
    caches = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": private_redis.url}}
    with override_settings(CACHES=caches, SESSION_ENGINE="scrutiny.sessions"):
        yield


def test_with_redis_an_ended_session_stops_working_at_once(redis_sessions):
    user = UserFactory()
    phone, laptop = Client(), Client()
    phone.force_login(user)
    laptop.force_login(user)
    assert phone.get(reverse("home")).status_code == 200  # its copy is now in the cache

    ended = user_sessions.end(UserSession.objects.filter(session_key=phone.cookies["sessionid"].value))

    assert ended == 1
    response = phone.get(reverse("home"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
    assert laptop.get(reverse("home")).status_code == 200


def test_a_page_within_the_minute_does_not_ask_the_cache_whether_its_use_was_noted(client, monkeypatch):
    from django.core.cache import cache

    _sign_in(client, UserFactory())
    client.get(reverse("home"))
    asked = []
    real_add = cache.add

    def add(key, *args, **kwargs):
        asked.append(key)
        return real_add(key, *args, **kwargs)

    monkeypatch.setattr(cache, "add", add)
    client.get(reverse("home"))
    client.get(reverse("accounts:profile"))
    assert [key for key in asked if key.startswith("session-used:")] == []
