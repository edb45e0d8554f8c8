"""Where each person is signed in: a UserSession row for each signed-in session, made at
sign-in, noted as used (when, from which address, in which browser) by the middleware below,
and ended by `end`, which deletes the session from the database and from the cache alike
(scrutiny/sessions.py keeps a copy there), so an ended session stops working at once.

The session itself holds [its UserSession's id, the key it was noted under]: when Django gives
the session a new key (on a password change), the row moves with it at the end of that request.
"""

import time
from collections.abc import Callable
from importlib import import_module
from typing import Any

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.core.cache import cache, caches
from django.db.models import Exists, OuterRef, QuerySet
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from scrutiny.audit import client_ip
from scrutiny.models import UserSession

NOTED = "_scrutiny_user_session"
# A session's "last used" is written at most this often, so that a page costs no write.
USE_NOTED_EVERY = 60
# When this process last marked a session noted in the cache, by (row id, session key): until that
# mark expires, a page need not ask the cache again (one call fewer on almost every request).
_marked: dict[tuple[int, str | None], float] = {}
MARKS_KEPT = 10_000


def _store() -> Any:
    return import_module(settings.SESSION_ENGINE).SessionStore


def _where_from(request: HttpRequest) -> dict[str, Any]:
    return {
        "user_agent": request.META.get("HTTP_USER_AGENT", "")[:500],
        "ip_address": client_ip(request),
        "last_used_at": timezone.now(),
    }


def current_id(request: HttpRequest | None) -> int | None:
    """The UserSession id of the request's own session (None if it has none)."""
    session = getattr(request, "session", None)
    if session is None:
        return None
    noted = session.get(NOTED)
    if noted:
        return noted[0]
    # A session not yet noted by this request's end (signed in before the list existed).
    return UserSession.objects.filter(session_key=session.session_key).values_list("pk", flat=True).first()


def _note(request: HttpRequest, user_id: Any, noted: list | None) -> None:
    """Write the session's row afresh (its key may be new) and remember it in the session."""
    session = request.session
    key = session.session_key
    moved = noted and UserSession.objects.filter(pk=noted[0], user_id=user_id).update(
        session_key=key, **_where_from(request)
    )
    if moved:
        record_id = noted[0]
    else:
        record, _ = UserSession.objects.update_or_create(
            session_key=key, defaults={"user_id": user_id, **_where_from(request)}
        )
        record_id = record.pk
    session[NOTED] = [record_id, key]
    cache.set(_noted_lately(record_id), True, USE_NOTED_EVERY)
    _mark(record_id, key)


def _mark(record_id: int, key: str | None) -> None:
    now = time.time()
    if len(_marked) >= MARKS_KEPT:  # forget sessions whose mark has expired
        for old in [k for k, until in _marked.items() if until <= now]:
            del _marked[old]
    _marked[(record_id, key)] = now + USE_NOTED_EVERY


def _marked_lately(record_id: int, key: str | None) -> bool:
    return _marked.get((record_id, key), 0.0) > time.time()


def _noted_lately(record_id: int) -> str:
    return f"session-used:{record_id}"


@receiver(user_logged_in, dispatch_uid="scrutiny-session-signed-in")
def _signed_in(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    session = getattr(request, "session", None)
    if session is None:
        return
    if session.session_key is None:  # a session flushed at sign-in gets its key when saved
        session.save()
    UserSession.objects.filter(session_key=session.session_key).delete()
    _note(request, user.pk, None)


@receiver(user_logged_out, dispatch_uid="scrutiny-session-signed-out")
def _signed_out(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    session = getattr(request, "session", None)
    if session is not None and session.session_key:
        UserSession.objects.filter(session_key=session.session_key).delete()


class SessionUseMiddleware:
    """Note when and from where each signed-in session is used: at once when its key is new, else
    at most every USE_NOTED_EVERY seconds (a cache entry says it was noted lately; the process that
    set it needs no cache call to know until it expires), so that an ordinary page writes nothing.
    After the view, before the session is saved."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is None or not session.accessed or not session.session_key:
            return response
        user_id = session.get(SESSION_KEY)
        if user_id is None:
            return response
        noted = session.get(NOTED)
        if not noted or noted[1] != session.session_key:
            _note(request, user_id, noted)
        elif not _marked_lately(*noted) and cache.add(_noted_lately(noted[0]), True, USE_NOTED_EVERY):
            UserSession.objects.filter(pk=noted[0]).update(**_where_from(request))
            _mark(noted[0], noted[1])
        return response


def live(sessions: "QuerySet[UserSession]") -> "QuerySet[UserSession]":
    """Those of `sessions` whose session has not ended or expired."""
    model = _store().get_model_class()
    return sessions.filter(Exists(model.objects.filter(
        session_key=OuterRef("session_key"), expire_date__gt=timezone.now()
    )))


def end(sessions: "QuerySet[UserSession]") -> int:
    """End these sessions at once: their rows in the database and their copies in the cache go
    (a copy left in the cache would still sign the browser in); returns how many."""
    keys = list(sessions.values_list("session_key", flat=True))
    if not keys:
        return 0
    store = _store()
    store.get_model_class().objects.filter(session_key__in=keys).delete()
    prefix = getattr(store, "cache_key_prefix", None)  # cached_db's copies (scrutiny.sessions)
    if prefix:
        caches[settings.SESSION_CACHE_ALIAS].delete_many([prefix + key for key in keys])
    UserSession.objects.filter(session_key__in=keys).delete()
    return len(keys)


def clear_expired() -> int:
    """Housekeeping (beat, daily): delete expired sessions and the rows of sessions that ended
    without a sign-out (expired, or replaced); returns how many rows went."""
    _store().clear_expired()
    gone, _ = UserSession.objects.exclude(pk__in=live(UserSession.objects.all()).values("pk")).delete()
    return gone
