"""Who may publish: the panel's chair or an administrator, and nobody else."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from panels.models import PanelRole
from panels.permissions import current_membership
from scrutiny.permissions import Person, is_admin

if TYPE_CHECKING:
    from reviews.models import Review

REFUSALS = {
    "publish": _("Only the panel's chair or an administrator can publish or take down a review's report."),
    "evidence": _("Only the panel's chair or an administrator can choose which evidence is public."),
}


def is_chair(user: Person, review: Review) -> bool:
    membership = current_membership(user, review.panel_id)
    return membership is not None and membership.role == PanelRole.CHAIR


def can_publish(user: Person, review: Review) -> bool:
    """Publishing (and taking down) a review's report is a deliberate act of the chair or an admin."""
    signed_in = bool(user and user.is_authenticated and user.is_active)
    return is_admin(user) or (signed_in and is_chair(user, review))


def can_mark_evidence(user: Person, review: Review) -> bool:
    """Marking a piece of evidence public (or private again): the same people."""
    return can_publish(user, review)
