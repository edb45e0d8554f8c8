from typing import Any

from celery import Task, shared_task
from celery.signals import worker_init

from reports import approval, services
from reports.annual import year_of
from reports.models import ReportRequest
from scrutiny import jobs
from scrutiny.failed_jobs import by_first_argument, describes
from scrutiny.models import Job


@shared_task(bind=True, name=services.MAKE_REPORT)
def make_report(self: Task, request_id: int) -> str:
    """Make a requested report (PDF or export) and store it; safe to run twice. Transient
    failures are retried as every task's are (scrutiny/celery.py); the last one is recorded."""
    return services.make_report(request_id=request_id, last_try=self.request.retries >= self.max_retries)


@jobs.when_given_up(services.MAKE_REPORT)
def _reports_given_up(given_up: list[Job]) -> None:
    services.give_up(given_up=given_up)


@shared_task
def delete_old_files() -> int:
    """Daily (Celery beat): delete report files past their retention."""
    return services.delete_old_files()


@worker_init.connect
def load_pdf_library(**kwargs: Any) -> None:
    """WeasyPrint takes seconds to import: a worker does it once at start, not in the first report."""
    import weasyprint  # noqa: F401


@describes(make_report, "Report")
def _about_reports(jobs: list[Job]) -> dict[int, str]:
    return by_first_argument(
        jobs, ReportRequest.objects.select_related("requested_by"),
        lambda r: f"\"{r.title}\""
        + (f", asked for by {r.requested_by.display_name}" if r.requested_by else ""),
        "The report request has since been deleted.",
    )


@shared_task
def send_approval_reminder(year: int) -> int:
    """Remind the chairs to approve the year's assessment, as staff asked (once)."""
    return approval.send_approval_reminder(year=year)


@shared_task
def make_waiting_reports(year: int) -> int:
    """Once the panel approves, make the reports people asked for while they waited (once each)."""
    return approval.make_waiting_reports(year=year)


def _about_year(jobs: list[Job]) -> dict[int, str]:
    return {job.pk: f"For the Annual Report to Tenants {year_of(job.args[0]).label}" if job.args
            else "For an Annual Report to Tenants" for job in jobs}


describes(send_approval_reminder, "Reminder to approve the panel's assessment")(_about_year)
describes(make_waiting_reports, "Annual Reports waiting for the panel's approval")(_about_year)
