"""The two baselines every page is measured beside: the trivial view of bench/urls.py with no
middleware at all, and the same view behind the product's own middleware (settings.MIDDLEWARE).

A handler loads its middleware once, from settings.MIDDLEWARE; one loaded while that list is
empty calls the view directly (Django's exception handling around it is all that is left)."""

from __future__ import annotations

from django.core.handlers.wsgi import WSGIHandler
from django.test import Client, override_settings


def no_middleware_client() -> Client:
    """A test client whose handler runs no middleware: no session, no user, no security headers."""
    client = Client()
    with override_settings(MIDDLEWARE=[]):
        client.handler.load_middleware()
    return client


def no_middleware_handler() -> WSGIHandler:
    """A WSGI application like the product's, but built with no middleware."""
    with override_settings(MIDDLEWARE=[]):
        return WSGIHandler()
