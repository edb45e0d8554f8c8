"""Connections to Redis for the cache that give up quickly on a Redis that is down or hangs.

Each cache call waits at most CACHE_REDIS_TIMEOUT seconds (settings.py) and then counts as a
miss. A page makes several cache calls, so with a Redis that hangs, or a host that cannot be
reached, every page would wait that long several times over. Instead, once Redis has not
answered in time or refused a connection, this process does not ask it again for
RESTING_SECONDS: its cache calls are misses at once (the page is made from the database), and
only the first failure is logged, not every call's. Redis is used again that many seconds
after it is back.
"""

import logging
import time
from typing import Any

import redis
from redis.connection import Connection

RESTING_SECONDS = 5.0
NOT_ASKED = "Redis could not be reached a moment ago; not asked again yet"


class _Resting:
    until = 0.0  # time.monotonic() until which this process does not ask Redis


def rest() -> None:
    _Resting.until = time.monotonic() + RESTING_SECONDS


def resting() -> bool:
    """Whether this process is leaving Redis alone after it failed to answer."""
    return time.monotonic() < _Resting.until


def stop_resting() -> None:
    _Resting.until = 0.0


class GiveUpQuicklyConnection(Connection):
    def connect_check_health(self, *args: Any, **kwargs: Any) -> Any:
        if time.monotonic() < _Resting.until:
            raise redis.exceptions.ConnectionError(NOT_ASKED)
        try:
            return super().connect_check_health(*args, **kwargs)
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError):
            rest()
            raise

    def read_response(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().read_response(*args, **kwargs)
        except redis.exceptions.TimeoutError:
            rest()
            raise


class ConnectionPool(redis.ConnectionPool):
    def __init__(self, connection_class: type = GiveUpQuicklyConnection, **kwargs: Any) -> None:
        super().__init__(connection_class=connection_class, **kwargs)


class QuietWhileResting(logging.Filter):
    """Leaves out django-redis's log of each call that was a miss because Redis is resting."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        return not (error is not None and NOT_ASKED in str(error))
