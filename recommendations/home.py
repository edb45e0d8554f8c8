from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.utils import timezone

from accounts.models import User
from assessments.selectors import my_actions as my_improvement_actions
from panels import kept_parts
from panels.permissions import panel_ids_for
from recommendations import selectors
from scrutiny.freshness import versions
from scrutiny.permissions import has_role

KEPT_SECONDS = 60 * 60
DAY = 24 * 60 * 60


def _names_version(lists: tuple[list, ...]) -> str:
    panels = sorted({rec.review.panel_id for rows in lists for rec in rows})
    return versions(*(f"reviews:panel-version:{pk}" for pk in panels))


def waiting_lists() -> tuple[list, list]:
    """What waits for a manager (a response, an owner): the same for every manager, so kept
    under the version of every recommendation (renewed by any recommendation, response, action
    or review changing, recommendations/signals.py) and, checked when read, the versions of the
    names of the panels they show. The rows are kept, not their drawing: "submitted 3 days ago"
    moves with the clock."""
    key = f"recommendations:home-waiting:{versions(selectors.ALL_KEY)}"
    kept = cache.get(key)
    if kept is not None and kept[0] == _names_version(kept[1]):
        return kept[1]
    lists = (selectors.awaiting_response(), selectors.without_owner())
    cache.set(key, (_names_version(lists), lists), KEPT_SECONDS)
    return lists


def _shown_of(improvement_actions: list[Any]) -> list[tuple[Any, ...]]:
    """What the section shows of the person's actions from self-assessments, read on each visit."""
    return [(a.pk, a.what, a.due_date, a.overdue, a.self_assessment.title, a.outcome.code)
            for a in improvement_actions]


def until_waited_longer(recommendations: list[Any]) -> int:
    """Seconds until "submitted ... (N days, M hours ago)" says something else for one of these:
    the smallest unit it shows is a minute under a day, an hour under a week, else a day."""
    now = timezone.now()
    seconds = KEPT_SECONDS
    for rec in recommendations:
        waited = max(0, int((now - rec.submitted_at).total_seconds()))
        unit = 60 if waited < DAY else 3600 if waited < 7 * DAY else DAY
        seconds = min(seconds, unit - waited % unit)
    return max(1, seconds)


def _kept(user: User, kind: str, improvement_actions: list[Any], keys: list[str],
          draw: Callable[[], dict[str, Any]], varies: list[Any]) -> dict[str, Any]:
    """The section drawn once and kept (panels/kept_parts.py) under the versions of the
    recommendations it lists and what it shows of the person's own actions."""
    def context() -> tuple[dict[str, Any], int]:
        section = {"kind": kind, "improvement_actions": improvement_actions, **draw()}
        awaiting = section.get("awaiting", [])
        panels = sorted({rec.review.panel_id for rec in [*awaiting, *section.get("without_owner", [])]})
        kept = {"also_under": [f"reviews:panel-version:{pk}" for pk in panels]}
        return {"section": section, "kept": kept}, until_waited_longer(awaiting)

    html, _facts = kept_parts.kept(
        f"recommendations:home-{kind}", template="recommendations/_home.html", keys=keys,
        varies=[*varies, _shown_of(improvement_actions)], draw=context,
    )
    return {"html": html}


def section(user: User) -> dict[str, Any] | None:
    """Officers see "my actions", managers "awaiting my response", tenants "to verify"; anyone
    who owns a to-do action from a self-assessment sees it under "my actions".

    An officer's is kept under the version of every recommendation (their actions may be on any),
    a tenant's under the versions of their panels' recommendations and names; a manager's also
    under the names of the panels it shows, and no longer than until how long one has waited
    reads differently."""
    improvement_actions = my_improvement_actions(user)
    if has_role(user, "officer"):
        def mine() -> dict[str, Any]:
            actions, recs = selectors.my_actions(user)
            return {"actions": actions, "recommendations": recs}

        return _kept(user, "officer", improvement_actions, [selectors.ALL_KEY], mine, [user.pk])
    if has_role(user, "manager"):
        def waiting() -> dict[str, Any]:
            actions, recs = selectors.my_actions(user)
            awaiting, without_owner = waiting_lists()
            return {"awaiting": awaiting, "without_owner": without_owner, "actions": actions,
                    "recommendations": recs}

        return _kept(user, "manager", improvement_actions, [selectors.ALL_KEY], waiting, [user.pk])
    if has_role(user, "tenant"):
        panels = sorted(panel_ids_for(user))
        keys = [selectors.panel_key(pk) for pk in panels] + [f"reviews:panel-version:{pk}" for pk in panels]
        return _kept(user, "tenant", improvement_actions, keys,
                     lambda: {"to_verify": selectors.to_verify(user)}, [panels])
    if improvement_actions:
        return {"template": "recommendations/_home.html", "kind": "",
                "improvement_actions": improvement_actions}
    return None
