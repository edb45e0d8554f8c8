"""Who may see and do what with frameworks, self-assessments, scores and figures.

Scores are private while a self-assessment is open: only the person who gave them sees them.
Coordinators (whoever set it up, the panel's chair, vice-chair or supporting officer, and
administrators) see who has finished, never what they scored, until it closes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied

from panels.permissions import managed_panel_ids, panel_ids_for
from scrutiny.permissions import is_admin, is_staff_role

if TYPE_CHECKING:
    from accounts.models import User
    from assessments.models import Assessor, ImprovementAction, SelfAssessment


def assessor_for(user: User, self_assessment: SelfAssessment) -> Assessor | None:
    """The person's invitation to score, read once per request."""
    if not (user and user.is_authenticated):
        return None
    cache = getattr(user, "_assessor_rows", None)
    if cache is None:
        cache = user._assessor_rows = {}
    if self_assessment.pk not in cache:
        cache[self_assessment.pk] = self_assessment.assessors.filter(user=user).first()
    return cache[self_assessment.pk]


def can_create(user: User) -> bool:
    """Staff (officers, managers, administrators), and tenants who are a panel's chair or
    vice-chair, can set up a self-assessment."""
    return is_staff_role(user) or bool(managed_panel_ids(user))


def is_coordinator(user: User, self_assessment: SelfAssessment) -> bool:
    if not (user and user.is_authenticated and user.is_active):
        return False
    if is_admin(user) or self_assessment.created_by_id == user.pk:
        return True
    return self_assessment.panel_id is not None and self_assessment.panel_id in managed_panel_ids(user)


def can_view(user: User, self_assessment: SelfAssessment) -> bool:
    """Its overview (title, dates, status): assessors, coordinators, staff and the panel's members."""
    if not (user and user.is_authenticated):
        return False
    return (
        is_staff_role(user)
        or is_coordinator(user, self_assessment)
        or assessor_for(user, self_assessment) is not None
        or (self_assessment.panel_id is not None and self_assessment.panel_id in panel_ids_for(user))
        # The owner of one of its actions follows the link from their home page to it.
        or self_assessment.actions.filter(owner=user).exists()
    )


def can_score(user: User, self_assessment: SelfAssessment) -> bool:
    return self_assessment.is_open() and assessor_for(user, self_assessment) is not None


def scoring_assessor(user: User, self_assessment: SelfAssessment, refusal: str) -> Assessor:
    """The person's invitation to score, when they may score now (`can_score`); otherwise the
    refusal is shown as a 403 page."""
    assessor = assessor_for(user, self_assessment) if self_assessment.is_open() else None
    if assessor is None:
        raise PermissionDenied(refusal)
    return assessor


def can_edit(user: User, self_assessment: SelfAssessment) -> bool:
    return is_coordinator(user, self_assessment) and not self_assessment.is_closed()


def can_see_progress(user: User, self_assessment: SelfAssessment) -> bool:
    """Who has finished (not what anyone scored)."""
    return is_coordinator(user, self_assessment)


def can_remind(user: User, self_assessment: SelfAssessment) -> bool:
    return is_coordinator(user, self_assessment) and self_assessment.is_open()


def can_close(user: User, self_assessment: SelfAssessment) -> bool:
    return is_coordinator(user, self_assessment) and not self_assessment.is_closed()


def can_see_results(user: User, self_assessment: SelfAssessment) -> bool:
    """Pooled results, only once it has closed: no one is anchored by others' scores."""
    return self_assessment.is_closed() and can_view(user, self_assessment)


def can_plan_actions(user: User, self_assessment: SelfAssessment) -> bool:
    return self_assessment.is_closed() and is_coordinator(user, self_assessment)


def can_update_action(user: User, action: ImprovementAction) -> bool:
    return action.owner_id == getattr(user, "pk", None) or is_coordinator(user, action.self_assessment)


def can_manage_frameworks(user: User) -> bool:
    """Importing a framework is an administrator's job (DESIGN.md)."""
    return is_admin(user)


def can_view_figures(user: User) -> bool:
    return bool(user and user.is_authenticated)


def can_enter_figures(user: User) -> bool:
    return is_staff_role(user)
