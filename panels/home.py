from typing import Any

from accounts.models import User
from panels import kept_parts, permissions, selectors
from panels.models import Panel
from scrutiny.translated import both_columns

# The columns the section shows (panels/_home.html, panels/_meeting_item.html): a panel's and a
# meeting's long texts (terms of reference, agenda, minutes) are never read here, and building
# rows of fewer columns costs less. The panel's name is read in the page's language, English
# standing in: both columns.
PANEL_FIELDS = ("name", *both_columns("name"), "kind", "is_active", "closed_on")
PANEL_NAME = ("panel__name", *(f"panel__{name}" for name in both_columns("name")))
MEETING_FIELDS = ("panel_id", "title", "date", "start_time", "end_time", "place", "online_link",
                  "is_cancelled", *PANEL_NAME)


def section(user: User) -> dict[str, Any] | None:
    """The person's panels, their next meetings (with a link to send apologies) and any training
    due for a refresher; None for staff who are on no panel and have nothing due.

    Drawn once and kept (panels/kept_parts.py) under the versions of the person's panels'
    meetings and names and of their training, with their memberships (read once a request for
    every check of what they may see) and today's date."""
    memberships = [
        m for pk in sorted(permissions.panel_ids_for(user)) if (m := permissions.current_membership(user, pk))
    ]
    shown = [(m.panel_id, m.role) for m in memberships]

    def draw() -> tuple[dict[str, Any], int]:
        due = selectors.due_for_refresher(user.training.all())
        if not shown and not due and not user.is_tenant:
            return {"section": {}, "user": user, "kept": {"empty": True}}, kept_parts.KEPT_SECONDS
        panels = Panel.objects.only(*PANEL_FIELDS).in_bulk([pk for pk, _role in shown])
        for membership in memberships:
            membership.panel = panels[membership.panel_id]
        meetings = list(selectors.upcoming_meetings_for(user).only(*MEETING_FIELDS)) if shown else []
        section = {"memberships": memberships, "meetings": meetings, "due": due}
        context = {"section": section, "user": user, "kept": {"empty": False}}
        return context, kept_parts.until_first_ends(meetings)

    html, facts = kept_parts.kept(
        "panels:home", template="panels/_home.html",
        keys=[kept_parts.training_key(user.pk), *(kept_parts.meetings_key(pk) for pk, _role in shown)],
        varies=[user.pk, user.is_tenant, shown], draw=draw,
    )
    if facts["empty"]:
        return None
    return {"html": html}
