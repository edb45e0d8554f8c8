"""The panels app's models, split by concern; import them from here."""

from panels.models.meeting import (
    Attendance,
    AttendanceStatus,
    Meeting,
    MeetingItem,
    MeetingItemKind,
    MeetingPaper,
)
from panels.models.panel import (
    Membership,
    MembershipQuerySet,
    Panel,
    PanelInvitation,
    PanelKind,
    PanelRole,
    clean_rich_text,
)
from panels.models.training import Training

__all__ = [
    "Attendance",
    "AttendanceStatus",
    "Meeting",
    "MeetingItem",
    "MeetingItemKind",
    "MeetingPaper",
    "Membership",
    "MembershipQuerySet",
    "Panel",
    "PanelInvitation",
    "PanelKind",
    "PanelRole",
    "Training",
    "clean_rich_text",
]
