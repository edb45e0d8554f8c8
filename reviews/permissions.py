"""Who may see and do what with reviews (DESIGN.md's table).

Tenants see and work on their own panels' reviews; officers see every review; managers read;
admins do everything. Evidence is added by the panel's current members (the supporting officer
among them) and admins: scrutiny is independent, so the panel decides what it looks at. Other
staff give the panel what it asks for through its supporting officer, who adds it saying where
it came from, or are interviewed; a panel that wants an officer to add evidence themselves adds
them to the panel. Findings are the tenants' (members and admins). Any current member of a panel proposes a
review and drafts its scope and questions, and keeps editing them while the review is proposed
or in scoping; the panel's chair, vice-chair or supporting officer (or an admin) confirms it,
moves its stage and edits it at any stage.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from panels.models import Panel
from panels.permissions import can_manage_panel, is_member, panel_ids_for
from reviews.models import Stage
from scrutiny.permissions import Person, has_role, is_admin, is_staff_role

if TYPE_CHECKING:
    from reviews.models import Evidence, Finding, Review

# Lazy, so each refusal is in the language of the page that shows it.
NOT_YOUR_PANEL = _("This review belongs to a panel you are not a member of.")
ONLY_LEADS = _(
    "Only the panel's chair, vice-chair or supporting officer, or an administrator, can do this."
)
ONLY_MEMBERS = _(
    "Only current members of the panel, or an administrator, can propose a review for it."
)
SCOPE_CLOSED = _(
    "The scope can be changed by members while the review is proposed or in scoping. Now it has "
    "moved on, ask the panel's chair, vice-chair or supporting officer."
)
# Stages in which any member of the panel may still change the review's details and scope.
MEMBERS_EDIT_IN = (Stage.PROPOSED, Stage.SCOPING)
EVIDENCE_REFUSAL = _(
    "Only the panel's members, its supporting officer and administrators can add evidence. "
    "To give the panel something, send it to the panel's supporting officer."
)
FINDINGS_REFUSAL = _(
    "Only the panel's members and administrators can log and discuss findings."
)


def can_view_review(user: Person, review: Review) -> bool:
    """Staff see every review; tenants see their own panels' reviews."""
    return is_staff_role(user) or is_member(user, review.panel_id)


def panels_user_can_propose_in(user: Person) -> QuerySet[Panel]:
    """Active panels in which the person may propose a review (all of them for admins)."""
    panels = Panel.objects.filter(is_active=True)
    if is_admin(user):
        return panels
    return panels.filter(pk__in=panel_ids_for(user))


def can_create_review(user: Person, panel: Panel | int | None = None) -> bool:
    """Propose a review: for one panel, or (panel=None) for at least one panel. Any current
    member may; a review set up by the chair, vice-chair or supporting officer needs no
    confirming and starts at scoping."""
    if panel is not None:
        return is_admin(user) or is_member(user, getattr(panel, "pk", panel))
    return is_admin(user) or bool(panel_ids_for(user))


def can_confirm_review(user: Person, review: Review) -> bool:
    """Confirm a proposed review: the panel's chair, vice-chair or supporting officer, admins."""
    return can_manage_panel(user, review.panel_id)


def can_edit_review(user: Person, review: Review) -> bool:
    """The panel's leads at any stage; any current member while it is proposed or in scoping."""
    if can_manage_panel(user, review.panel_id):
        return True
    return review.stage in MEMBERS_EDIT_IN and is_member(user, review.panel_id)


def can_move_stage(user: Person, review: Review) -> bool:
    return can_manage_panel(user, review.panel_id)


def can_add_evidence(user: Person, review: Review) -> bool:
    """The panel's current members, its supporting officer among them, and admins. Not every
    officer: the panel decides what evidence it takes (see the module's docstring)."""
    if is_admin(user):
        return True
    return has_role(user, "tenant", "officer") and is_member(user, review.panel_id)


def can_edit_evidence(user: Person, evidence: Evidence) -> bool:
    """Whoever added it, while they still may add evidence; the panel's leads; admins."""
    review = evidence.review
    if can_manage_panel(user, review.panel_id):
        return True
    if user is None:
        return False
    return evidence.added_by_id == user.pk and can_add_evidence(user, review)


def can_add_finding(user: Person, review: Review) -> bool:
    if is_admin(user):
        return True
    return has_role(user, "tenant") and is_member(user, review.panel_id)


def can_edit_finding(user: Person, finding: Finding) -> bool:
    """Findings belong to the whole panel: any member who may log findings may reword one."""
    return can_add_finding(user, finding.review)


def can_comment(user: Person, finding: Finding) -> bool:
    return can_add_finding(user, finding.review)
