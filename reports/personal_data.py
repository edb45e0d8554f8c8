from typing import Any

from django.utils.translation import gettext

from accounts.models import User
from reports.annual import annual_title
from reports.models import AnnualReport, AssessmentSection, ReportRequest, WaitingRequest


def collect(user: User) -> tuple[str, dict[str, Any]] | None:
    """What the reports app holds about a person, as (title, data) for their download, or None."""
    data = {
        "reports_asked_for": [
            {"title": r.title, "status": r.get_status_display(), "asked_at": r.created_at.isoformat()}
            for r in ReportRequest.objects.filter(requested_by=user).order_by("created_at", "pk")
        ],
        "waiting_for_the_panel_to_approve": [
            {"report": annual_title(w.annual_report.year, large_print=w.large_print),
             "asked_at": w.asked_at.isoformat(),
             "made_at": w.made_at.isoformat() if w.made_at else None}
            for w in WaitingRequest.objects.filter(requested_by=user).select_related("annual_report")
        ],
        "assessments_approved": list(
            AnnualReport.objects.filter(approved_by=user).order_by("year").values_list("year", flat=True)
        ),
        "approval_reminders_sent": list(
            AnnualReport.objects.filter(reminded_by=user).order_by("year").values_list("year", flat=True)
        ),
        "assessment_wording_last_saved": [
            {"year": s.annual_report.year, "section": s.section, "saved_at": s.updated_at.isoformat()}
            for s in AssessmentSection.objects.filter(updated_by=user).select_related("annual_report")
            .order_by("annual_report__year", "section")
        ],
    }
    if not any(data.values()):
        return None
    return gettext("Reports"), data


def erase(user: User) -> None:
    """A person erased on their request is not made a report they asked for earlier, nor told."""
    WaitingRequest.objects.filter(requested_by=user, made_at__isnull=True).delete()
