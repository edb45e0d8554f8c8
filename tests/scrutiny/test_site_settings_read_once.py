"""A page reads the site settings from the cache once, however many parts of the layout ask
(the language middleware, the layout's footer and its language link), and shows a change to
them on the next page."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from scrutiny.models import SiteSettings
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


def _reads_of_site_settings(client, monkeypatch, path):
    reads = []
    real_get = cache.get

    def get(key, *args, **kwargs):
        reads.append(key)
        return real_get(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", get)
    response = client.get(path)
    monkeypatch.undo()
    assert response.status_code == 200
    return [key for key in reads if key == SiteSettings.CACHE_KEY], response


def test_signed_in_page_reads_the_site_settings_once(client, monkeypatch):
    site = SiteSettings.load()
    site.welsh = True  # the language link asks too
    site.save()
    client.force_login(UserFactory())
    client.get(reverse("accessibility"))
    reads, response = _reads_of_site_settings(client, monkeypatch, reverse("accessibility"))
    assert reads == [SiteSettings.CACHE_KEY]
    assert "Cymraeg" in response.content.decode()


def test_a_change_to_the_site_settings_shows_on_the_next_page(client):
    client.force_login(UserFactory())
    client.get(reverse("accessibility"))
    site = SiteSettings.load()
    site.landlord_name = "Riverside Homes"
    site.save()
    assert "Riverside Homes" in client.get(reverse("accessibility")).content.decode()


def test_the_session_is_read_in_the_same_cache_call_as_the_site_settings(client, settings, monkeypatch):
    settings.SESSION_ENGINE = "scrutiny.sessions"  # as deployed: sessions kept in the cache
    client.force_login(UserFactory())
    client.get(reverse("accessibility"))
    calls: list[list[str]] = []
    inside: list[bool] = []  # the tests' cache answers get_many with get, key by key
    real_get, real_get_many = cache.get, cache.get_many

    def get(key, *args, **kwargs):
        if not inside:
            calls.append([key])
        return real_get(key, *args, **kwargs)

    def get_many(keys, *args, **kwargs):
        calls.append(list(keys))
        inside.append(True)
        try:
            return real_get_many(keys, *args, **kwargs)
        finally:
            inside.pop()

    monkeypatch.setattr(cache, "get", get)
    monkeypatch.setattr(cache, "get_many", get_many)
    response = client.get(reverse("accessibility"))
    monkeypatch.undo()
    assert response.context["user"].is_authenticated
    session_key = client.cookies[settings.SESSION_COOKIE_NAME].value
    reading_session = [keys for keys in calls if any(k.endswith(session_key) for k in keys)]
    assert len(reading_session) == 1
    assert SiteSettings.CACHE_KEY in reading_session[0]
