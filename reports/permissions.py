"""Who may ask for, see and download which report (DESIGN.md, "Who may do what").

Tenants get the Annual Report to Tenants and their own panels' review reports; officers,
managers and administrators get every report. Exports of the tracker carry only the rows the
person who asked may see, so only that person downloads them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from panels.permissions import is_member, managed_panel_ids, panel_ids_for
from reports.apps import PUBLIC_ANNUAL_REPORT
from reports.models import AnnualReport, Kind, ReportRequest, WaitingRequest
from reviews.models import Review
from scrutiny import switches
from scrutiny.permissions import Person, has_role, is_admin, is_staff_role

if TYPE_CHECKING:
    from accounts.models import User

REFUSALS = {
    "view": "You can only see reports about your own panels' work.",
    "staff": "Only officers, managers and administrators can ask for this report.",
    "write": "Only members of a tenant panel can write the panel's assessment.",
    "approve": "Only a panel's chair or vice-chair, or an administrator, can approve the assessment.",
    "publish": "Only managers and administrators can publish the annual report.",
    "retry": "Only the person who asked for this report, or staff, can try again.",
    "remind": "Only officers, managers and administrators can remind the panel to approve its assessment.",
    "cancel": "You can only cancel a report you asked for yourself.",
}
EXPORT_KINDS = (Kind.TRACKER_CSV, Kind.TRACKER_XLSX)


def can_view_review_report(user: User, review: Review) -> bool:
    """Staff see every review report; tenants see their own panels'."""
    return is_staff_role(user) or (has_role(user, "tenant") and is_member(user, review.panel_id))


def can_request_annual(user: User) -> bool:
    """Anyone signed in: tenants are who the report is for."""
    return bool(user and user.is_authenticated and user.is_active)


def can_request_staff_report(user: User) -> bool:
    """The tracker and programme reports are for people who work for the landlord."""
    return is_staff_role(user)


def can_view_request(user: User, request: ReportRequest) -> bool:
    """Whether the person may see a request's status and download its file."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if request.kind in EXPORT_KINDS:
        return request.requested_by_id == user.pk or is_admin(user)
    if is_staff_role(user):
        return True
    if request.kind == Kind.ANNUAL:
        return True
    if request.kind == Kind.REVIEW:
        return has_role(user, "tenant") and Review.objects.filter(
            pk=request.parameters.get("review"), panel_id__in=panel_ids_for(user)
        ).exists()
    return False


def can_retry(user: User, request: ReportRequest) -> bool:
    return can_view_request(user, request) and (request.requested_by_id == user.pk or is_staff_role(user))


def can_read_annual_page(user: Person, report: AnnualReport | None) -> bool:
    """Signed-in people always; everyone else once the approved report is published, while the
    site settings let the public read published reports."""
    if user is not None and user.is_authenticated and user.is_active:
        return True
    return bool(report and report.published and report.is_approved) and switches.is_on(PUBLIC_ANNUAL_REPORT)


def can_write_assessment(user: User) -> bool:
    """Tenant members of a panel, and administrators: the assessment is the panel's own voice."""
    return is_admin(user) or (has_role(user, "tenant") and bool(panel_ids_for(user)))


def can_approve_assessment(user: User) -> bool:
    """A tenant who chairs or vice-chairs a panel, or an administrator."""
    return is_admin(user) or (has_role(user, "tenant") and bool(managed_panel_ids(user)))


def can_remind_approvers(user: User) -> bool:
    """The landlord's staff, who wait on the panel for the report, may nudge its chairs."""
    return is_staff_role(user)


def can_cancel_waiting(user: User, waiting: WaitingRequest) -> bool:
    """Only the person who asked may change their mind about a waiting request."""
    return bool(user and user.is_authenticated and user.is_active and waiting.requested_by_id == user.pk)


def can_publish(user: User) -> bool:
    return has_role(user, "manager", "admin")
