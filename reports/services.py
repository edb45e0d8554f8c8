"""Changes to report requests: asking, making (in the worker), retrying and housekeeping.

Asking creates a ReportRequest in the same transaction as the queued job (scrutiny.jobs), so a
broker or worker failure loses nothing: `housekeeping` queues again what is still waiting.
Making a report is safe to run twice: a worker first claims the request, and a request that is
done, failed or being made by a live worker is left alone.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import traceback
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.utils import timezone

from reports import permissions
from reports.models import ACTIVE, ReportRequest, Status
from scrutiny import jobs
from scrutiny.permissions import require

if TYPE_CHECKING:
    from accounts.models import User
    from reports.makers import Made

logger = logging.getLogger(__name__)

# Failures that may pass by themselves (disk, network, database): the task retries these.
TRANSIENT = (OSError, ConnectionError, TimeoutError, OperationalError, InterfaceError)

LAYOUT_FAULT = (
    "The report could not be made because of a fault in its page layout (its template). "
    "The technical details have been kept for the administrators. You can try again; if it "
    "fails again, please tell your administrator."
)
DATA_FAULT = (
    "The report could not be made: something in the information it draws on could not be "
    "set out. The technical details have been kept for the administrators. You can try again; "
    "if it fails again, please tell your administrator."
)
TRANSIENT_FAULT = (
    "The report could not be made because a part of the system (storage, database or network) "
    "did not answer, even after several tries. Please try again in a few minutes."
)
STORE_FAULT = (
    "The report was made but could not be stored. The technical details have been kept for the "
    "administrators. You can try again; if it fails again, please tell your administrator."
)
GAVE_UP = (
    "The report was started {attempts} times but never finished (the worker making it may have "
    "stopped). Please try again; if it fails again, tell your administrator."
)


class Retry(Exception):  # noqa: N818 - it names what the task should do
    """A transient failure: the task should try again later."""


def request_key(*, kind: str, parameters: dict, by: User | None) -> str:
    """The same report with the same choices gets the same key; exports also depend on who asks."""
    owner = by.pk if by is not None and kind in permissions.EXPORT_KINDS else None
    text = json.dumps({"kind": kind, "parameters": parameters, "owner": owner}, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def request_report(*, kind: str, parameters: dict, by: User, title: str) -> tuple[ReportRequest, bool]:
    """Ask for a report: a new queued request, or the identical one already waiting or being made."""
    key = request_key(kind=kind, parameters=parameters, by=by)
    existing = ReportRequest.objects.filter(key=key, status__in=ACTIVE).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            report = ReportRequest.objects.create(
                kind=kind, parameters=parameters, key=key, title=title, requested_by=by,
                queued_at=timezone.now(),
            )
            _queue(report)
    except IntegrityError:
        # Someone asked for the same report a moment ago: share theirs (the constraint's work).
        return ReportRequest.objects.get(key=key, status__in=ACTIVE), False
    return report, True


def _queue(report: ReportRequest) -> None:
    from reports.tasks import make_report

    jobs.enqueue(make_report, report.pk)


def retry(*, report: ReportRequest, by: User) -> ReportRequest:
    """Try a failed report again (or share the identical one someone has asked for since)."""
    require(permissions.can_retry(by, report), permissions.REFUSALS["retry"])
    if report.status != Status.FAILED:
        raise ValidationError("Only a report that failed can be tried again.")
    try:
        with transaction.atomic():
            updated = ReportRequest.objects.filter(pk=report.pk, status=Status.FAILED).update(
                status=Status.QUEUED, error="", error_detail="", attempts=0,
                queued_at=timezone.now(), started_at=None, finished_at=None,
            )
            if updated:
                _queue(report)
    except IntegrityError:
        return ReportRequest.objects.get(key=report.key, status__in=ACTIVE)
    report.refresh_from_db()
    return report


def running_deadline() -> timedelta:
    """A request 'being made' for longer than this has lost its worker."""
    return timedelta(seconds=settings.REPORT_RUNNING_DEADLINE)


def _claim(request_id: int) -> ReportRequest | None:
    """Take the request for this worker, or None if there is nothing for it to do."""
    now = timezone.now()
    with transaction.atomic():
        report = ReportRequest.objects.select_for_update().filter(pk=request_id).first()
        if report is None or report.status in (Status.DONE, Status.FAILED):
            return None
        started = report.started_at
        if report.status == Status.RUNNING and started and started > now - running_deadline():
            return None  # a live worker is making it
        report.status = Status.RUNNING
        report.started_at = now
        report.attempts += 1
        report.save(update_fields=["status", "started_at", "attempts"])
    return report


def _fail(report: ReportRequest, message: str, exc: BaseException) -> None:
    detail = "".join(traceback.format_exception(exc))[-8000:]
    logger.error("Report request %s failed: %s", report.pk, detail)
    ReportRequest.objects.filter(pk=report.pk).update(
        status=Status.FAILED, error=message, error_detail=detail, finished_at=timezone.now(),
    )


def make_report(*, request_id: int, last_try: bool = True) -> str:
    """Make the report's file and store it; record a failure in plain words."""
    from reports.makers import make

    report = _claim(request_id)
    if report is None:
        return "skipped: done already or being made"
    stage = "make"
    try:
        made = make(report)
        stage = "store"
        _store(report, made)
    except TRANSIENT as exc:
        if not last_try:
            ReportRequest.objects.filter(pk=report.pk).update(status=Status.QUEUED)
            raise Retry(str(exc)) from exc
        _fail(report, TRANSIENT_FAULT, exc)
        return "failed"
    except (TemplateSyntaxError, TemplateDoesNotExist) as exc:
        _fail(report, LAYOUT_FAULT, exc)
        return "failed"
    except Exception as exc:  # noqa: BLE001 - any other fault is recorded for people to see
        # Anything raised here, storing included, must end in "failed": left "being made", the
        # request would wait for the running deadline (minutes) before anyone heard of it.
        _fail(report, STORE_FAULT if stage == "store" else DATA_FAULT, exc)
        return "failed"
    return "done"


def _store(report: ReportRequest, made: Made) -> None:
    """Keep the made file and mark the request done; a file whose request cannot be saved goes."""
    report.file.save(made.filename, ContentFile(made.content), save=False)
    try:
        with transaction.atomic():  # a refused row leaves the connection usable for _fail
            report.file_name = made.filename
            report.file_size = len(made.content)
            report.pages = made.pages
            report.status = Status.DONE
            report.error = report.error_detail = ""
            report.finished_at = timezone.now()
            report.save(update_fields=[
                "file", "file_name", "file_size", "pages", "status", "error", "error_detail", "finished_at",
            ])
    except Exception:
        report.file.delete(save=False)
        raise


def requeue_stuck(*, now: datetime | None = None) -> int:
    """Queue again requests still waiting, or whose worker stopped, past their deadline."""
    now = now or timezone.now()
    waiting = ReportRequest.objects.filter(
        status=Status.QUEUED, queued_at__lt=now - timedelta(seconds=settings.REPORT_REQUEUE_AFTER)
    )
    lost = ReportRequest.objects.filter(status=Status.RUNNING, started_at__lt=now - running_deadline())
    count = 0
    for report in [*waiting, *lost]:
        if report.attempts >= settings.REPORT_MAX_ATTEMPTS:
            ReportRequest.objects.filter(pk=report.pk, status=report.status).update(
                status=Status.FAILED, error=GAVE_UP.format(attempts=report.attempts),
                finished_at=now,
            )
            continue
        with transaction.atomic():
            ReportRequest.objects.filter(pk=report.pk).update(queued_at=now)
            _queue(report)
        count += 1
    return count


def delete_old_files(*, now: datetime | None = None) -> int:
    """Remove report files older than REPORT_RETENTION_DAYS; the request stays as a record."""
    now = now or timezone.now()
    old = ReportRequest.objects.filter(
        status=Status.DONE, finished_at__lt=now - timedelta(days=settings.REPORT_RETENTION_DAYS),
        file_deleted_at__isnull=True,
    ).exclude(file="")
    count = 0
    for report in old:
        report.file.delete(save=False)
        ReportRequest.objects.filter(pk=report.pk).update(file="", file_deleted_at=now)
        count += 1
    return count


def housekeeping() -> dict[str, Any]:
    """The beat job: re-queue what is stuck and delete files past their retention."""
    return {"requeued": requeue_stuck(), "files_deleted": delete_old_files()}


def download_name(report: ReportRequest) -> str:
    return report.file_name or os.path.basename(report.file.name)
