"""Has anything changed? A generation of the data, new after every write to the database.

Every statement Django sends is watched (a database execute wrapper, installed on each new
connection): an INSERT, UPDATE, DELETE or anything else that is not a plain read starts a new
generation, whether it came from a form, a bulk `QuerySet.update()`, a Celery task or a
management command. Whatever is kept in the cache under a key holding the generation (pages
kept for a person, scrutiny/page_cache.py) is out of date as soon as anything is written.

A generation is started twice for a write inside a transaction: at once, and again when the
transaction commits. Once is not enough: a page drawn by another request while the
transaction is still open shows the data before it, and would otherwise be kept under the new
generation as if it were up to date.

Writes to tables that no kept page shows (sessions and where they were last used, sign-in
attempts, the audit trail, the outbox of background jobs) start nothing, so that reading a
page, which may write a session or an audit event, does not throw away every kept page.

The generation lives in the shared cache. While the cache is unavailable nothing is kept, and
a generation that could not be started then is owed: the process that wrote starts it as soon
as the cache answers again, so pages kept before the outage (Redis may come back with them) are
not served as current. A cache that comes back empty starts a new generation by itself.
"""

from __future__ import annotations

import re
import threading
import uuid
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.backends.signals import connection_created
from django.dispatch import receiver

from scrutiny import redis_cache

GENERATION_KEY = "scrutiny:data-generation"
# Tables written while pages are read, and shown on no kept page.
UNWATCHED_TABLES = frozenset({
    "django_session", "scrutiny_usersession", "axes_accessattempt", "axes_accesslog", "axes_accessfailurelog",
    "scrutiny_auditevent", "scrutiny_job",
})
READS = frozenset({"SELECT", "SAVEPOINT", "RELEASE", "SET", "SHOW", "EXPLAIN", "BEGIN", "COMMIT", "PRAGMA"})
_noting = threading.local()  # a cache kept in the database must not note its own writes
FIRST_WORD = re.compile(r"\s*(\w+)")
WRITTEN_TABLE = re.compile(r'\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE)


_owed: set[str] = set()  # generations this process could not start while the cache was away


def current(key: str) -> str:
    """The generation kept under `key` (one is started if there is none)."""
    if _owed and not redis_cache.resting():
        for owed in list(_owed):
            _start(owed)
    return str(cache.get_or_set(key, _new_value, None))


def generation() -> str:
    """The current generation of the data: part of the key of anything kept from it."""
    return current(GENERATION_KEY)


def start_new_generation() -> None:
    """Everything kept from the data so far is out of date (called for every write)."""
    _start(GENERATION_KEY)


def _new_value() -> str:
    return uuid.uuid4().hex


def _start(key: str) -> None:
    cache.set(key, _new_value(), None)
    if redis_cache.resting():  # the cache did not take it
        _owed.add(key)
    else:
        _owed.discard(key)


def renew(key: str) -> None:
    """Give the generation kept under `key` a new value now and, inside a transaction, again once
    it commits (for narrower generations than the data's, started by signals)."""
    _start(key)
    transaction.on_commit(lambda: _start(key))


def is_write(sql: str) -> bool:
    """Whether a statement may change data a kept page shows."""
    first = FIRST_WORD.match(sql)
    if first is None or first.group(1).upper() in READS:
        return False
    table = WRITTEN_TABLE.match(sql)
    return table is None or table.group(1).lower() not in UNWATCHED_TABLES


def data_changed(connection: Any) -> None:
    """Start a new generation now and, inside a transaction, again once it commits."""
    start_new_generation()
    if connection.in_atomic_block and not any(
        func is start_new_generation for _, func, _ in connection.run_on_commit
    ):
        transaction.on_commit(start_new_generation, using=connection.alias)


def watch_writes(execute: Callable, sql: Any, params: Any, many: bool, context: dict) -> Any:
    """The execute wrapper: run the statement, then note a write."""
    result = execute(sql, params, many, context)
    if not getattr(_noting, "now", False) and is_write(sql if isinstance(sql, str) else str(sql)):
        _noting.now = True
        try:
            data_changed(context["connection"])
        finally:
            _noting.now = False
    return result


@receiver(connection_created, dispatch_uid="scrutiny-watch-writes")
def _watch_new_connection(sender: Any, connection: Any, **kwargs: Any) -> None:
    # The wrapper object outlives its connection (reconnects call this again): add it once.
    if watch_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(watch_writes)
