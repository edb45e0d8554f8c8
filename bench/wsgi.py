"""The WSGI application `make bench-load` serves: the product's, except that the no-middleware
baseline's address goes to a handler built with no middleware (bench/baselines.py)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
product = get_wsgi_application()

from bench.baselines import no_middleware_handler  # noqa: E402
from bench.urls import NO_MIDDLEWARE_PATH  # noqa: E402

no_middleware = no_middleware_handler()


def application(environ, start_response):  # type: ignore[no-untyped-def]
    if environ.get("PATH_INFO") == NO_MIDDLEWARE_PATH:
        return no_middleware(environ, start_response)
    return product(environ, start_response)
