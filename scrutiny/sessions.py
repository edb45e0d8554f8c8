"""Signed-in people's sessions with a shared cache: read from the cache, written through to the
database (Django's cached_db), with the cache's copy kept for minutes rather than the session's
whole life.

Why: Redis may be unreachable at the moment someone signs out (or signs in again, which gives
them a new session key). The database row goes, but the cache's copy cannot be deleted. If
Redis then comes back with its data (a network split that heals, or a restart that reloads its
append-only file), that copy would sign the old cookie in again until it expired: with
cached_db's own rule, up to SESSION_COOKIE_AGE (12 hours). Kept at most SESSION_CACHE_SECONDS,
the old cookie can work for those few minutes at most, at the cost of reading each signed-in
person's session from the database once in that time.

`read_along(*keys)` reads other keys of the same cache in the same call as the session: the
language middleware asks for the site settings so, before anything reads the session, and the
request then makes one call to the cache for both.
"""

from typing import Any

from django.conf import settings
from django.contrib.sessions.backends import cached_db
from django.core.cache import DEFAULT_CACHE_ALIAS, cache
from django.core.cache.backends.base import BaseCache


class _ShortLived:
    """A cache whose entries are kept at most `seconds`, whatever timeout they are set with."""

    def __init__(self, cache: Any, seconds: int) -> None:
        self._cache = cache
        self._seconds = seconds

    def _capped(self, timeout: Any) -> Any:
        return self._seconds if timeout is None else min(timeout, self._seconds)

    def set(self, key: str, value: Any, timeout: Any = None) -> Any:
        return self._cache.set(key, value, self._capped(timeout))

    async def aset(self, key: str, value: Any, timeout: Any = None) -> Any:
        return await self._cache.aset(key, value, self._capped(timeout))

    def __contains__(self, key: str) -> bool:
        return key in self._cache

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cache, name)


class SessionStore(cached_db.SessionStore):
    # Django's cache of the session, set by cached_db (the stubs leave it out), wrapped here.
    _cache: "BaseCache | _ShortLived"

    def __init__(self, session_key: str | None = None) -> None:
        super().__init__(session_key)
        self._cache = _ShortLived(self._cache, settings.SESSION_CACHE_SECONDS)
        self._read_ahead: dict[str, Any] | None = None

    def read_along(self, *keys: str) -> dict[str, Any]:
        """What the default cache holds under `keys`, read in the same call as this session when
        it has not been read yet (it is then not read again)."""
        if (self.session_key is None or hasattr(self, "_session_cache")
                or settings.SESSION_CACHE_ALIAS != DEFAULT_CACHE_ALIAS):
            return cache.get_many(keys)
        found = dict(cache.get_many([*keys, self.cache_key]))
        self._read_ahead = found.pop(self.cache_key, None)
        return found

    def load(self) -> dict[str, Any]:
        if self._read_ahead is not None:  # else not read ahead, or not in the cache: as cached_db does
            data, self._read_ahead = self._read_ahead, None
            return data
        return super().load()
