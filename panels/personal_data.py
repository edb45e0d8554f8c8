from datetime import date
from typing import Any

from django.utils.translation import gettext

from accounts.models import User
from panels.models import Attendance, Membership, Training


def _date(value: date | None) -> str | None:
    return value.isoformat() if value else None


def collect(user: User) -> tuple[str, dict[str, Any]] | None:
    """What this app holds about a person, as (title, data) for their download, or None."""
    memberships = Membership.objects.filter(user=user).select_related("panel").order_by("joined_on")
    training = Training.objects.filter(user=user).order_by("completed_on")
    attendance = (
        Attendance.objects.filter(user=user)
        .select_related("meeting__panel")
        .order_by("meeting__date", "meeting__start_time")
    )
    return gettext("Panels, training and meetings"), {
        "memberships": [
            {
                "panel": m.panel.name,
                "role": m.get_role_display(),
                "joined_on": _date(m.joined_on),
                "left_on": _date(m.left_on),
            }
            for m in memberships
        ],
        "training": [
            {
                "course": t.course,
                "provider": t.provider,
                "completed_on": _date(t.completed_on),
                "refresher_needed_by": _date(t.expires_on),
                "certificate": t.certificate_name or None,
            }
            for t in training
        ],
        "meetings": [
            {
                "panel": a.meeting.panel.name,
                "meeting": a.meeting.title,
                "date": _date(a.meeting.date),
                "attendance": a.get_status_display(),
                "volunteer_hours": str(a.hours) if a.hours is not None else None,
                "message_with_apologies": a.note or None,
                "apologies_sent_at": a.apologies_sent_at.isoformat() if a.apologies_sent_at else None,
            }
            for a in attendance
        ],
    }
