"""Has this part of the data changed? Versions, each renewed only when the data it names changes.

Whatever is kept in the cache is kept under a key holding the versions of the data it shows:
one review's findings (reviews/findings_section.py), one panel's figures (panels/signals.py),
one panel's recommendations (recommendations/signals.py). The signals of the models a version
names renew it, with `renew`, and so do the services that write those models in bulk
(`QuerySet.update()`, `bulk_create`), which send no signals. A write elsewhere leaves it alone,
so a finding logged in one review does not throw away what is kept for another.

A version is renewed twice for a write inside a transaction: at once, and again when the
transaction commits. Once is not enough: a fragment drawn by another request while the
transaction is still open shows the data before it, and would otherwise be kept under the new
version as if it were up to date.

Every key also holds the epoch, renewed by `renew_everything()`: after seeding and after
migrations, which write in bulk and may touch anything.

`read_along(*keys)` reads more versions in the same cache call as the next `versions()`: the public
pages ask for a page's version and the site settings' in one round trip (scrutiny/public_cache.py).

The versions live in the shared cache. While the cache is unavailable nothing is kept, and a
version that could not be renewed then is owed: the process that wrote renews it as soon as
the cache answers again, so fragments kept before the outage (Redis may come back with them)
are not served as current. A cache that comes back empty starts new versions by itself.
"""

from __future__ import annotations

import hashlib
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.core.cache import cache
from django.db import transaction

from scrutiny import redis_cache

EPOCH_KEY = "scrutiny:data-epoch"

_owed: set[str] = set()  # versions this process could not renew while the cache was away
_at_commit = threading.local()  # versions to renew again when the open transaction commits
_along: ContextVar[tuple[tuple[str, ...], dict[str, str]] | None] = ContextVar("read_along", default=None)


def _new_value() -> str:
    return uuid.uuid4().hex


def _settle_owed() -> None:
    if _owed and not redis_cache.resting():
        for owed in list(_owed):
            _start(owed)


def versions(*keys: str) -> str:
    """The current versions kept under `keys` and the epoch, in one cache call (a version is
    started for any there is none of): part of the key of anything kept from that data."""
    return _versions(keys)[0]


def versions_and(kept: str, *keys: str) -> tuple[str, Any]:
    """`versions(*keys)` and whatever is kept under `kept` (None when nothing is), in the same
    cache call: for what is kept with the versions it was made under, and checked against them."""
    joined, found = _versions(keys, kept)
    return joined, found.get(kept)


def _versions(keys: tuple[str, ...], *kept: str) -> tuple[str, dict[str, Any]]:
    _settle_owed()
    wanted = [EPOCH_KEY, *keys]
    along = _along.get()
    extra = [key for key in along[0] if key not in wanted] if along else []
    # A copy: with Redis down, django-redis answers every get_many with one shared empty dict.
    found = dict(cache.get_many([*wanted, *extra, *kept]))
    for key in [*wanted, *extra]:
        if key not in found:
            value = _new_value()
            cache.add(key, value, None)  # another process may have just started one: keep theirs
            found[key] = cache.get(key, value)
    if along:
        along[1].update({key: str(found[key]) for key in (EPOCH_KEY, *along[0])})
    return ":".join(str(found[key]) for key in wanted), found


@contextmanager
def read_along(*keys: str) -> Iterator[dict[str, str]]:
    """Inside the block, `versions()` also reads the versions kept under `keys` (and the epoch), in
    the same cache call, into the dict given: empty while no version was read."""
    found: dict[str, str] = {}
    token = _along.set((keys, found))
    try:
        yield found
    finally:
        _along.reset(token)


def digest(*keys: str) -> str:
    """The versions kept under `keys` (and the epoch) as 16 characters, for short cache keys and
    ETags: any renewal of one of them gives a new digest."""
    return hashlib.sha256(versions(*keys).encode()).hexdigest()[:16]


def _start(key: str) -> None:
    cache.set(key, _new_value(), None)
    if redis_cache.resting():  # the cache did not take it
        _owed.add(key)
    else:
        _owed.discard(key)


def _renew_pending() -> None:
    pending, _at_commit.keys = getattr(_at_commit, "keys", set()), set()
    for key in pending:
        _start(key)


def renew(*keys: str) -> None:
    """Give the versions kept under `keys` new values now and, inside a transaction, again once
    it commits (each once, however many writes the transaction makes)."""
    for key in keys:
        _start(key)
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        return
    if not any(func is _renew_pending for _, func, _ in connection.run_on_commit):
        _at_commit.keys = set()  # left from a transaction rolled back
        transaction.on_commit(_renew_pending)
    _at_commit.keys.update(keys)


def renew_everything(**kwargs: Any) -> None:
    """Every version at once: after seeding or migrating, which write in bulk."""
    renew(EPOCH_KEY)

