"""Reads for the panels app's pages and for other apps: import them from here.

The volunteering figures (meetings held, attendance rate, volunteer hours, people trained) are
counted in one place, panels.selectors.volunteering, which the annual report reads too.
"""

from panels.selectors.meetings import (
    attendance_sheet,
    meeting_page,
    my_attendance,
    past_meetings,
    upcoming_meetings,
    upcoming_meetings_for,
)
from panels.selectors.panels import (
    course_counts,
    current_members,
    due_for_refresher,
    due_for_refresher_count,
    latest_by_course,
    memberships_of,
    panel_training,
    past_members,
    pending_places,
    training_due,
    training_of,
    visible_panels,
    with_latest_training,
)
from panels.selectors.volunteering import (
    Figures,
    forget_figures,
    member_figures,
    page_due_count,
    page_figures,
    panel_figures,
    person_figures,
    totals,
)
from scrutiny.dates import Period, financial_year, financial_year_starting, recent_financial_years

__all__ = [
    "Figures",
    "Period",
    "attendance_sheet",
    "course_counts",
    "current_members",
    "due_for_refresher",
    "due_for_refresher_count",
    "latest_by_course",
    "financial_year",
    "financial_year_starting",
    "forget_figures",
    "meeting_page",
    "member_figures",
    "memberships_of",
    "my_attendance",
    "page_due_count",
    "page_figures",
    "panel_figures",
    "panel_training",
    "past_meetings",
    "past_members",
    "pending_places",
    "person_figures",
    "recent_financial_years",
    "totals",
    "training_due",
    "training_of",
    "upcoming_meetings",
    "upcoming_meetings_for",
    "visible_panels",
    "with_latest_training",
]
