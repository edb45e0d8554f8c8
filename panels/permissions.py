"""Who may see and do what with panels. Other apps build their rules on these."""

from __future__ import annotations

from typing import TYPE_CHECKING

from panels.models import Membership, PanelRole
from scrutiny.permissions import Person, has_role, is_admin, is_staff_role

if TYPE_CHECKING:
    from accounts.models import User
    from panels.models import Meeting, Panel, Training

MANAGING_ROLES = (PanelRole.CHAIR, PanelRole.VICE_CHAIR, PanelRole.SUPPORTING_OFFICER)


def _memberships(user: Person) -> dict[int, Membership]:
    """The person's current memberships by panel id, read once per request."""
    cache = getattr(user, "_panel_memberships", None)
    if cache is None:
        # Unordered: the model's ordering (by member's name) would join every row to its person.
        cache = {m.panel_id: m for m in Membership.objects.current().filter(user=user).order_by("panel_id")}
        setattr(user, "_panel_memberships", cache)  # noqa: B010 - kept on the request's user
    return cache


def remember_memberships(user: Person, memberships: list[Membership]) -> None:
    """Keep the person's current memberships, read whole by a page, for the rest of the request
    (so that the checks above need not read them again)."""
    if not hasattr(user, "_panel_memberships"):
        setattr(user, "_panel_memberships", {m.panel_id: m for m in memberships})  # noqa: B010


def forget_memberships(user: Person) -> None:
    """Drop the per-request cache after the person's memberships change."""
    if hasattr(user, "_panel_memberships"):
        delattr(user, "_panel_memberships")


def current_membership(user: Person, panel: Panel | int) -> Membership | None:
    """The person's membership of the panel in force today, or None."""
    if not (user and user.is_authenticated):
        return None
    return _memberships(user).get(panel if isinstance(panel, int) else panel.pk)


def is_member(user: Person, panel: Panel | int) -> bool:
    return current_membership(user, panel) is not None


def panel_ids_for(user: Person) -> set[int]:
    """Ids of the panels the person belongs to today."""
    if not (user and user.is_authenticated):
        return set()
    return set(_memberships(user))


def managed_panel_ids(user: Person) -> set[int]:
    """Ids of the panels the person chairs, vice-chairs or supports today."""
    if not (user and user.is_authenticated):
        return set()
    return {pk for pk, m in _memberships(user).items() if m.role in MANAGING_ROLES}


def supported_panel_ids(user: Person) -> set[int]:
    """Ids of the panels the person is supporting officer of today."""
    if not (user and user.is_authenticated):
        return set()
    return {pk for pk, m in _memberships(user).items() if m.role == PanelRole.SUPPORTING_OFFICER}


def draft_panel_ids(user: Person) -> set[int]:
    """Ids of the panels whose drafts the person may see (admins: every panel's, not listed)."""
    if has_role(user, "tenant"):
        return panel_ids_for(user)
    if has_role(user, "officer", "manager"):
        return supported_panel_ids(user)
    return set()


def can_see_drafts(user: Person, panel: Panel | int) -> bool:
    """Scrutiny is independent: a panel's drafts (recommendations, visits not yet submitted) are
    for its tenant members and its supporting officer, and admins; managers and other officers
    see the work once the panel submits it."""
    return is_admin(user) or getattr(panel, "pk", panel) in draft_panel_ids(user)


def can_view_panel(user: Person, panel: Panel | int) -> bool:
    return is_staff_role(user) or is_member(user, panel)


def can_manage_panel(user: Person, panel: Panel | int) -> bool:
    """Admins, and the panel's chair, vice-chair or supporting officer, manage membership."""
    if is_admin(user):
        return True
    membership = current_membership(user, panel)
    return membership is not None and membership.role in MANAGING_ROLES


def can_see_contact_details(user: Person, panel: Panel | int) -> bool:
    """Tenants' contact details: admins and the panel's supporting officers only."""
    if is_admin(user):
        return True
    membership = current_membership(user, panel)
    return (
        membership is not None
        and membership.role == PanelRole.SUPPORTING_OFFICER
        and has_role(user, "officer", "manager")
    )


def can_create_panel(user: Person) -> bool:
    return is_admin(user)


def can_edit_panel(user: Person, panel: Panel | int) -> bool:
    """Setting a panel up, changing its kind or closing it is an administrator's job."""
    return is_admin(user)


def can_choose_site_role(user: Person) -> bool:
    """Only administrators may invite staff; chairs and officers invite tenants."""
    return is_admin(user)


# Meetings ---------------------------------------------------------------------------------


def can_view_meeting(user: Person, meeting: Meeting) -> bool:
    return can_view_panel(user, meeting.panel_id)


def can_manage_meeting(user: Person, meeting: Meeting) -> bool:
    """Arranging a meeting, its papers, minutes and attendance: the panel's managers."""
    return can_manage_panel(user, meeting.panel_id)


# People and training ----------------------------------------------------------------------


def _manages_a_panel_of(user: Person, person: User) -> bool:
    """Whether the user manages a panel the person belongs to today."""
    mine = managed_panel_ids(user)
    return bool(mine) and Membership.objects.current().filter(user=person, panel_id__in=mine).exists()


def can_view_person(user: Person, person: User) -> bool:
    """A person's panels, training and volunteering: themselves, staff, and their panels' managers."""
    if not (user and user.is_authenticated):
        return False
    return user.pk == person.pk or is_staff_role(user) or _manages_a_panel_of(user, person)


def can_record_training(user: Person, person: User) -> bool:
    """Training records and certificates: the person, admins, and their panels' managers."""
    if not (user and user.is_authenticated):
        return False
    return user.pk == person.pk or is_admin(user) or _manages_a_panel_of(user, person)


def can_see_certificate(user: Person, training: Training) -> bool:
    return can_record_training(user, training.user)


# Volunteering figures ---------------------------------------------------------------------


def can_view_all_figures(user: Person) -> bool:
    """The landlord-wide volunteering figures (for the annual report): staff."""
    return is_staff_role(user)


def can_view_panel_figures(user: Person, panel: Panel | int) -> bool:
    """Each member's attendance and hours in a panel: staff, and the panel's managers."""
    return is_staff_role(user) or can_manage_panel(user, panel)
