"""Parts of the panel pages and of the home page, drawn once and kept until what they show changes.

Each part is kept in the cache under the versions (scrutiny/freshness.py) of exactly the data it
shows, and what it depends on about the viewer (their memberships, their own attendance, what they
may see and do), the language, today's date and its template's text:
- a panel's meetings version, renewed by any change to the panel (its name), its meetings, their
  papers or their attendance (panels/signals.py);
- a panel's members version (panels/kept_members.py), renewed by its memberships and its members;
- a person's training version, renewed by their training records;
- a panel's invitations version, renewed by the places kept on it for people invited and by their
  invitations (a name, an acceptance).
A meeting to come stops being one when it ends, with nothing saved: a part listing meetings to
come is kept no longer than until the first of them ends.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.core.cache import cache
from django.template.loader import get_template
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe

from scrutiny.freshness import renew, versions, versions_and

KEPT_SECONDS = 60 * 60


def meetings_key(panel_id: int) -> str:
    return f"panels:meetings-version:{panel_id}"


def training_key(user_id: int) -> str:
    return f"panels:training-version:{user_id}"


def forget_meetings(*, panel_ids: Iterable[int]) -> None:
    """Renew these panels' meetings versions (now, and again when the change commits)."""
    renew(*(meetings_key(pk) for pk in set(panel_ids)))


def invitations_key(panel_id: int) -> str:
    return f"panels:invitations-version:{panel_id}"


def forget_invitations(*, panel_ids: Iterable[int]) -> None:
    renew(*(invitations_key(pk) for pk in set(panel_ids)))


def pending_names(panel_id: int, places: Callable[[], Iterable[Any]]) -> list[str]:
    """The names of the people invited to the panel who have not joined yet (`places()`, in
    order), kept under the panel's invitations version."""
    key = f"panels:pending-names:{panel_id}"
    drawn_under, found = versions_and(key, invitations_key(panel_id))
    if found is None or found[0] != drawn_under:
        found = (drawn_under, [place.invitation.display_name for place in places()])
        cache.set(key, found, KEPT_SECONDS)
    return found[1]


def forget_training(*, user_id: int) -> None:
    renew(training_key(user_id))


def until_first_ends(meetings: Iterable[Any]) -> int:
    """Seconds a part listing these meetings to come may be kept: until the first of them ends."""
    now = timezone.localtime()
    ends = [
        timezone.make_aware(datetime.datetime.combine(m.date, m.end_time)) for m in meetings
        if not m.is_cancelled
    ]
    if not ends:
        return KEPT_SECONDS
    return max(1, min(KEPT_SECONDS, int((min(ends) - now).total_seconds())))


def _source_digest(template_name: str) -> str:
    return hashlib.sha256(get_template(template_name).template.source.encode()).hexdigest()[:16]


def kept(
    part: str, *, template: str, keys: Sequence[str], varies: Sequence[Any],
    draw: Callable[[], tuple[dict[str, Any], int]],
) -> tuple[SafeString, dict[str, Any]]:
    """The part drawn with `template`, and the small facts kept beside it, from the cache (under
    `part`, "app:name") when none of the versions under `keys` changed; else `draw()` gives its
    context (whose "kept" entry is kept beside the HTML) and how many seconds it may be kept."""
    # Kept with the versions it was drawn under, read with them in one cache call and checked.
    drawn_from = [*varies, translation.get_language(), timezone.localdate().isoformat(),
                  _source_digest(template)]
    key = f"{part}:" + hashlib.sha256(repr(drawn_from).encode()).hexdigest()
    drawn_under, found = versions_and(key, *keys)
    if found is not None and found[0] != drawn_under:
        found = None
    # A part may name, once drawn, more versions it shows ("also_under": the names of the panels
    # its rows happen to belong to): checked when read.
    if found is not None and found[2].get("also_under") and (
        versions(*found[2]["also_under"]) != found[2]["also_under_versions"]
    ):
        found = None
    if found is None:
        context, seconds = draw()
        facts = dict(context.get("kept", {}))
        if facts.get("also_under"):
            facts["also_under_versions"] = versions(*facts["also_under"])
        found = (drawn_under, get_template(template).render(context), facts)
        cache.set(key, found, seconds)
    _drawn_under, html, facts = found
    return mark_safe(html), facts  # noqa: S308 - rendered by the template engine, escaped there
