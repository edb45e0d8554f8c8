"""Waiting for the panel to approve its assessment, so nobody who asks for the Annual Report
too early is left with nothing to do: staff may remind the chairs (once a day at most), and
each person's waiting request is made, and they are told, once the panel approves."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import Role, User
from accounts.notices import tell
from reports import permissions, selectors, services
from reports.annual import annual_title, year_of
from reports.models import AnnualReport, Kind, WaitingRequest
from scrutiny.jobs import enqueue
from scrutiny.permissions import require
from scrutiny.translated import ENGLISH, language_of

if TYPE_CHECKING:
    from reports.models import ReportRequest

# Long enough that the chairs are not flooded, short enough that a week does not pass unseen.
REMIND_AGAIN_AFTER = timedelta(days=1)


def next_reminder_at(record: AnnualReport | None) -> datetime | None:
    """When the next reminder may be sent; None if one may be sent now."""
    if record is None or record.reminded_at is None:
        return None
    when = record.reminded_at + REMIND_AGAIN_AFTER
    return when if when > timezone.now() else None


def people_to_remind() -> list[User]:
    """The chairs and vice-chairs who can approve; administrators when no panel has one."""
    people = {m.user_id: m.user for m in selectors.assessment_approvers()}
    if people:
        return list(people.values())
    return list(User.objects.filter(role=Role.ADMIN, is_active=True).order_by("pk"))


@transaction.atomic
def wait_for_approval(*, year: int, by: User, large_print: bool, language: str = ENGLISH) -> WaitingRequest:
    """Keep the person's request until the panel approves (asking again keeps the one request);
    the report is made in the language asked for."""
    require(permissions.can_request_annual(by))
    record, _created = AnnualReport.objects.get_or_create(year=year)
    waiting, _created = WaitingRequest.objects.get_or_create(
        annual_report=record, requested_by=by, large_print=large_print, language=language,
        made_at__isnull=True,
    )
    return waiting


@transaction.atomic
def cancel_waiting(*, waiting: WaitingRequest, by: User) -> None:
    """The person no longer wants the report made when the panel approves: forget their request."""
    require(permissions.can_cancel_waiting(by, waiting), permissions.REFUSALS["cancel"])
    waiting = WaitingRequest.objects.select_for_update().get(pk=waiting.pk)
    if waiting.made_at is not None:
        raise ValidationError(_(
            "The panel has approved its assessment and your report has already been made: "
            "you will find it under \"Reports you asked for\"."
        ))
    waiting.delete()


@transaction.atomic
def remind_approvers(*, year: int, by: User) -> AnnualReport:
    """Ask the chairs to approve the year's assessment (recorded now, sent by the worker)."""

    require(permissions.can_remind_approvers(by), permissions.REFUSALS["remind"])
    record, _created = AnnualReport.objects.get_or_create(year=year)
    record = AnnualReport.objects.select_for_update().get(pk=record.pk)
    if record.is_approved:
        raise ValidationError(_("The panel has already approved its assessment: no reminder is needed."))
    again = next_reminder_at(record)
    if again is not None:
        sent = timezone.localtime(record.reminded_at)
        raise ValidationError(
            _("A reminder was sent less than a day ago, on %(sent)s. You can send another from %(again)s.")
            % {"sent": _when(sent), "again": _when(timezone.localtime(again))}
        )
    record.reminded_at = timezone.now()
    record.reminded_by = by
    record.save(update_fields=["reminded_at", "reminded_by", "updated_at"])
    enqueue("reports.tasks.send_approval_reminder", year)
    return record


def send_approval_reminder(*, year: int) -> int:
    """Tell each approver the reminder asked for and not sent yet (safe to run twice)."""
    with transaction.atomic():
        rows = AnnualReport.objects.select_for_update(of=("self",)).select_related("reminded_by")
        record = rows.get(year=year)
        sent_already = record.reminder_sent_at and record.reminder_sent_at >= record.reminded_at
        if record.reminded_at is None or sent_already:
            return 0
        sent = 0
        if not record.is_approved:
            context = {"year": year_of(year), "by": record.reminded_by}
            for person in people_to_remind():
                with language_of(person):
                    sent += tell(
                        person=person,
                        subject=_("Please approve the panel's assessment for %(year)s")
                        % {"year": year_of(year).label},
                        template="reports/email/approval_reminder.txt", context=context,
                        path=reverse("reports:assessment", args=[year]), about=record,
                    )
        record.reminder_sent_at = timezone.now()
        record.save(update_fields=["reminder_sent_at"])
    return sent


def make_waiting_reports(*, year: int) -> int:
    """Once the panel approves, make each waiting request and tell its person (safe to run twice)."""
    record = AnnualReport.objects.filter(year=year).first()
    if record is None or not record.is_approved:
        return 0
    made = 0
    rows = WaitingRequest.objects.select_for_update().select_related("requested_by", "annual_report")
    for waiting_id in record.waiting.filter(made_at__isnull=True).values_list("pk", flat=True):
        with transaction.atomic():
            waiting = rows.get(pk=waiting_id)
            if waiting.made_at is not None:
                continue
            waiting.made_at = timezone.now()
            if waiting.requested_by.is_active:
                waiting.made = _make(waiting)
                made += 1
            waiting.save(update_fields=["made", "made_at"])
    return made


def _make(waiting: WaitingRequest) -> ReportRequest:
    year, large_print, person = waiting.annual_report.year, waiting.large_print, waiting.requested_by
    language = services.request_language(waiting.language)
    with translation.override(language):  # the report, and so its title, in the language asked for
        title = annual_title(year, large_print=large_print)
    report, _created = services.request_report(
        kind=Kind.ANNUAL, parameters={"year": year, "large_print": large_print}, by=person, title=title,
        language=language,
    )
    with language_of(person):  # the email in the person's own language
        tell(
            person=person,
            subject=_("The panel has approved its assessment: your %(title)s is being made")
            % {"title": title},
            template="reports/email/waiting_report_made.txt", context={"title": title, "report": report},
            path=report.get_absolute_url(), about=waiting,
        )
    return report


def _when(moment: datetime) -> str:
    """A day and time as "7 December at 14:05", in the active language."""
    from django.utils.formats import date_format

    return _("%(day)s at %(time)s") % {"day": date_format(moment, "j F"), "time": date_format(moment, "H:i")}
