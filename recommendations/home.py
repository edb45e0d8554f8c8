from recommendations import selectors
from scrutiny.permissions import has_role


def section(user):
    """Officers see "my actions", managers "awaiting my response", tenants "to verify"."""
    if has_role(user, "officer"):
        actions, recs = selectors.my_actions(user)
        return {"template": "recommendations/_home.html", "kind": "officer", "actions": actions,
                "recommendations": recs}
    if has_role(user, "manager"):
        actions, recs = selectors.my_actions(user)
        return {"template": "recommendations/_home.html", "kind": "manager",
                "awaiting": selectors.awaiting_response(), "without_owner": selectors.without_owner(),
                "actions": actions, "recommendations": recs}
    if has_role(user, "tenant"):
        return {"template": "recommendations/_home.html", "kind": "tenant",
                "to_verify": selectors.to_verify(user)}
    return None
