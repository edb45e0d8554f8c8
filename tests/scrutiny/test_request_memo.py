"""The site settings are read from the cache once per request, and a change shows at once."""

from unittest import mock

import pytest
from django.core.cache import cache

from scrutiny import request_memo
from scrutiny.models import SiteSettings

pytestmark = pytest.mark.django_db


def _cache_reads_during(work):
    with mock.patch.object(cache, "get", wraps=cache.get) as get:
        work()
    return [c for c in get.call_args_list if c.args and c.args[0] == SiteSettings.CACHE_KEY]


def test_read_once_in_a_request_and_a_change_shows_at_once():
    SiteSettings.load()
    # As a request's start and end do (sending the signals here would also close the database
    # connection, as the end of a request does).
    request_memo._start()
    try:
        reads = _cache_reads_during(lambda: [SiteSettings.load() for _ in range(3)])
        assert len(reads) == 1
        site = SiteSettings.load()
        site.landlord_name = "Renamed Homes"
        assert SiteSettings.load().landlord_name != "Renamed Homes"  # each caller has its own copy
        site.save()
        assert SiteSettings.load().landlord_name == "Renamed Homes"
    finally:
        request_memo._end()


def test_nothing_is_kept_outside_a_request():
    SiteSettings.load()
    reads = _cache_reads_during(lambda: [SiteSettings.load() for _ in range(3)])
    assert len(reads) == 3


def test_pages_read_the_settings_once(client, django_user_model):
    user = django_user_model.objects.create_user(email="memo@example.org", password="x-long-password-1")
    client.force_login(user)
    reads = _cache_reads_during(lambda: client.get("/accessibility"))
    assert len(reads) == 1
