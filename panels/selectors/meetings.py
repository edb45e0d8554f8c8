"""Reads for meetings: lists, one meeting's page, the attendance sheet and home page."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Count, OuterRef, Q, Subquery

from panels.models import Attendance, AttendanceStatus, Meeting, Membership
from panels.permissions import panel_ids_for

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from accounts.models import User
    from panels.models import Panel
    from scrutiny.permissions import Person


def _with_counts(meetings: QuerySet[Meeting], user: Person) -> QuerySet[Meeting]:
    """Meetings with attendance counts and the person's own attendance status (or None)."""
    mine = Attendance.objects.filter(meeting=OuterRef("pk"), user=user).values("status")[:1]
    return meetings.annotate(
        present_count=Count(
            "attendance", filter=Q(attendance__status=AttendanceStatus.PRESENT), distinct=True
        ),
        apologies_count=Count(
            "attendance", filter=Q(attendance__status=AttendanceStatus.APOLOGIES), distinct=True
        ),
        paper_count=Count("papers", distinct=True),
        my_status=Subquery(mine),
    )


def upcoming_meetings(panel: Panel, user: Person) -> QuerySet[Meeting]:
    """The panel's meetings still to come, soonest first."""
    return _with_counts(Meeting.objects.upcoming().filter(panel=panel), user)


def past_meetings(panel: Panel, user: Person) -> QuerySet[Meeting]:
    """The panel's meetings that have finished or were cancelled, newest first."""
    upcoming = Meeting.objects.upcoming().filter(panel=panel).values("pk")
    return _with_counts(
        Meeting.objects.filter(panel=panel).exclude(pk__in=upcoming).order_by("-date", "-start_time"), user
    )


def upcoming_meetings_for(user: Person, limit: int = 5) -> QuerySet[Meeting]:
    """The next meetings of the panels the person belongs to, with their papers counted and the
    person's own status: what the home page shows of them (no attendance counts, which a
    meeting to come has none of worth showing and which cost two counted joins)."""
    mine = Attendance.objects.filter(meeting=OuterRef("pk"), user=user).values("status")[:1]
    meetings = Meeting.objects.upcoming().filter(panel_id__in=panel_ids_for(user)).select_related("panel")
    return meetings.annotate(paper_count=Count("papers"), my_status=Subquery(mine))[:limit]


def meeting_page(meeting: Meeting) -> dict[str, list[Any]]:
    """What a meeting's page shows besides the meeting: papers, decisions and actions, attendance."""
    return {
        "papers": list(meeting.papers.select_related("uploaded_by")),
        "items": list(meeting.items.select_related("owner").order_by("-kind", "created_at")),
        "attendance": list(
            meeting.attendance.select_related("user").order_by("-status", "user__display_name")
        ),
    }


def attendance_sheet(meeting: Meeting) -> list[dict[str, Any]]:
    """A row per person expected at the meeting (members on its date), plus anyone else already
    recorded, each with their attendance (or None): the sheet a chair fills in."""
    members = (
        Membership.objects.current(meeting.date)
        .filter(panel=meeting.panel_id)
        .select_related("user")
        .order_by("user__display_name")
    )
    recorded = {a.user_id: a for a in meeting.attendance.select_related("user")}
    rows = [{"user": m.user, "membership": m, "attendance": recorded.pop(m.user_id, None)} for m in members]
    rows += [{"user": a.user, "membership": None, "attendance": a} for a in recorded.values()]
    return rows


def my_attendance(meeting: Meeting, user: User) -> Attendance | None:
    """The person's attendance record for the meeting, if one was made."""
    return Attendance.objects.filter(meeting=meeting, user=user).first()
