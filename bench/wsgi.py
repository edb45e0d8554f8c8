"""The WSGI application `make bench-load` serves: the product's, except that the no-middleware
baseline's address goes to a handler built with no middleware (bench/baselines.py). Pages served
from the page cache, if the product has one, are counted in the cache under PAGE_CACHE_HITS."""

import os
from typing import Any

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
product = get_wsgi_application()

from django.core.cache import cache  # noqa: E402 - after Django is set up

from bench.baselines import no_middleware_handler  # noqa: E402
from bench.urls import NO_MIDDLEWARE_PATH  # noqa: E402

no_middleware = no_middleware_handler()
PAGE_CACHE_HITS: str | None = None

try:
    from scrutiny import page_cache
except ImportError:  # no page cache: nothing to count
    pass
else:
    PAGE_CACHE_HITS = "bench:page-cache-hits"
    _served = page_cache._served

    def _counted(*args: Any, **kwargs: Any) -> Any:
        try:
            cache.incr(PAGE_CACHE_HITS)  # set to 0 by bench.load before the mixed load
        except ValueError:
            cache.set(PAGE_CACHE_HITS, 1, None)
        return _served(*args, **kwargs)

    page_cache._served = _counted


def application(environ, start_response):  # type: ignore[no-untyped-def]
    if environ.get("PATH_INFO") == NO_MIDDLEWARE_PATH:
        return no_middleware(environ, start_response)
    return product(environ, start_response)
