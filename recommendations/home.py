from typing import Any

from accounts.models import User
from assessments.selectors import my_actions as my_improvement_actions
from recommendations import selectors
from scrutiny.permissions import has_role


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
        return {"template": "recommendations/_home.html", "kind": "manager",
                "awaiting": selectors.awaiting_response(), "without_owner": selectors.without_owner(),
                "actions": actions, "recommendations": recs, "improvement_actions": improvement_actions}
    if has_role(user, "tenant"):
        return {"template": "recommendations/_home.html", "kind": "tenant",
                "to_verify": selectors.to_verify(user), "improvement_actions": improvement_actions}
    if improvement_actions:
        return {"template": "recommendations/_home.html", "kind": "",
                "improvement_actions": improvement_actions}
    return None
