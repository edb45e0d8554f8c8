"""Who may see and do what with checklists, visits and document checks.

Shoppers (tenant members of the review's panel) record their own visits; the whole panel and
the landlord's staff read them once submitted, while a draft visit is for the panel's members,
its supporting officer and admins, as a draft recommendation is (and always for its shopper);
administrators manage checklists and the jargon list and may correct a submitted visit. The
panel's chair, vice-chair or supporting officer (or an administrator) awards "Customer Approved".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from mysteryshop.models import VisitStatus
from panels.models import Membership
from panels.permissions import MANAGING_ROLES, can_manage_panel, can_see_drafts, draft_panel_ids, is_member
from reviews.models import Review, ReviewKind
from reviews.permissions import can_add_finding, can_view_review
from scrutiny.permissions import has_role, is_admin

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

User = Any  # accounts.User; kept loose so anonymous users can be asked too

VISIT_KINDS = (ReviewKind.MYSTERY_SHOPPING, ReviewKind.INSPECTION, ReviewKind.DOCUMENT_REVIEW)
# Refusals, said in the page's language when shown (lazy).
ADMINS_ONLY = _("Only administrators can change checklists and the jargon list.")
NOT_YOUR_PANEL = _("This programme belongs to a panel you are not a member of.")
SHOPPERS_ONLY = _(
    "Only members of the panel and administrators can record visits."
)
NOT_YOUR_VISIT = _(
    "Only the shopper who recorded this visit, or an administrator, can change it."
)
SUBMITTED = _(
    "This visit has been submitted, so only an administrator can change it."
)
SITES_REFUSAL = _(
    "Only administrators, and the chair, vice-chair or supporting officer of a panel that runs "
    "mystery shopping or inspections, can change the list of sites."
)
AWARD_REFUSAL = _(
    "Only the panel's chair, vice-chair or supporting officer, or an administrator, can decide."
)


def can_manage_checklists(user: User) -> bool:
    return is_admin(user)


def can_view_checklists(user: User) -> bool:
    """Everyone signed in may read checklists, so shoppers can prepare."""
    return bool(user and user.is_authenticated and user.is_active)


def can_view_programme(user: User, review: Review) -> bool:
    return can_view_review(user, review)


def can_record_visit(user: User, review: Review) -> bool:
    """Panel members (tenants) and administrators record visits on a programme."""
    if review.kind not in VISIT_KINDS:
        return False
    if is_admin(user):
        return True
    return has_role(user, "tenant") and is_member(user, review.panel_id)


def can_view_visit(user: User, visit: Any) -> bool:
    """A submitted visit: whoever sees the programme. A draft: its shopper, and those who may see
    the panel's drafts."""
    if visit.is_submitted:
        return can_view_review(user, visit.review)
    if user and user.is_authenticated and user.is_active and visit.shopper_id == user.pk:
        return True
    return can_see_drafts(user, visit.review.panel_id) and can_view_review(user, visit.review)


def visible_visits(user: User, prefix: str = "") -> Q | None:
    """Filter for visits (or, with `prefix` such as "visits__", for rows joined to them) leaving
    out the drafts the person may not see, as `can_view_visit`; None when they see every one.
    Whether they see the programme at all is checked separately."""
    if is_admin(user):
        return None
    shown = (Q(**{f"{prefix}status": VisitStatus.SUBMITTED})
             | Q(**{f"{prefix}review__panel_id__in": draft_panel_ids(user)}))
    if user and user.is_authenticated:
        shown |= Q(**{f"{prefix}shopper": user})
    return shown


def can_edit_visit(user: User, visit: Any) -> bool:
    """The shopper while it is a draft; administrators always."""
    if is_admin(user):
        return True
    if visit.is_submitted:
        return False
    return visit.shopper_id == user.pk and can_record_visit(user, visit.review)


def edit_refusal(visit: Any) -> StrOrPromise:
    return SUBMITTED if visit.is_submitted else NOT_YOUR_VISIT


def can_raise_finding(user: User, review: Review) -> bool:
    return can_add_finding(user, review)


def can_check_documents(user: User, review: Review) -> bool:
    """Add a document or a new version of one to a document review."""
    return can_record_visit(user, review)


def can_decide_document(user: User, review: Review) -> bool:
    """Award Customer Approved or send the document back."""
    return can_manage_panel(user, review.panel_id)


def can_manage_sites(user: User) -> bool:
    """Administrators, and the leads of a panel with a mystery shopping or inspection review."""
    if is_admin(user):
        return True
    if not (user and user.is_authenticated and user.is_active):
        return False
    return Membership.objects.current().filter(
        user=user, role__in=MANAGING_ROLES, panel__reviews__kind__in=VISIT_KINDS,
    ).exists()
