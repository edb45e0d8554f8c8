"""The volunteering figures selector: periods, meetings held, attendance, hours and training."""

import datetime
from decimal import Decimal

import pytest
import time_machine

from panels.models import AttendanceStatus
from panels.selectors import (
    Period,
    financial_year,
    member_figures,
    panel_figures,
    person_figures,
    totals,
)
from scrutiny.models import SiteSettings
from tests.factories.accounts import UserFactory
from tests.factories.panels import (
    AttendanceFactory,
    MeetingFactory,
    MembershipFactory,
    PanelFactory,
    TrainingFactory,
)

D = datetime.date
FY_2025 = Period(D(2025, 4, 1), D(2026, 3, 31))
PRESENT, APOLOGIES, ABSENT = AttendanceStatus.PRESENT, AttendanceStatus.APOLOGIES, AttendanceStatus.ABSENT

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _mid_2026():
    """Every test runs on 15 June 2026 at noon, so "held" and "upcoming" are fixed."""
    with time_machine.travel(datetime.datetime(2026, 6, 15, 12, 0, tzinfo=datetime.UTC), tick=False):
        yield


def figures_for(panel, period=FY_2025):
    return panel_figures(period=period, panels=[panel])[0][1]


FIRST_MEETING = D(2025, 4, 10)


def monthly_meetings(panel, start=FIRST_MEETING, count=12):
    """One meeting on the 10th of each month from start: two hours long."""
    dates = [
        D(start.year + (start.month - 1 + n) // 12, (start.month - 1 + n) % 12 + 1, 10)
        for n in range(count)
    ]
    return [MeetingFactory(panel=panel, date=day) for day in dates]


# Periods ----------------------------------------------------------------------------------


def test_the_default_period_is_the_financial_year_containing_today():
    assert financial_year() == Period(D(2026, 4, 1), D(2027, 3, 31))
    assert financial_year(D(2026, 3, 31)) == FY_2025
    assert financial_year(D(2025, 4, 1)) == FY_2025
    assert financial_year().label == "2026/27"


def test_the_financial_year_follows_the_landlords_start_month():
    site = SiteSettings.load()
    site.financial_year_start_month = 1
    site.save()
    assert financial_year() == Period(D(2026, 1, 1), D(2026, 12, 31))
    assert financial_year().label == "2026"
    site.financial_year_start_month = 7
    site.save()
    assert financial_year() == Period(D(2025, 7, 1), D(2026, 6, 30))


def test_meetings_on_the_first_and_last_day_of_the_period_count_and_those_outside_do_not():
    panel = PanelFactory()
    for day in (D(2025, 3, 31), D(2025, 4, 1), D(2026, 3, 31), D(2026, 4, 1)):
        MeetingFactory(panel=panel, date=day)
    assert figures_for(panel).meetings_held == 2


def test_cancelled_and_future_meetings_are_not_held():
    panel = PanelFactory()
    MeetingFactory(panel=panel, date=D(2026, 5, 1))
    MeetingFactory(panel=panel, date=D(2026, 5, 8), is_cancelled=True)
    MeetingFactory(panel=panel, date=D(2026, 7, 1))  # after "today"
    # Today's meetings count once finished: at 13:00 BST, 9 to 11 has ended and 6 to 8 pm has not.
    MeetingFactory(
        panel=panel, date=D(2026, 6, 15), start_time=datetime.time(9), end_time=datetime.time(11)
    )
    MeetingFactory(
        panel=panel, date=D(2026, 6, 15), start_time=datetime.time(18), end_time=datetime.time(20)
    )
    assert figures_for(panel, financial_year()).meetings_held == 2


# Attendance rate and hours ----------------------------------------------------------------


def test_attendance_rate_is_places_taken_out_of_places_members_had():
    panel = PanelFactory()
    a, b = (MembershipFactory(panel=panel, joined_on=D(2024, 1, 1)).user for _ in range(2))
    first, second = monthly_meetings(panel, count=2)
    AttendanceFactory(meeting=first, user=a, status=PRESENT)
    AttendanceFactory(meeting=first, user=b, status=APOLOGIES)
    AttendanceFactory(meeting=second, user=a, status=PRESENT)
    # b has no row for the second meeting: not recorded still counts as a place not taken.
    fig = figures_for(panel)
    assert (fig.meetings_held, fig.places, fig.present, fig.apologies) == (2, 4, 2, 1)
    assert fig.attendance_rate == 50


def test_no_meetings_means_no_attendance_rate_rather_than_zero():
    panel = PanelFactory()
    MembershipFactory(panel=panel, joined_on=D(2024, 1, 1))
    assert figures_for(panel).attendance_rate is None


def test_volunteer_hours_default_to_the_meeting_length_and_can_be_changed():
    panel = PanelFactory()
    a, b, c = (MembershipFactory(panel=panel, joined_on=D(2024, 1, 1)).user for _ in range(3))
    meeting = MeetingFactory(panel=panel, date=D(2025, 6, 10))  # two hours
    AttendanceFactory(meeting=meeting, user=a, status=PRESENT)
    AttendanceFactory(meeting=meeting, user=b, status=PRESENT, hours=Decimal("1.5"))
    AttendanceFactory(meeting=meeting, user=c, status=APOLOGIES)
    assert figures_for(panel).hours == Decimal("3.5")


def test_panel_figures_count_tenants_only_but_a_persons_own_figures_count_them_whatever_their_role():
    panel = PanelFactory()
    tenant = MembershipFactory(panel=panel, joined_on=D(2024, 1, 1)).user
    officer = MembershipFactory(panel=panel, joined_on=D(2024, 1, 1), user=UserFactory(role="officer")).user
    meeting = MeetingFactory(panel=panel, date=D(2025, 6, 10))
    AttendanceFactory(meeting=meeting, user=tenant)
    AttendanceFactory(meeting=meeting, user=officer)
    fig = figures_for(panel)
    assert (fig.places, fig.present, fig.hours, fig.volunteers) == (1, 1, Decimal(2), 1)
    _, officer_total = person_figures(user=officer, period=FY_2025)
    assert (officer_total.present, officer_total.hours) == (1, Decimal(2))


def test_a_guest_who_is_not_a_member_adds_hours_but_not_to_the_attendance_rate():
    panel = PanelFactory()
    member = MembershipFactory(panel=panel, joined_on=D(2024, 1, 1)).user
    meeting = MeetingFactory(panel=panel, date=D(2025, 6, 10))
    AttendanceFactory(meeting=meeting, user=member)
    AttendanceFactory(meeting=meeting, user=UserFactory())
    fig = figures_for(panel)
    assert (fig.places, fig.present, fig.attendance_rate, fig.hours) == (1, 1, 100, Decimal(4))


# Leavers and rejoiners --------------------------------------------------------------------


def test_someone_who_left_mid_year_only_has_places_at_meetings_before_they_left():
    panel = PanelFactory()
    stayer = MembershipFactory(panel=panel, joined_on=D(2024, 1, 1)).user
    leaver = MembershipFactory(panel=panel, joined_on=D(2024, 1, 1), left_on=D(2025, 10, 1)).user
    meetings = monthly_meetings(panel)  # April 2025 to March 2026
    for meeting in meetings:
        AttendanceFactory(meeting=meeting, user=stayer)
        if meeting.date < D(2025, 10, 1):
            AttendanceFactory(meeting=meeting, user=leaver)
    fig = figures_for(panel)
    assert (fig.meetings_held, fig.places, fig.present, fig.attendance_rate) == (12, 18, 18, 100)
    assert fig.volunteers == 2
    rows = dict(member_figures(panel=panel, period=FY_2025))
    assert (rows[leaver].meetings_held, rows[leaver].attendance_rate, rows[leaver].hours) == (
        6,
        100,
        Decimal(12),
    )
    assert rows[stayer].meetings_held == 12


def test_a_member_who_joins_mid_year_is_counted_from_the_day_they_join():
    panel = PanelFactory()
    joiner = MembershipFactory(panel=panel, joined_on=D(2026, 1, 10)).user
    monthly_meetings(panel)
    rows = dict(member_figures(panel=panel, period=FY_2025))
    assert rows[joiner].meetings_held == 3  # 10 January, February and March: joined on the day


def test_a_rejoined_member_has_no_places_while_away_and_is_counted_once():
    panel = PanelFactory()
    person = UserFactory()
    MembershipFactory(panel=panel, user=person, joined_on=D(2024, 1, 1), left_on=D(2025, 7, 1))
    MembershipFactory(panel=panel, user=person, joined_on=D(2025, 10, 1))
    for meeting in monthly_meetings(panel):
        AttendanceFactory(meeting=meeting, user=person, status=PRESENT)
    # Away for the meetings of 10 July, August and September: 9 places, all taken.
    fig = figures_for(panel)
    assert (fig.meetings_held, fig.places, fig.present, fig.volunteers) == (12, 9, 9, 1)
    rows = member_figures(panel=panel, period=FY_2025)
    assert [user for user, _ in rows] == [person]
    assert (rows[0][1].meetings_held, rows[0][1].present, rows[0][1].attendance_rate) == (9, 9, 100)


def test_someone_who_left_before_the_period_is_not_counted_at_all():
    panel = PanelFactory()
    gone = MembershipFactory(panel=panel, joined_on=D(2023, 1, 1), left_on=D(2025, 4, 1)).user
    TrainingFactory(user=gone, completed_on=D(2025, 5, 1))
    monthly_meetings(panel, count=2)
    fig = figures_for(panel)
    assert (fig.places, fig.volunteers, fig.trained) == (0, 0, 0)
    assert member_figures(panel=panel, period=FY_2025) == []


# Training -----------------------------------------------------------------------------------


def test_people_trained_counts_members_who_completed_a_course_in_the_period_once_each():
    panel = PanelFactory()
    twice, before, leaver = (MembershipFactory(panel=panel, joined_on=D(2024, 1, 1)).user for _ in range(3))
    leaver.memberships.update(left_on=D(2025, 9, 1))
    officer = MembershipFactory(panel=panel, joined_on=D(2024, 1, 1), user=UserFactory(role="officer")).user
    TrainingFactory(user=twice, completed_on=D(2025, 4, 1))
    TrainingFactory(user=twice, completed_on=D(2026, 3, 31), course="Mystery shopping skills")
    TrainingFactory(user=before, completed_on=D(2025, 3, 31))
    TrainingFactory(user=leaver, completed_on=D(2025, 6, 1))
    TrainingFactory(user=officer, completed_on=D(2025, 6, 1))
    assert figures_for(panel).trained == 2
    rows = dict(member_figures(panel=panel, period=FY_2025))
    assert (rows[twice].trained, rows[before].trained, rows[officer].trained) == (2, 0, 1)


# Landlord-wide totals -----------------------------------------------------------------------


def test_totals_add_up_the_panels_and_count_each_tenant_once():
    sure, quality = PanelFactory(), PanelFactory()
    both = UserFactory()
    MembershipFactory(panel=sure, user=both, joined_on=D(2024, 1, 1))
    MembershipFactory(panel=quality, user=both, joined_on=D(2024, 1, 1))
    MembershipFactory(panel=quality, joined_on=D(2024, 1, 1))
    TrainingFactory(user=both, completed_on=D(2025, 5, 1))
    AttendanceFactory(meeting=MeetingFactory(panel=sure, date=D(2025, 5, 1)), user=both)
    AttendanceFactory(meeting=MeetingFactory(panel=quality, date=D(2025, 6, 1)), user=both)
    total = totals(period=FY_2025)
    assert (total.meetings_held, total.places, total.present, total.hours) == (2, 3, 2, Decimal(4))
    assert (total.volunteers, total.trained) == (2, 1)


def test_person_figures_list_each_panel_and_a_total():
    person = UserFactory()
    sure, quality = PanelFactory(name="SURE Team"), PanelFactory(name="Quality Panel")
    MembershipFactory(panel=sure, user=person, joined_on=D(2024, 1, 1))
    MembershipFactory(panel=quality, user=person, joined_on=D(2025, 9, 1))
    AttendanceFactory(meeting=MeetingFactory(panel=sure, date=D(2025, 5, 1)), user=person)
    MeetingFactory(panel=quality, date=D(2025, 8, 1))  # before they joined
    AttendanceFactory(
        meeting=MeetingFactory(panel=quality, date=D(2025, 10, 1)), user=person, status=APOLOGIES
    )
    by_panel, total = person_figures(user=person, period=FY_2025)
    figures = {panel.name: fig for panel, fig in by_panel}
    assert (figures["SURE Team"].meetings_held, figures["SURE Team"].present) == (1, 1)
    assert (figures["Quality Panel"].meetings_held, figures["Quality Panel"].apologies) == (1, 1)
    assert (total.meetings_held, total.present, total.attendance_rate, total.hours) == (
        2,
        1,
        50,
        Decimal(2),
    )


def _panels_with_a_meeting(count):
    for _ in range(count):
        panel = PanelFactory()
        AttendanceFactory(
            meeting=MeetingFactory(panel=panel, date=D(2025, 5, 1)),
            user=MembershipFactory(panel=panel, joined_on=D(2024, 1, 1)).user,
        )


def test_panel_figures_make_the_same_number_of_queries_for_5_panels_or_100(count_queries):
    _panels_with_a_meeting(5)
    few = count_queries(panel_figures, period=FY_2025)
    _panels_with_a_meeting(95)
    many = count_queries(panel_figures, period=FY_2025)
    assert few == many, f"{few} queries for 5 panels, {many} for 100"
    assert len(panel_figures(period=FY_2025)) == 100


# The panel page's figures, kept in the cache ----------------------------------------------


def test_the_page_figures_are_kept_until_anything_they_count_changes(count_queries):
    from panels.selectors import page_figures

    panel = PanelFactory()
    a, b = (MembershipFactory(panel=panel, joined_on=D(2024, 1, 1)).user for _ in range(2))
    first, second = monthly_meetings(panel, count=2)
    AttendanceFactory(meeting=first, user=a, status=PRESENT)
    fig = page_figures(panel=panel, period=FY_2025)
    assert (fig.meetings_held, fig.present, fig.apologies) == (2, 1, 0)
    assert count_queries(page_figures, panel=panel, period=FY_2025) == 0  # from the cache

    AttendanceFactory(meeting=first, user=b, status=APOLOGIES)  # a new attendance row
    assert page_figures(panel=panel, period=FY_2025).apologies == 1
    attendance = AttendanceFactory(meeting=second, user=a, status=PRESENT)
    assert page_figures(panel=panel, period=FY_2025).present == 2
    attendance.delete()
    assert page_figures(panel=panel, period=FY_2025).present == 1
    second.is_cancelled = True  # a meeting changed
    second.save()
    assert page_figures(panel=panel, period=FY_2025).meetings_held == 1
    b.role = "officer"  # a person's role: panel figures count tenants only
    b.save()
    assert page_figures(panel=panel, period=FY_2025).apologies == 0
    TrainingFactory(user=a, completed_on=D(2025, 9, 1))
    assert page_figures(panel=panel, period=FY_2025).trained == 1
    MembershipFactory(panel=panel, joined_on=D(2025, 1, 1))
    assert page_figures(panel=panel, period=FY_2025).volunteers == 3 - 1  # a, the new one (b is staff)
    assert page_figures(panel=panel, period=FY_2025) == figures_for(panel)


def test_the_page_figures_are_counted_again_after_a_minute_as_meetings_end():
    from panels.selectors import page_figures

    panel = PanelFactory()
    MembershipFactory(panel=panel, joined_on=D(2024, 1, 1))
    # It is 13:00 in London (noon UTC): today's meeting ends in half an hour.
    MeetingFactory(panel=panel, date=D(2026, 6, 15), start_time=datetime.time(13, 0),
                   end_time=datetime.time(13, 30))
    assert page_figures(panel=panel, period=financial_year()).meetings_held == 0
    with time_machine.travel(datetime.datetime(2026, 6, 15, 12, 31, tzinfo=datetime.UTC), tick=False):
        assert page_figures(panel=panel, period=financial_year()).meetings_held == 1


def test_a_change_on_another_panel_or_a_sign_in_leaves_the_page_figures_kept(count_queries):
    from django.contrib.auth.models import update_last_login

    from panels.selectors import page_figures
    from tests.factories.reviews import FindingFactory, ReviewFactory

    panel, other = PanelFactory(), PanelFactory()
    member = MembershipFactory(panel=panel, joined_on=D(2024, 1, 1)).user
    elsewhere = MembershipFactory(panel=other, joined_on=D(2024, 1, 1)).user
    [meeting] = monthly_meetings(other, count=1)
    page_figures(panel=panel, period=FY_2025)

    AttendanceFactory(meeting=meeting, user=elsewhere, status=PRESENT)
    MeetingFactory(panel=other, date=D(2025, 6, 1))
    MembershipFactory(panel=other, joined_on=D(2025, 1, 1))
    TrainingFactory(user=elsewhere, completed_on=D(2025, 9, 1))
    elsewhere.role = "officer"
    elsewhere.save()
    update_last_login(None, member)
    FindingFactory(review=ReviewFactory(panel=panel))
    UserFactory()
    assert count_queries(page_figures, panel=panel, period=FY_2025) == 0  # still kept

    TrainingFactory(user=member, completed_on=D(2025, 9, 1))
    assert page_figures(panel=panel, period=FY_2025).trained == 1
