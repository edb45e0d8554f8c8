"""Signing in by email and password (Django's ModelBackend), with the signed-in person kept in
the cache, so that a signed-in request reads no row of theirs from the database.

Django reads the person's row on every request (`get_user`), about a third of the CPU of a page
that does little else. Here the row is kept in the shared cache with the versions it was read
under (scrutiny/freshness.py): `person:<id>`, renewed by every save or deletion of the person
(accounts/apps.py), and the epoch. Any change to them (made inactive, a new password, a new role
or name, signed in again) gives the next request, in any process, the row afresh. People are
only ever changed by saving them, never by `QuerySet.update()`; seeding renews the epoch.

The kept copy holds no password hash: only the hash Django keeps in the session to check that
the password has not changed since sign-in (`get_session_auth_hash`), made with the site's secret
key, whose digest is part of what the copy is checked against. Code that asks for the password
(changing it) reads it from the database then, as Django does for a deferred field."""

from __future__ import annotations

import hashlib
from typing import Any

from asgiref.sync import sync_to_async
from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache

from accounts.models import User
from scrutiny import freshness

KEPT_SECONDS = 30 * 60  # checked against the versions on every request; this only frees memory


def person_version(user_id: Any) -> str:
    return f"person:{user_id}"


def _kept_key(user_id: Any) -> str:
    return f"signed-in:{user_id}"


def _secret_digest() -> str:
    # A new secret key signs everyone out (their sessions' hashes no longer match): so must it here.
    return hashlib.sha256(f"kept-person:{settings.SECRET_KEY}".encode()).hexdigest()[:16]


def forget(user_id: Any) -> None:
    """The person changed: the next request of theirs reads them afresh."""
    freshness.renew(person_version(user_id))


def _read(user_id: Any) -> User | None:
    versions, kept = freshness.versions_and(_kept_key(user_id), person_version(user_id))
    stamp = f"{versions}:{_secret_digest()}"
    if kept is not None and kept[0] == stamp:
        return kept[1]
    user = User._default_manager.filter(pk=user_id).first()
    if user is None:
        return None
    session_hash = user.get_session_auth_hash()
    copy = User.__new__(User)
    copy.__dict__.update({k: v for k, v in user.__dict__.items() if k not in ("password", "_password")})
    copy.__dict__["kept_session_hash"] = session_hash
    cache.set(_kept_key(user_id), (stamp, copy), KEPT_SECONDS)
    return user


class KeptPersonBackend(ModelBackend):
    """ModelBackend, reading the signed-in person from the cache where their row is unchanged."""

    def get_user(self, user_id: Any) -> User | None:
        user = _read(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None

    async def aget_user(self, user_id: Any) -> User | None:
        return await sync_to_async(self.get_user)(user_id)
