"""Who may see and do what with panels. Other apps build their rules on these."""

from panels.models import Membership, PanelRole
from scrutiny.permissions import has_role, is_admin, is_staff_role

MANAGING_ROLES = (PanelRole.CHAIR, PanelRole.VICE_CHAIR, PanelRole.SUPPORTING_OFFICER)


def _memberships(user):
    """The person's current memberships by panel id, read once per request."""
    cache = getattr(user, "_panel_memberships", None)
    if cache is None:
        cache = {m.panel_id: m for m in Membership.objects.current().filter(user=user)}
        user._panel_memberships = cache
    return cache


def current_membership(user, panel):
    """The person's membership of the panel in force today, or None."""
    if not (user and user.is_authenticated):
        return None
    return _memberships(user).get(getattr(panel, "pk", panel))


def is_member(user, panel):
    return current_membership(user, panel) is not None


def panel_ids_for(user):
    """Ids of the panels the person belongs to today."""
    if not (user and user.is_authenticated):
        return set()
    return set(_memberships(user))


def can_view_panel(user, panel):
    return is_staff_role(user) or is_member(user, panel)


def can_manage_panel(user, panel):
    """Admins, and the panel's chair, vice-chair or supporting officer, manage membership."""
    if is_admin(user):
        return True
    membership = current_membership(user, panel)
    return membership is not None and membership.role in MANAGING_ROLES


def can_see_contact_details(user, panel):
    """Tenants' contact details: admins and the panel's supporting officers only."""
    if is_admin(user):
        return True
    membership = current_membership(user, panel)
    return (
        membership is not None
        and membership.role == PanelRole.SUPPORTING_OFFICER
        and has_role(user, "officer", "manager")
    )
