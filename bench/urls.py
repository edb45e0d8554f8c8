"""The product's URLs plus the two baseline views, for benchmarks only."""

from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.urls import path

from scrutiny.urls import urlpatterns as product_urlpatterns

# The same trivial view at two addresses: behind the product's middleware at BARE_PATH, and with
# no middleware at all at NO_MIDDLEWARE_PATH (bench/wsgi.py sends that address to a handler built
# with an empty MIDDLEWARE; the benchmark's own client does the same, bench/baselines.py).
BARE_PATH = "/bench/bare/"
NO_MIDDLEWARE_PATH = "/bench/no-middleware/"


def bare(request: HttpRequest) -> HttpResponse:
    """The least a Django view does: one `SELECT 1` and a fixed response."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse(b"<!doctype html><title>bare</title><p>ok</p>", content_type="text/html")


urlpatterns = [
    path(BARE_PATH.strip("/") + "/", bare, name="bench-bare"),
    path(NO_MIDDLEWARE_PATH.strip("/") + "/", bare, name="bench-no-middleware"),
    # The product's own list, not included: Django allows the language prefix (i18n_patterns)
    # only in the root URLconf.
    *product_urlpatterns,
]
