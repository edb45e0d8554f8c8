"""Public pages on the real stack: two gunicorn processes sharing Redis as the cache, as deployed,
each keeping its own copy of the public pages it served (scrutiny/page_copies.py). A visit again is
served from that copy (the page is not read from Redis nor drawn again), and a change to what the
page shows is on both processes' pages at once."""

import redis
from django.test import override_settings
from django.utils import timezone

from recommendations.models import Status
from scrutiny.models import SiteSettings
from tests.factories.recommendations import RecommendationFactory
from tests.stack.conftest import _free_port

URL = "/recommendations/you-said-we-did/"


def verified(text):
    return RecommendationFactory(status=Status.VERIFIED, verified_at=timezone.now(), text=text)


def test_a_public_page_copied_by_two_processes_shows_a_change_on_both_at_once(stack, private_redis):
    stack.env.update(CACHE_URL=f"rediscache://127.0.0.1:{private_redis.port}/1")
    verified("Name the team in every letter.")
    site = SiteSettings.load()
    site.public_you_said_we_did = True
    site.save()
    second_port = _free_port()
    stack.start_web()
    stack.start_web("web2", port=second_port)
    browsers = [stack.browser(), stack.browser(second_port)]
    cache = redis.Redis.from_url(f"redis://127.0.0.1:{private_redis.port}/1")

    for browser in browsers:
        page = browser.get(URL)
        assert page.status_code == 200 and "Name the team in every letter." in page.text
    etag = page.headers["ETag"]
    kept = cache.keys("*public-page:*")
    assert len(kept) == 1
    cache.delete(*kept)  # only the processes' own copies are left
    for browser in browsers:
        page = browser.get(URL)
        assert page.status_code == 200 and page.headers["ETag"] == etag and "Name the team" in page.text
    assert cache.keys("*public-page:*") == []  # served from the copies, neither read nor drawn

    shared = {"default": {"BACKEND": "django_redis.cache.RedisCache",
                          "LOCATION": f"redis://127.0.0.1:{private_redis.port}/1"}}
    with override_settings(CACHES=shared):  # the write renews the page's version in the shared Redis
        verified("Answer the phone sooner.")

    for browser in browsers:
        page = browser.get(URL)
        assert "Answer the phone sooner." in page.text and page.headers["ETag"] != etag
    cache.close()
