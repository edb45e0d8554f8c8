"""The product's URLs plus the bare view, for benchmarks only."""

from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.urls import include, path

BARE_PATH = "/bench/bare/"


def bare(request: HttpRequest) -> HttpResponse:
    """The least a Django view does: one `SELECT 1` and a fixed response."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse(b"<!doctype html><title>bare</title><p>ok</p>", content_type="text/html")


urlpatterns = [
    path(BARE_PATH.strip("/") + "/", bare, name="bench-bare"),
    path("", include("scrutiny.urls")),
]
