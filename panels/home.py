from typing import Any

from accounts.models import User
from panels import permissions, selectors
from panels.models import Membership


def section(user: User) -> dict[str, Any] | None:
    """The person's panels, their next meetings (with a link to send apologies) and any training
    due for a refresher; None for staff who are on no panel and have nothing due."""
    memberships = list(Membership.objects.current().filter(user=user).select_related("panel"))
    permissions.remember_memberships(user, memberships)
    due = selectors.due_for_refresher(user.training.all())
    if not memberships and not due and not user.is_tenant:
        return None
    meetings = list(selectors.upcoming_meetings_for(user)) if memberships else []
    return {"template": "panels/_home.html", "memberships": memberships, "meetings": meetings, "due": due}
