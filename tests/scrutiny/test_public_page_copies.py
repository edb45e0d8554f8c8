"""Each process's own copies of the public pages (scrutiny/page_copies.py): a visit again reads
only the versions from the cache; a change shows at once on every process; Welsh and English
stay apart; the site's languages are read along with the page's version; memory stays bounded."""

import gzip
from contextlib import contextmanager
from unittest import mock

import pytest
from django.core.cache import cache
from django.utils import timezone

from recommendations.models import Status
from scrutiny import public_cache
from scrutiny.models import SiteSettings
from scrutiny.page_copies import Copies, Page, copies
from tests.factories.recommendations import RecommendationFactory

pytestmark = pytest.mark.django_db

URL = "/recommendations/you-said-we-did/"


@pytest.fixture
def public():
    RecommendationFactory(status=Status.VERIFIED, verified_at=timezone.now(),
                          text="Name the team in every letter.")
    site = SiteSettings.load()
    site.public_you_said_we_did, site.welsh, site.first_language = True, True, "en-gb"
    site.save()


@contextmanager
def cache_reads():
    """The calls made to the shared cache, by name (the test cache's get_many calls its get: those
    are not counted again)."""
    calls: list[str] = []
    originals = {name: getattr(cache, name) for name in ("get", "get_many")}
    inside = []

    def counted(name):
        def call(*args, **kwargs):
            if not inside:
                calls.append(name)
            inside.append(name)
            try:
                return originals[name](*args, **kwargs)
            finally:
                inside.pop()
        return call

    with mock.patch.object(cache, "get", counted("get")), \
            mock.patch.object(cache, "get_many", counted("get_many")):
        yield calls


@contextmanager
def another_process():
    """Requests inside are served as by another web process: its own copies, the same cache."""
    with mock.patch.object(public_cache, "copies", Copies()) as its_copies:
        yield its_copies


def test_a_visit_again_reads_only_the_versions_from_the_cache_in_one_call(client, public):
    first = client.get(URL)
    with cache_reads() as calls:
        again = client.get(URL)
    assert again.status_code == 200 and again.content == first.content
    assert calls == ["get_many"]  # the page's version and the site settings', together


def test_a_page_copied_by_two_processes_changes_on_both_at_once(client, public):
    before = client.get(URL)
    with another_process() as other:
        assert client.get(URL).content == before.content
        assert len(other) == 1  # read from the shared cache, copied

    RecommendationFactory(status=Status.VERIFIED, verified_at=timezone.now(), text="Answer the phone sooner.")

    assert "Answer the phone sooner." in client.get(URL).content.decode()
    with another_process():
        after = client.get(URL)
    assert "Answer the phone sooner." in after.content.decode() and after["ETag"] != before["ETag"]


def test_a_copied_page_keeps_its_headers_and_is_sent_compressed_or_plain(client, public):
    first = client.get(URL)
    compressed = client.get(URL, headers={"accept-encoding": "gzip"})
    plain = client.get(URL)
    assert gzip.decompress(compressed.content) == plain.content == first.content
    assert compressed["Content-Length"] == str(len(compressed.content))
    assert plain["Content-Length"] == str(len(plain.content)) and "Content-Encoding" not in plain
    for response in (compressed, plain):
        assert response["ETag"] == first["ETag"] and response["Cache-Control"] == first["Cache-Control"]
        assert response["Content-Security-Policy"] and "Accept-Encoding" in response["Vary"]
    assert client.get(URL, headers={"if-none-match": first["ETag"]}).status_code == 304


def test_the_welsh_page_is_copied_apart_from_the_english(client, public):
    english = client.get(URL)
    welsh = client.get("/cy" + URL)
    assert english.content != welsh.content and english["ETag"] != welsh["ETag"]
    assert 'lang="cy"' in client.get("/cy" + URL).content.decode()
    assert 'lang="en-GB"' in client.get(URL).content.decode()


def test_making_welsh_the_first_language_sends_visitors_to_the_welsh_page_at_once(client, public):
    assert client.get(URL, headers={"accept": "text/html"}).status_code == 200  # copied
    site = SiteSettings.load()
    site.first_language = "cy"
    site.save()
    response = client.get(URL, headers={"accept": "text/html"})
    assert response.status_code == 302 and response["Location"] == "/cy" + URL


def test_making_the_page_private_takes_every_copy_away_at_once(client, public):
    client.get(URL)
    with another_process():
        client.get(URL)
    site = SiteSettings.load()
    site.public_you_said_we_did = False
    site.save()
    assert client.get(URL).status_code == 302
    with another_process():
        assert client.get(URL).status_code == 302


def _page(size):
    return Page(headers=[], gzip=b"x" * size)


def test_copies_stay_within_their_memory_pushing_out_the_least_recently_used(settings):
    settings.PUBLIC_PAGE_MEMORY = 1000
    kept = Copies()
    for key in "abcd":
        kept.put(key, _page(240))
    kept.get("a")  # used again: kept in place of the next oldest
    kept.put("e", _page(240))
    assert kept.size <= 1000 and kept.get("b") is None
    assert all(kept.get(key) is not None for key in "acde")


def test_a_page_larger_than_a_quarter_of_the_memory_is_not_copied(settings):
    settings.PUBLIC_PAGE_MEMORY = 1000
    kept = Copies()
    kept.put("small", _page(200))
    kept.put("large", _page(251))
    assert kept.get("large") is None and kept.get("small") is not None and kept.size == 200


def test_with_no_memory_no_page_is_copied_and_pages_are_still_served(client, public, settings):
    settings.PUBLIC_PAGE_MEMORY = 0
    first = client.get(URL)
    assert client.get(URL).content == first.content and len(copies) == 0


def test_a_page_too_large_once_plain_keeps_its_compressed_copy(settings):
    settings.PUBLIC_PAGE_MEMORY = 1000
    kept = Copies()
    kept.put("page", _page(200))
    kept.put("page", Page(headers=[], gzip=b"x" * 200, plain=b"y" * 100))
    assert kept.get("page").plain is None and kept.size == 200
