"""What one request has read from the cache already, kept until the request ends.

Several parts of a page ask for the same thing (the site settings: the language middleware,
the context processor, the language link), each a round trip to Redis and an unpickling. A
value kept here lives only while a request is being answered, in the thread answering it:
nothing is kept outside requests (background workers, commands), and whatever changes the value
forgets it here as it renews it in the cache."""

from __future__ import annotations

import copy
import threading
from typing import Any

from django.core.signals import request_finished, request_started
from django.dispatch import receiver

_here = threading.local()


def get(key: str) -> Any:
    """A copy of the value kept under `key` in this request (a caller may change its own), or None."""
    kept = getattr(_here, "kept", None)
    value = None if kept is None else kept.get(key)
    return None if value is None else copy.copy(value)


def keep(key: str, value: Any) -> None:
    """Keep `value` until this request ends (nothing is kept outside a request)."""
    kept = getattr(_here, "kept", None)
    if kept is not None:
        kept[key] = value


def forget(key: str) -> None:
    kept = getattr(_here, "kept", None)
    if kept is not None:
        kept.pop(key, None)


@receiver(request_started, dispatch_uid="scrutiny-request-memo-start")
def _start(**kwargs: Any) -> None:
    _here.kept = {}


@receiver(request_finished, dispatch_uid="scrutiny-request-memo-end")
def _end(**kwargs: Any) -> None:
    _here.kept = None
