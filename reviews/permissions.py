"""Who may see and do what with reviews (DESIGN.md's table).

Tenants see and work on their own panels' reviews; officers see every review and add evidence
(not findings); managers read; admins do everything. Setting up and editing a review, and
moving its stage, is for admins and the panel's chair, vice-chair or supporting officer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from panels.models import Panel
from panels.permissions import can_manage_panel, is_member, panel_ids_for
from scrutiny.permissions import Person, has_role, is_admin, is_staff_role

if TYPE_CHECKING:
    from reviews.models import Evidence, Finding, Review

NOT_YOUR_PANEL = "This review belongs to a panel you are not a member of."
ONLY_LEADS = (
    "Only the panel's chair, vice-chair or supporting officer, or an administrator, can do this."
)
EVIDENCE_REFUSAL = "Only the panel's members, officers and administrators can add evidence."
FINDINGS_REFUSAL = "Only the panel's members and administrators can log and discuss findings."


def can_view_review(user: Person, review: Review) -> bool:
    """Staff see every review; tenants see their own panels' reviews."""
    return is_staff_role(user) or is_member(user, review.panel_id)


def panels_user_can_lead(user: Person) -> QuerySet[Panel]:
    """Panels in which the person may set up reviews (all active panels for admins)."""
    panels = Panel.objects.filter(is_active=True)
    if is_admin(user):
        return panels
    return panels.filter(pk__in=[pk for pk in panel_ids_for(user) if can_manage_panel(user, pk)])


def can_create_review(user: Person, panel: Panel | None = None) -> bool:
    """For one panel, or (panel=None) for at least one panel."""
    if panel is not None:
        return can_manage_panel(user, panel)
    return is_admin(user) or any(can_manage_panel(user, pk) for pk in panel_ids_for(user))


def can_edit_review(user: Person, review: Review) -> bool:
    return can_manage_panel(user, review.panel_id)


def can_move_stage(user: Person, review: Review) -> bool:
    return can_edit_review(user, review)


def can_add_evidence(user: Person, review: Review) -> bool:
    if is_admin(user) or has_role(user, "officer"):
        return True
    return has_role(user, "tenant") and is_member(user, review.panel_id)


def can_edit_evidence(user: Person, evidence: Evidence) -> bool:
    """Whoever added it, while they still may add evidence; the panel's leads; admins."""
    review = evidence.review
    if can_edit_review(user, review):
        return True
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
