"""Changes to report requests: asking, making (in the worker), retrying, deleting old files.

Asking creates a ReportRequest in the same transaction as its outbox job (scrutiny/jobs.py),
which is the one claim, lease, attempt count and re-queue: a broker or worker failure loses
nothing, and a report is made by one worker at a time. The request shows what the job does:
"being made" (with the job's attempt count) when a worker starts, done or failed when it ends,
and failed in plain words when the job gives up (`give_up`, told by the job's beat).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import traceback
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.db.models import QuerySet
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from reports import permissions, review_page
from reports.models import ACTIVE, Kind, ReportRequest, Status
from scrutiny import jobs
from scrutiny.permissions import require

if TYPE_CHECKING:
    from accounts.models import User
    from reports.makers import Made
    from scrutiny.models import Job

logger = logging.getLogger(__name__)

# Failures that may pass by themselves (disk, network, database): the task retries these, as
# every task does (scrutiny/celery.py).
TRANSIENT = (OSError, ConnectionError, TimeoutError, OperationalError, InterfaceError)
#: The task that makes a report, queued by name (services do not import tasks).
MAKE_REPORT = "reports.tasks.make_report"

LAYOUT_FAULT = _(
    "The report could not be made because of a fault in its page layout (its template). "
    "The technical details have been kept for the administrators. You can try again; if it "
    "fails again, please tell your administrator."
)
DATA_FAULT = _(
    "The report could not be made: something in the information it draws on could not be "
    "set out. The technical details have been kept for the administrators. You can try again; "
    "if it fails again, please tell your administrator."
)
TRANSIENT_FAULT = _(
    "The report could not be made because a part of the system (storage, database or network) "
    "did not answer, even after several tries. Please try again in a few minutes."
)
STORE_FAULT = _(
    "The report was made but could not be stored. The technical details have been kept for the "
    "administrators. You can try again; if it fails again, please tell your administrator."
)
GAVE_UP = _(
    "The report was started %(attempts)s times but never finished (the worker making it may have "
    "stopped). Please try again; if it fails again, tell your administrator."
)


def _gave_up(attempts: int) -> str:
    return str(GAVE_UP) % {"attempts": attempts}


def request_language(language: str | None = None) -> str:
    """The language a report is made in: the one asked for, else the page's (English if neither)."""
    codes = [code for code, _label in settings.LANGUAGES]
    for wanted in (language, translation.get_language()):
        if wanted in codes:
            return wanted
    return settings.LANGUAGE_CODE


def request_key(
    *, kind: str, parameters: dict, by: User | None, language: str = settings.LANGUAGE_CODE,
) -> str:
    """The same report with the same choices gets the same key; exports also depend on who asks.
    A report in Welsh is not the same report as in English (an English key is unchanged)."""
    owner = by.pk if by is not None and kind in permissions.EXPORT_KINDS else None
    described = {"kind": kind, "parameters": parameters, "owner": owner}
    if language != settings.LANGUAGE_CODE:
        described["language"] = language
    text = json.dumps(described, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def request_report(
    *, kind: str, parameters: dict, by: User, title: str, language: str | None = None,
) -> tuple[ReportRequest, bool]:
    """Ask for a report: a new queued request, or the identical one already waiting or being made.
    It is made in `language` (default: the page's)."""
    language = request_language(language)
    key = request_key(kind=kind, parameters=parameters, by=by, language=language)
    existing = ReportRequest.objects.filter(key=key, status__in=ACTIVE).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            report = ReportRequest.objects.create(
                kind=kind, parameters=parameters, key=key, title=title, requested_by=by,
                language=language, queued_at=timezone.now(),
            )
            _queue(report)
    except IntegrityError:
        # Someone asked for the same report a moment ago: share theirs (the constraint's work).
        return ReportRequest.objects.get(key=key, status__in=ACTIVE), False
    return report, True


def _update(requests: QuerySet[ReportRequest], **values: Any) -> int:
    """`requests.update(**values)`, which sends no signals: the review pages showing those
    requests are told here (reports/review_page.py)."""
    review_ids = list(requests.filter(kind=Kind.REVIEW).values_list("parameters__review", flat=True))
    count = requests.update(**values)
    review_page.forget(*review_ids)
    return count


def _queue(report: ReportRequest) -> None:
    report.job = jobs.enqueue(MAKE_REPORT, report.pk)
    ReportRequest.objects.filter(pk=report.pk).update(job=report.job)  # the job is not shown: no version


def retry(*, report: ReportRequest, by: User) -> ReportRequest:
    """Try a failed report again (or share the identical one someone has asked for since)."""
    require(permissions.can_retry(by, report), permissions.REFUSALS["retry"])
    if report.status != Status.FAILED:
        raise ValidationError(_("Only a report that failed can be tried again."))
    try:
        with transaction.atomic():
            updated = _update(
                ReportRequest.objects.filter(pk=report.pk, status=Status.FAILED),
                status=Status.QUEUED, error="", error_detail="", attempts=0,
                queued_at=timezone.now(), started_at=None, finished_at=None,
            )
            if updated:
                _queue(report)
    except IntegrityError:
        return ReportRequest.objects.get(key=report.key, status__in=ACTIVE)
    report.refresh_from_db()
    return report


def _start(request_id: int) -> ReportRequest | None:
    """Mark the request "being made" (its job is claimed), or None if it is done or failed."""
    report = ReportRequest.objects.select_related("job").filter(pk=request_id).first()
    if report is None or report.status in (Status.DONE, Status.FAILED):
        return None
    report.status = Status.RUNNING
    report.started_at = timezone.now()
    report.attempts = report.job.attempts if report.job else report.attempts + 1
    report.save(update_fields=["status", "started_at", "attempts"])
    return report


def _fail(report: ReportRequest, message: Any, exc: BaseException) -> None:
    with translation.override(report.language or settings.LANGUAGE_CODE):  # in the asker's words
        message = str(message)
    detail = "".join(traceback.format_exception(exc))[-8000:]
    logger.error("Report request %s failed: %s", report.pk, detail)
    _update(
        ReportRequest.objects.filter(pk=report.pk),
        status=Status.FAILED, error=message, error_detail=detail, finished_at=timezone.now(),
    )


def make_report(*, request_id: int, last_try: bool = True) -> str:
    """Make the report's file and store it; record a failure in plain words."""
    from reports.makers import make

    report = _start(request_id)
    if report is None:
        return "skipped: done already"
    stage = "make"
    try:
        with translation.override(report.language or settings.LANGUAGE_CODE):  # the PDF's words and lang
            made = make(report)
        stage = "store"
        _store(report, made)
    except TRANSIENT as exc:
        if not last_try:
            _update(ReportRequest.objects.filter(pk=report.pk), status=Status.QUEUED)
            raise  # the task tries again later
        _fail(report, TRANSIENT_FAULT, exc)
        return "failed"
    except (TemplateSyntaxError, TemplateDoesNotExist) as exc:
        _fail(report, LAYOUT_FAULT, exc)
        return "failed"
    except Exception as exc:  # noqa: BLE001 - any other fault is recorded for people to see
        # Anything raised here, storing included, must end in "failed": left "being made", the
        # request would wait for its job's re-queue before anyone heard of it.
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


def give_up(*, given_up: Iterable[Job]) -> int:
    """Jobs that used up their attempts without making their reports: fail those in plain words."""
    count = 0
    for job in given_up:
        for code, _label in settings.LANGUAGES:
            with translation.override(code):
                count += _update(
                    ReportRequest.objects.filter(job=job, status__in=ACTIVE, language=code),
                    status=Status.FAILED, error=_gave_up(job.attempts), finished_at=timezone.now(),
                )
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
        _update(ReportRequest.objects.filter(pk=report.pk), file="", file_deleted_at=now)
        count += 1
    return count


def download_name(report: ReportRequest) -> str:
    return report.file_name or os.path.basename(report.file.name)
