"""Who may see and do what with recommendations (DESIGN.md, "Who may do what").

Each `can_x` answers for the person's role and relationship only; whether the recommendation
is in the right status for the step is checked by `is_possible` (and again by the service).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from panels.permissions import can_see_drafts as can_see_panel_drafts
from panels.permissions import is_member, panel_ids_for, supported_panel_ids
from recommendations.models import OPEN_WORK, Status
from scrutiny.permissions import Person, has_role, is_admin, is_staff_role

if TYPE_CHECKING:
    from accounts.models import User
    from recommendations.models import Action, Recommendation
    from reviews.models import Review

# Which status each step starts from.
STEP_FROM = {
    "edit": (Status.DRAFT,),
    "submit": (Status.DRAFT,),
    "respond": (Status.SUBMITTED,),
    "agree_plan": (Status.ACCEPTED, Status.PARTLY_ACCEPTED),
    "implement": (Status.IN_PROGRESS,),
    "verify": (Status.IMPLEMENTED,),
    "return": (Status.IMPLEMENTED,),
    "plan_work": OPEN_WORK,
}


# What a person is told when a step is not theirs to take.
REFUSALS: dict[str, Any] = {  # lazy texts, translated when shown
    "view": _("You can only see the recommendations of your own panels, and a panel's drafts only "
              "once it submits them."),
    "draft": _("Only members of this review's panel can write its recommendations."),
    "edit": _("Only members of this review's panel can change its draft recommendations."),
    "submit": _("Only members of this review's panel can submit its recommendations."),
    "respond": _("Only managers can respond to recommendations."),
    "agree_plan": _("Only managers can agree an action plan."),
    "implement": _("Only the officer who owns this recommendation, or a manager, can mark it implemented."),
    "verify": _("Only members of this review's panel can verify its recommendations."),
    "return": _("Only members of this review's panel can return its recommendations to in progress."),
    "plan_work": _("Only the recommendation's owner or a manager can change its action plan."),
    "update_action": _(
        "Only the action's owner, the recommendation's owner or a manager can change this action."
    ),
    "progress": _("Only the people doing the work can add progress."),
}


def is_possible(recommendation: Recommendation, step: str) -> bool:
    return recommendation.status in STEP_FROM[step]


def _tenant_member(user: Person, review: Review) -> bool:
    return has_role(user, "tenant") and is_member(user, review.panel_id)


def can_see_drafts(user: User, review: Review) -> bool:
    """The panel's rule for its drafts (panels.permissions.can_see_drafts)."""
    return can_see_panel_drafts(user, review.panel_id)


def can_view(user: User, recommendation: Recommendation) -> bool:
    """A draft: see `can_see_drafts`. Once submitted, staff see every recommendation and tenants
    their own panels' recommendations."""
    if recommendation.status == Status.DRAFT:
        return can_see_drafts(user, recommendation.review)
    return is_staff_role(user) or _tenant_member(user, recommendation.review)


def can_draft(user: Person, review: Review) -> bool:
    """Panel members write recommendations for their panel's reviews; admins may too."""
    return is_admin(user) or _tenant_member(user, review)


def can_edit(user: Person, recommendation: Recommendation) -> bool:
    return can_draft(user, recommendation.review)


def can_submit(user: Person, recommendation: Recommendation) -> bool:
    return can_draft(user, recommendation.review)


def can_respond(user: Person, recommendation: Recommendation | None = None) -> bool:
    """Managers answer for the landlord."""
    return has_role(user, "manager", "admin")


def can_agree_plan(user: Person, recommendation: Recommendation | None = None) -> bool:
    return has_role(user, "manager", "admin")


def can_implement(user: Person, recommendation: Recommendation) -> bool:
    """The officer who owns the recommendation, or a manager or admin."""
    if has_role(user, "manager", "admin"):
        return True
    return user is not None and has_role(user, "officer") and recommendation.owner_id == user.pk


def can_plan_work(user: Person, recommendation: Recommendation) -> bool:
    """Adding actions and progress: the same people who may mark it implemented."""
    return can_implement(user, recommendation)


def can_update_action(user: Person, action: Action) -> bool:
    """The action's own owner may update it, as well as those who plan the work."""
    if user is not None and has_role(user, "officer", "manager", "admin") and action.owner_id == user.pk:
        return True
    return can_plan_work(user, action.recommendation)


def can_verify(user: Person, recommendation: Recommendation) -> bool:
    """Members of the review's panel check the work was done; admins may too. Staff may not."""
    return is_admin(user) or _tenant_member(user, recommendation.review)


def can_return(user: Person, recommendation: Recommendation) -> bool:
    return can_verify(user, recommendation)


def can_export(user: Person) -> bool:
    return bool(user and user.is_authenticated)


def visible_filter(user: User) -> Q | None:
    """Filter for querysets of recommendations the person may see (as `can_view`), or None for all."""
    if is_admin(user):
        return None
    if is_staff_role(user):
        return ~Q(status=Status.DRAFT) | Q(review__panel_id__in=supported_panel_ids(user))
    return Q(review__panel_id__in=panel_ids_for(user) if has_role(user, "tenant") else [])


def visible_panels(user: User) -> list[int] | None:
    """The panels whose recommendations the person may see, or None where they span every panel."""
    if is_admin(user) or is_staff_role(user):
        return None
    return list(panel_ids_for(user)) if has_role(user, "tenant") else []


STEP_RULES = {
    "edit": can_edit,
    "submit": can_submit,
    "respond": can_respond,
    "agree_plan": can_agree_plan,
    "implement": can_implement,
    "verify": can_verify,
    "return": can_return,
    "plan_work": can_plan_work,
}


def allowed_steps(user: Person, recommendation: Recommendation) -> set[str]:
    """The steps this person can take now, for showing buttons on the page."""
    return {
        step for step, rule in STEP_RULES.items()
        if is_possible(recommendation, step) and rule(user, recommendation)
    }
