"""Connections to Redis for the cache that give up quickly on a Redis that does not answer.

Each cache call waits at most CACHE_REDIS_TIMEOUT seconds (settings.py) and then counts as a
miss. A page makes several cache calls, so with a Redis that hangs, or a host that cannot be
reached, every page would wait that long several times over. Instead, once Redis has not
answered in time, this process does not ask it again for RESTING_SECONDS: its cache calls are
misses at once, and the page is made from the database. A refused connection (Redis stopped)
fails at once anyway, so it does not count: Redis is used again as soon as it is back.
"""

import time
from typing import Any

import redis
from redis.connection import Connection

RESTING_SECONDS = 5.0


class _Resting:
    until = 0.0  # time.monotonic() until which this process does not ask Redis


def rest() -> None:
    _Resting.until = time.monotonic() + RESTING_SECONDS


def stop_resting() -> None:
    _Resting.until = 0.0


class GiveUpQuicklyConnection(Connection):
    def connect_check_health(self, *args: Any, **kwargs: Any) -> Any:
        if time.monotonic() < _Resting.until:
            raise redis.exceptions.ConnectionError(
                "Redis did not answer a moment ago; not asked again yet"
            )
        try:
            return super().connect_check_health(*args, **kwargs)
        except redis.exceptions.TimeoutError:
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
