"""The signed-in person is kept in the cache (accounts/backends.py): a signed-in request reads no
row of theirs, and any change to them reaches their very next request."""

import pytest
from django.contrib.auth import HASH_SESSION_KEY
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Role
from scrutiny import user_sessions
from scrutiny.models import UserSession
from tests.factories.accounts import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _sign_in(client, user):
    response = client.post(reverse("accounts:login"), {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302


def _people_read(queries):
    return [q["sql"] for q in queries if 'FROM "accounts_user"' in q["sql"]]


def _signed_in(client):
    response = client.get(reverse("accounts:profile"))
    return response.status_code == 200


def test_signed_in_page_reads_the_person_once_then_from_the_cache(client, settings):
    settings.SESSION_ENGINE = "scrutiny.sessions"  # as deployed: sessions read from the cache too
    _sign_in(client, UserFactory())
    client.get(reverse("accessibility"))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("accessibility"))
    assert response.status_code == 200
    assert response.context["user"].is_authenticated
    assert _people_read(queries) == []
    assert [q["sql"] for q in queries] == []


def test_another_person_saved_leaves_the_kept_person_kept(client):
    _sign_in(client, UserFactory())
    client.get(reverse("accessibility"))
    other = UserFactory()
    other.display_name = "Someone Else"
    other.save()
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("accessibility"))
    assert _people_read(queries) == []


def test_person_made_inactive_is_refused_on_their_next_request(client):
    user = UserFactory()
    _sign_in(client, user)
    assert _signed_in(client)
    user.is_active = False
    user.save()
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_password_changed_elsewhere_signs_the_person_out_on_their_next_request(client):
    user = UserFactory()
    _sign_in(client, user)
    assert _signed_in(client)
    user.set_password("another-long-password-2")
    user.save()
    assert not _signed_in(client)


def test_role_changed_reaches_the_next_request(client):
    user = UserFactory(role=Role.TENANT)
    _sign_in(client, user)
    assert client.get(reverse("administration")).status_code == 403
    user.role = Role.ADMIN
    user.save()
    assert client.get(reverse("administration")).status_code == 200
    user.role = Role.TENANT
    user.save()
    assert client.get(reverse("administration")).status_code == 403


def test_signed_out_everywhere_is_refused_on_the_next_request(client):
    user = UserFactory()
    _sign_in(client, user)
    assert _signed_in(client)
    user_sessions.end(UserSession.objects.filter(user=user))
    assert not _signed_in(client)


def test_new_secret_key_signs_the_kept_person_out(client, settings):
    _sign_in(client, UserFactory())
    assert _signed_in(client)
    settings.SECRET_KEY = "another-secret-key-for-this-test-only-0123456789"
    assert not _signed_in(client)


def test_kept_copy_holds_no_password_hash_yet_changing_the_password_works(client):
    user = UserFactory()
    _sign_in(client, user)
    client.get(reverse("accessibility"))
    stamp, kept = cache.get(f"signed-in:{user.pk}")
    assert "password" not in kept.__dict__
    assert kept.get_session_auth_hash() == client.session[HASH_SESSION_KEY]
    response = client.post(reverse("accounts:password-change"), {
        "old_password": PASSWORD, "new_password1": "a-new-long-password-3",
        "new_password2": "a-new-long-password-3",
    })
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("a-new-long-password-3")
    assert _signed_in(client)  # this browser stays signed in after its own change
