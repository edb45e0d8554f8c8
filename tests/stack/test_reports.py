"""Reports on the real stack: a manager asks for the Annual Report through the web app on
gunicorn, a Celery worker on Redis makes it, the status page says it is ready and the PDF
downloads; and a worker killed mid-report leaves the report to be made by the next worker."""

import io
import re
import signal
import sys
import time
from datetime import timedelta

from django.utils import timezone
from pypdf import PdfReader

from reports.annual import current_year, year_of
from reports.models import ReportRequest, Status
from scrutiny.models import Job
from tests.factories.accounts import UserFactory
from tests.factories.reports import approved_report
from tests.factories.reviews import FindingFactory, ReviewFactory
from tests.stack.conftest import wait_for_worker
from tests.stack.test_stack import csrf_token, sign_in

# Generous for a busy shared machine; nothing asserts on time.
REPORT_TIMEOUT = 600


def _ask(browser, path, form_page):
    page = browser.get(form_page)
    return browser.post(path, data={"year": current_year() - 1, "csrfmiddlewaretoken": csrf_token(page)})


def _wait_for_status(request_id, *statuses, timeout=REPORT_TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        report = ReportRequest.objects.get(pk=request_id)
        if report.status in statuses:
            return report
        time.sleep(0.25)
    return ReportRequest.objects.get(pk=request_id)


def _worker_ready(stack, name):
    wait_for_worker(stack, name)


def test_a_manager_gets_the_annual_report_made_by_the_worker(running_stack):
    stack = running_stack
    manager = UserFactory(role="manager", email="stack-manager@example.org", display_name="Helen Baird")
    year = current_year() - 1
    approved_report(year, text="The panel found repairs better and complaints slower.")
    _worker_ready(stack, "worker")
    browser = sign_in(stack, manager)

    response = _ask(browser, "/reports/ask/annual/", "/reports/")

    assert response.status_code == 200, response.text[:2000]
    request_id = int(re.search(r"/reports/(\d+)/$", response.url).group(1))
    assert "Your report is being made" in response.text
    assert 'hx-trigger="every 3s"' in response.text or "Ready" in response.text
    report = _wait_for_status(request_id, Status.DONE, Status.FAILED)
    assert report.status == Status.DONE, report.error_detail + stack.log("worker")
    # The worker logs the task's end just after the task has saved the report: waited for.
    stack.wait_for(
        lambda: re.search(r"make_report\[[\w-]+\] succeeded in [\d.]+s: 'done'", stack.log("worker")),
        "the worker to log the report made", "worker",
    )

    fragment = browser.get(f"/reports/{request_id}/status/")
    assert "Your report is ready." in fragment.text and "hx-trigger" not in fragment.text
    download = browser.get(f"/reports/{request_id}/download/")
    assert download.status_code == 200
    assert download.headers["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(download.content))
    assert reader.metadata.title == f"Annual Report to Tenants {year_of(year).label}"
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "The panel found repairs better and complaints slower." in " ".join(text.split())


def _spawn_holding_worker(stack):
    """A worker that holds each report mid-making (tests/stack/slow_reports.py)."""
    stack._spawn("worker", [
        sys.executable, "-m", "celery", "-A", "scrutiny", "worker", "-I", "tests.stack.slow_reports",
        "-P", "solo", "-l", "info", "--without-gossip", "--without-mingle", "--without-heartbeat",
        "-Q", stack.queue, "-n", f"{stack.queue}-1@%h",
    ])


def test_a_report_whose_worker_is_killed_is_made_again_within_two_minutes_once(stack, tmp_path):
    """With the shipped defaults, as the out-of-memory killer would: another worker (with beat)
    is running, the one making the report is killed (its message never acknowledged), and the
    report is made again by the next worker, once, within the job's lease plus one beat run
    (2 minutes), not after the task time limit; its page and download then work."""
    manager = UserFactory(role="manager", email="stack-manager3@example.org", display_name="Helen Baird")
    review = ReviewFactory(title="Repairs communication")
    FindingFactory(review=review, statement="Tenants were not told when the repair was booked.")
    stack.start_web()
    _spawn_holding_worker(stack)
    _worker_ready(stack, "worker")
    browser = sign_in(stack, manager)
    page = browser.get(f"/reports/reviews/{review.pk}/")
    response = browser.post(
        f"/reports/ask/reviews/{review.pk}/", data={"csrfmiddlewaretoken": csrf_token(page)}
    )
    request_id = int(re.search(r"/reports/(\d+)/$", response.url).group(1))
    stack.wait_for(
        lambda: f"Holding report {request_id} mid-making" in stack.log("worker"),
        "the worker to be making the report", "worker",
    )
    stack._spawn("worker-2", [
        sys.executable, "-m", "celery", "-A", "scrutiny", "worker",
        "-B", "-s", str(tmp_path / "beat-schedule"),
        "-P", "solo", "-l", "info", "--without-gossip", "--without-mingle", "--without-heartbeat",
        "-Q", stack.queue, "-n", f"{stack.queue}-2@%h",
    ])
    stack.wait_for(lambda: " ready." in stack.log("worker-2"), "the second worker to start", "worker-2")

    assert ReportRequest.objects.get(pk=request_id).status == Status.RUNNING
    worker, _ = stack.processes["worker"]
    worker.send_signal(signal.SIGKILL)
    killed_at = timezone.now()
    worker.wait(timeout=60)
    report = _wait_for_status(request_id, Status.DONE, Status.FAILED)

    assert report.status == Status.DONE, report.error_detail + stack.log("worker-2")
    job = Job.objects.get(pk=report.job_id)
    assert job.attempts == 2 and report.attempts == 2
    assert job.started_at - killed_at < timedelta(minutes=2)  # taken again within the lease window
    stack.wait_for(
        lambda: re.search(r"make_report\[[\w-]+\] succeeded in [\d.]+s: 'done'", stack.log("worker-2")),
        "the worker to log the report made", "worker-2",
    )
    assert len(re.findall(r"succeeded in [\d.]+s: 'done'", stack.log("worker-2"))) == 1
    assert "Repairs communication" in browser.get(f"/reports/{request_id}/").text
    download = browser.get(f"/reports/{request_id}/download/")
    assert download.status_code == 200 and download.content.startswith(b"%PDF")
