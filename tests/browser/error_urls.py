"""The site's URLs plus two that fail, so the browser can be shown the real 500 and 503 pages."""

from django.db import OperationalError
from django.urls import path

from scrutiny.urls import handler500  # noqa: F401 - used by Django
from scrutiny.urls import urlpatterns as site_urlpatterns


def fails(request):
    raise RuntimeError("A fault in the page, as a bug would cause.")


def database_refuses(request):
    raise OperationalError("sorry, too many clients already")


urlpatterns = [
    path("test-errors/500/", fails),
    path("test-errors/503/", database_refuses),
    *site_urlpatterns,
]
