from typing import Any

from django.core.cache import cache

from accounts.models import User
from assessments.selectors import my_actions as my_improvement_actions
from recommendations import selectors
from scrutiny.freshness import versions
from scrutiny.permissions import has_role

KEPT_SECONDS = 60 * 60


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


def section(user: User) -> dict[str, Any] | None:
    """Officers see "my actions", managers "awaiting my response", tenants "to verify"; anyone
    who owns a to-do action from a self-assessment sees it under "my actions"."""
    improvement_actions = my_improvement_actions(user)
    if has_role(user, "officer"):
        actions, recs = selectors.my_actions(user)
        return {"template": "recommendations/_home.html", "kind": "officer", "actions": actions,
                "recommendations": recs, "improvement_actions": improvement_actions}
    if has_role(user, "manager"):
        actions, recs = selectors.my_actions(user)
        awaiting, without_owner = waiting_lists()
        return {"template": "recommendations/_home.html", "kind": "manager",
                "awaiting": awaiting, "without_owner": without_owner,
                "actions": actions, "recommendations": recs, "improvement_actions": improvement_actions}
    if has_role(user, "tenant"):
        return {"template": "recommendations/_home.html", "kind": "tenant",
                "to_verify": selectors.to_verify(user), "improvement_actions": improvement_actions}
    if improvement_actions:
        return {"template": "recommendations/_home.html", "kind": "",
                "improvement_actions": improvement_actions}
    return None
