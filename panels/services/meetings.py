"""Changes to meetings: arranging them, papers, minutes, decisions, actions and attendance."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from panels import permissions
from panels.models import Attendance, AttendanceStatus, Meeting, MeetingItem, MeetingPaper
from scrutiny.locking import claim
from scrutiny.permissions import require

if TYPE_CHECKING:
    from django.core.files import File

    from accounts.models import User
    from panels.models import Panel

MEETING_FIELDS = (
    "title",
    "date",
    "start_time",
    "end_time",
    "place",
    "online_link",
    "agenda",
    "minutes",
    "is_cancelled",
)
MANAGERS_ONLY = _lazy("Only the panel's chair, its officers and administrators can arrange meetings.")


def _check_times(start_time: datetime.time, end_time: datetime.time | None) -> None:
    if start_time and end_time and end_time <= start_time:
        raise ValidationError({"end_time": _("The meeting must end after it starts.")})


@transaction.atomic
def create_meeting(
    *, panel: Panel, by: User, title: str, date: datetime.date, start_time: datetime.time,
    end_time: datetime.time | None, place: str = "", online_link: str = "", agenda: str = "",
) -> Meeting:
    """Arrange a meeting of the panel."""
    require(permissions.can_manage_panel(by, panel), MANAGERS_ONLY)
    _check_times(start_time, end_time)
    if not place and not online_link:
        raise ValidationError({"place": _("Say where the meeting is, or give a link to join it online.")})
    return Meeting.objects.create(
        panel=panel,
        title=title,
        date=date,
        start_time=start_time,
        end_time=end_time,
        place=place,
        online_link=online_link,
        agenda=agenda,
        created_by=by,
    )


@transaction.atomic
def update_meeting(*, meeting: Meeting, by: User, version: int | None = None, **fields: Any) -> Meeting:
    """Change a meeting's details, add its minutes, or cancel it; refuse if someone else saved
    it after `version` was read."""
    require(permissions.can_manage_meeting(by, meeting), MANAGERS_ONLY)
    meeting = claim(meeting, version=version, by=by, noun="meeting")
    for name in MEETING_FIELDS:
        if name in fields:
            setattr(meeting, name, fields[name])
    _check_times(meeting.start_time, meeting.end_time)
    if not meeting.place and not meeting.online_link:
        raise ValidationError({"place": _("Say where the meeting is, or give a link to join it online.")})
    meeting.save()
    return meeting


@transaction.atomic
def add_paper(*, meeting: Meeting, by: User, title: str, file: File) -> MeetingPaper:
    """Add a paper (already checked by the upload service) to a meeting."""
    require(
        permissions.can_manage_meeting(by, meeting),
        _("Only the panel's chair, its officers and administrators can add papers."),
    )
    return MeetingPaper.objects.create(
        meeting=meeting, title=title.strip() or file.name, file=file, file_name=file.name, uploaded_by=by
    )


@transaction.atomic
def remove_paper(*, paper: MeetingPaper, by: User) -> None:
    require(
        permissions.can_manage_meeting(by, paper.meeting),
        _("Only the panel's chair, its officers and administrators can remove papers."),
    )
    paper.file.delete(save=False)
    paper.delete()


@transaction.atomic
def add_item(
    *, meeting: Meeting, by: User, kind: str, text: str, owner: User | None = None,
    due_on: datetime.date | None = None,
) -> MeetingItem:
    """Record a decision the meeting took or an action someone agreed to."""
    require(
        permissions.can_manage_meeting(by, meeting),
        _("Only the panel's chair, its officers and administrators can record decisions and actions."),
    )
    if due_on and due_on < meeting.date:
        raise ValidationError({"due_on": _("The date must be on or after the day of the meeting.")})
    return MeetingItem.objects.create(meeting=meeting, kind=kind, text=text, owner=owner, due_on=due_on)


@transaction.atomic
def remove_item(*, item: MeetingItem, by: User) -> None:
    require(
        permissions.can_manage_meeting(by, item.meeting),
        _("Only the panel's chair, its officers and administrators can remove decisions and actions."),
    )
    item.delete()


@transaction.atomic
def send_apologies(*, meeting: Meeting, user: User, note: str = "") -> Attendance:
    """A member says they cannot come to a meeting that has not happened yet."""
    require(
        permissions.is_member(user, meeting.panel_id), _("Only members of the panel can send apologies.")
    )
    if not meeting.is_upcoming:
        raise ValidationError(_("This meeting has already happened or was cancelled."))
    attendance, _created = Attendance.objects.update_or_create(
        meeting=meeting,
        user=user,
        defaults={
            "status": AttendanceStatus.APOLOGIES,
            "hours": None,
            "note": note.strip(),
            "apologies_sent_at": timezone.now(),
            "recorded_by": user,
        },
    )
    return attendance


@transaction.atomic
def withdraw_apologies(*, meeting: Meeting, user: User) -> None:
    """A member who sent apologies can come after all."""
    require(
        permissions.is_member(user, meeting.panel_id), _("Only members of the panel can send apologies.")
    )
    if not meeting.is_upcoming:
        raise ValidationError(_("This meeting has already happened or was cancelled."))
    Attendance.objects.filter(meeting=meeting, user=user, status=AttendanceStatus.APOLOGIES).delete()


@transaction.atomic
def record_attendance(
    *, meeting: Meeting, by: User, entries: Iterable[tuple[User, str, Decimal | None]]
) -> None:
    """Record who came: entries are (user, status or "" for not recorded, hours or None).

    Volunteer hours default to the meeting's length for people present; people who sent
    apologies or were absent have none.
    """
    require(
        permissions.can_manage_meeting(by, meeting),
        _("Only the panel's chair, its officers and administrators can record attendance."),
    )
    if meeting.is_cancelled:
        raise ValidationError(_("This meeting was cancelled, so there is no attendance to record."))
    existing = {a.user_id: a for a in meeting.attendance.all()}
    for user, status, hours in entries:
        row = existing.get(user.pk)
        if not status:
            if row is not None:
                row.delete()
            continue
        if status == AttendanceStatus.PRESENT:
            hours = meeting.length_hours if hours is None else Decimal(hours)
        else:
            hours = None
        if row is None:
            row = Attendance(meeting=meeting, user=user)
        row.status, row.hours, row.recorded_by = status, hours, by
        row.save()
