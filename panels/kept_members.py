"""A panel's members list, drawn once and kept until something it shows changes.

The members page lists 50 people a page, each with their role, when they joined and, for those
who may see them, their contact details and links to manage them: drawing the list was most of
the page's time. It is kept in the cache under the panel's members version, renewed by any change
to one of its memberships and by any change to a person who is or was a member (their name,
contact details, role), with the page number, what the viewer may see and do (contact details,
managing), the language and today's date (who is a member today). Permissions are checked before
(the view's `viewable_panel`), and nothing else about the viewer is in the list."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from django.core.cache import cache
from django.core.paginator import Page
from django.template.loader import get_template
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe

from scrutiny.freshness import digest, renew

KEPT_SECONDS = 60 * 60
TEMPLATE = "panels/_member_rows.html"


def members_key(panel_id: int) -> str:
    return f"panels:members-version:{panel_id}"


def forget(*, panel_ids: Iterable[int]) -> None:
    """Renew these panels' members versions (now, and again when the change commits)."""
    renew(*(members_key(pk) for pk in set(panel_ids)))


def member_rows(*, panel_id: int, page: Page, show_contacts: bool, can_manage: bool) -> SafeString:
    """The page's members as list items, from the cache when nothing they show has changed."""
    template = get_template(TEMPLATE)
    drawn_from = [
        digest(members_key(panel_id)), page.number, show_contacts, can_manage, translation.get_language(),
        timezone.localdate().isoformat(), hashlib.sha256(template.template.source.encode()).hexdigest()[:16],
    ]
    key = f"panels:member-rows:{panel_id}:" + hashlib.sha256(repr(drawn_from).encode()).hexdigest()
    html = cache.get(key)
    if html is None:
        html = template.render({"members": page, "show_contacts": show_contacts, "can_manage": can_manage})
        cache.set(key, html, KEPT_SECONDS)
    return mark_safe(html)  # noqa: S308 - rendered by the template engine, escaped there
