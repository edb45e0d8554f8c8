from typing import Any

from accounts.models import User
from panels import permissions, selectors
from panels.models import Membership
from scrutiny.translated import both_columns

# The columns the section shows (panels/_home.html, panels/_meeting_item.html): a panel's and a
# meeting's long texts (terms of reference, agenda, minutes) are never read here, and building
# rows of fewer columns costs less. A membership is read whole: the request keeps it for checks.
# The panel's name is read in the page's language, English standing in: both columns.
PANEL_NAME = ("panel__name", *(f"panel__{name}" for name in both_columns("name")))
MEMBERSHIP_FIELDS = ("panel_id", "user_id", "role", "joined_on", "left_on", "added_by_id",
                     *PANEL_NAME, "panel__kind", "panel__is_active", "panel__closed_on")
MEETING_FIELDS = ("panel_id", "title", "date", "start_time", "end_time", "place", "online_link",
                  "is_cancelled", *PANEL_NAME)


def section(user: User) -> dict[str, Any] | None:
    """The person's panels, their next meetings (with a link to send apologies) and any training
    due for a refresher; None for staff who are on no panel and have nothing due."""
    memberships = list(
        Membership.objects.current().filter(user=user).select_related("panel").only(*MEMBERSHIP_FIELDS)
    )
    permissions.remember_memberships(user, memberships)
    due = selectors.due_for_refresher(user.training.all())
    if not memberships and not due and not user.is_tenant:
        return None
    meetings = list(selectors.upcoming_meetings_for(user).only(*MEETING_FIELDS)) if memberships else []
    return {"template": "panels/_home.html", "memberships": memberships, "meetings": meetings, "due": due}
