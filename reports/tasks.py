from celery import shared_task
from celery.signals import worker_init

from reports import approval, services
from reports.annual import year_of
from reports.models import ReportRequest
from scrutiny.failed_jobs import by_first_argument, describes


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, autoretry_for=(services.Retry,),
             retry_backoff=True, retry_backoff_max=300, retry_jitter=True, max_retries=4)
def make_report(self, request_id):
    """Make a requested report (PDF or export) and store it; safe to run twice."""
    return services.make_report(request_id=request_id, last_try=self.request.retries >= self.max_retries)


@shared_task
def housekeeping():
    """Every few minutes (Celery beat): re-queue stuck requests, delete files past retention."""
    return services.housekeeping()


@worker_init.connect
def load_pdf_library(**kwargs):
    """WeasyPrint takes seconds to import: a worker does it once at start, not in the first report."""
    import weasyprint  # noqa: F401


@describes(make_report, "Report")
def _about_reports(jobs):
    return by_first_argument(
        jobs, ReportRequest.objects.select_related("requested_by"),
        lambda r: f"\"{r.title}\""
        + (f", asked for by {r.requested_by.display_name}" if r.requested_by else ""),
        "The report request has since been deleted.",
    )


@shared_task
def send_approval_reminder(year):
    """Remind the chairs to approve the year's assessment, as staff asked (once)."""
    return approval.send_approval_reminder(year=year)


@shared_task
def make_waiting_reports(year):
    """Once the panel approves, make the reports people asked for while they waited (once each)."""
    return approval.make_waiting_reports(year=year)


def _about_year(jobs):
    return {job.pk: f"For the Annual Report to Tenants {year_of(job.args[0]).label}" if job.args
            else "For an Annual Report to Tenants" for job in jobs}


describes(send_approval_reminder, "Reminder to approve the panel's assessment")(_about_year)
describes(make_waiting_reports, "Annual Reports waiting for the panel's approval")(_about_year)
