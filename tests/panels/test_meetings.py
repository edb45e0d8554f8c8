"""Meetings: arranging them, apologies, attendance and hours, papers, decisions and the .ics file."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from icalendar import Calendar

from panels.models import Attendance, AttendanceStatus, Meeting, MeetingItem, MeetingPaper, PanelRole
from panels.selectors import attendance_sheet
from tests.db_unchanged import assert_db_unchanged
from tests.factories.accounts import UserFactory
from tests.factories.panels import AttendanceFactory, MeetingFactory, MembershipFactory, PanelFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate
A_YEAR_AGO = TODAY() - datetime.timedelta(days=365)


@pytest.fixture
def panel():
    return PanelFactory(name="SURE Team")


@pytest.fixture
def member(panel):
    return MembershipFactory(
        panel=panel, user=UserFactory(display_name="Morag Fraser"), joined_on=A_YEAR_AGO
    ).user


@pytest.fixture
def officer(panel):
    return MembershipFactory(
        panel=panel,
        role=PanelRole.SUPPORTING_OFFICER,
        user=UserFactory(role="officer"),
        joined_on=A_YEAR_AGO,
    ).user


@pytest.fixture
def upcoming(panel):
    return MeetingFactory(panel=panel, title="Complaints review meeting")


@pytest.fixture
def past(panel):
    return MeetingFactory(panel=panel, date=TODAY() - datetime.timedelta(days=7))


# Apologies ---------------------------------------------------------------------------------


def test_a_member_sends_apologies_for_an_upcoming_meeting(client, member, upcoming):
    client.force_login(member)
    response = client.post(f"/panels/meetings/{upcoming.pk}/apologies/", {"note": "Hospital appointment."})
    assert response.status_code == 302
    attendance = Attendance.objects.get(meeting=upcoming, user=member)
    assert (attendance.status, attendance.note, attendance.hours) == (
        "apologies",
        "Hospital appointment.",
        None,
    )
    assert attendance.apologies_sent_at is not None
    page = client.get(response["Location"]).content.decode()
    assert "Your apologies have been sent" in page
    assert "You sent apologies" in page


def test_apologies_for_a_meeting_that_has_happened_are_closed(client, member, past):
    client.force_login(member)
    response = client.post(f"/panels/meetings/{past.pk}/apologies/", {"note": "Sorry"}, follow=True)
    assert "apologies are closed" in response.content.decode()
    assert not Attendance.objects.exists()


def test_apologies_can_be_withdrawn(client, member, upcoming):
    AttendanceFactory(meeting=upcoming, user=member, status=AttendanceStatus.APOLOGIES)
    client.force_login(member)
    client.post(f"/panels/meetings/{upcoming.pk}/apologies/withdraw/")
    assert not Attendance.objects.filter(meeting=upcoming, user=member).exists()


def test_someone_who_has_left_cannot_send_apologies(client, panel, upcoming):
    leaver = MembershipFactory(
        panel=panel,
        joined_on=TODAY() - datetime.timedelta(days=90),
        left_on=TODAY() - datetime.timedelta(days=1),
    ).user
    client.force_login(leaver)
    with assert_db_unchanged():
        assert client.post(f"/panels/meetings/{upcoming.pk}/apologies/").status_code == 403


# Attendance --------------------------------------------------------------------------------


def test_the_attendance_sheet_lists_members_on_the_meetings_date(panel, member, past):
    left_after = MembershipFactory(
        panel=panel, joined_on=past.date - datetime.timedelta(days=60), left_on=TODAY()
    )
    MembershipFactory(panel=panel, joined_on=TODAY())  # joined after the meeting
    guest = AttendanceFactory(meeting=past).user
    people = [row["user"] for row in attendance_sheet(past)]
    assert set(people) == {member, left_after.user, guest}


def test_recording_attendance_defaults_hours_to_the_meetings_length(client, panel, officer, member, past):
    other, away, unknown = (MembershipFactory(panel=panel, joined_on=past.date).user for _ in range(3))
    AttendanceFactory(meeting=past, user=unknown, status=AttendanceStatus.ABSENT)
    client.force_login(officer)
    response = client.post(
        f"/panels/meetings/{past.pk}/attendance/",
        {
            f"status_{member.pk}": "present",
            f"hours_{member.pk}": "",
            f"status_{other.pk}": "present",
            f"hours_{other.pk}": "1.5",
            f"status_{away.pk}": "apologies",
            f"hours_{away.pk}": "2",
            f"status_{unknown.pk}": "",
            f"hours_{unknown.pk}": "",
        },
    )
    assert response.status_code == 302
    rows = {a.user: a for a in past.attendance.all()}
    assert rows[member].hours == Decimal("2.00")
    assert rows[other].hours == Decimal("1.50")
    assert (rows[away].status, rows[away].hours) == ("apologies", None)
    assert unknown not in rows
    assert rows[member].recorded_by == officer


def test_impossible_hours_are_explained_and_the_sheet_is_kept(client, officer, member, past):
    client.force_login(officer)
    response = client.post(
        f"/panels/meetings/{past.pk}/attendance/",
        {f"status_{member.pk}": "present", f"hours_{member.pk}": "30"},
    )
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page
    assert 'value="30"' in page
    assert not Attendance.objects.exists()


# Arranging meetings ------------------------------------------------------------------------


def test_arranging_a_meeting(client, panel, officer):
    client.force_login(officer)
    tomorrow = TODAY() + datetime.timedelta(days=1)
    response = client.post(
        f"/panels/{panel.pk}/meetings/new/",
        {
            "title": "SURE Team meeting",
            "date": tomorrow.isoformat(),
            "start_time": "10:00",
            "end_time": "12:30",
            "place": "",
            "online_link": "https://meet.example.org/sure",
        },
    )
    meeting = Meeting.objects.get()
    assert response["Location"] == meeting.get_absolute_url()
    assert (meeting.created_by, meeting.length_hours) == (officer, Decimal("2.50"))


def test_a_meeting_must_end_after_it_starts_and_have_a_place(client, panel, officer):
    client.force_login(officer)
    response = client.post(
        f"/panels/{panel.pk}/meetings/new/",
        {"title": "Meeting", "date": TODAY().isoformat(), "start_time": "12:00", "end_time": "11:00"},
    )
    page = response.content.decode()
    assert "The meeting must end after it starts." in page
    assert not Meeting.objects.exists()
    response = client.post(
        f"/panels/{panel.pk}/meetings/new/",
        {"title": "Meeting", "date": TODAY().isoformat(), "start_time": "10:00", "end_time": "11:00"},
    )
    assert "Say where the meeting is" in response.content.decode()


def test_minutes_and_cancelling(client, officer, upcoming):
    client.force_login(officer)
    data = {
        "title": upcoming.title,
        "date": upcoming.date.isoformat(),
        "start_time": "10:00",
        "end_time": "12:00",
        "place": upcoming.place,
        "minutes": "Agreed the scope.",
        "is_cancelled": "on",
        "version": upcoming.version,
    }
    client.post(f"/panels/meetings/{upcoming.pk}/edit/", data)
    upcoming.refresh_from_db()
    assert upcoming.minutes == "Agreed the scope." and upcoming.is_cancelled
    assert not upcoming.is_upcoming


def test_papers_are_uploaded_by_managers_and_read_by_members(client, officer, member, past):
    client.force_login(officer)
    client.post(
        f"/panels/meetings/{past.pk}/papers/add/",
        {"title": "Complaints figures", "file": SimpleUploadedFile("figures.csv", b"stage,days\n1,5\n")},
    )
    paper = MeetingPaper.objects.get()
    client.force_login(member)
    response = client.get(f"/panels/papers/{paper.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"stage,days\n1,5\n"
    assert "attachment" in response["Content-Disposition"]


def test_a_paper_that_is_not_an_accepted_type_is_refused(client, officer, past):
    client.force_login(officer)
    response = client.post(
        f"/panels/meetings/{past.pk}/papers/add/",
        {
            "title": "Picture",
            "file": SimpleUploadedFile("logo.svg", b"<svg><script>alert(1)</script></svg>"),
        },
    )
    assert "SVG images cannot be uploaded" in response.content.decode()
    assert not MeetingPaper.objects.exists()


def test_decisions_and_actions_are_recorded(client, officer, member, past):
    client.force_login(officer)
    client.post(f"/panels/meetings/{past.pk}/items/add/", {"kind": "decision", "text": "Scope agreed."})
    client.post(
        f"/panels/meetings/{past.pk}/items/add/",
        {
            "kind": "action",
            "text": "Ask for the complaints policy.",
            "owner": member.pk,
            "due_on": (TODAY() + datetime.timedelta(days=14)).isoformat(),
        },
    )
    items = list(MeetingItem.objects.order_by("kind"))
    assert [(i.kind, i.owner) for i in items] == [("action", member), ("decision", None)]
    page = client.get(past.get_absolute_url()).content.decode()
    assert "Scope agreed." in page and "Ask for the complaints policy." in page


# Calendar file -----------------------------------------------------------------------------


def test_the_calendar_file_describes_the_meeting(client, member, upcoming):
    upcoming.online_link = "https://meet.example.org/sure"
    upcoming.save()
    client.force_login(member)
    response = client.get(f"/panels/meetings/{upcoming.pk}/calendar.ics")
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Content-Disposition"] == f'attachment; filename="meeting-{upcoming.date:%Y-%m-%d}.ics"'
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "SURE Team: Complaints review meeting"
    assert event.decoded("DTSTART") == upcoming.starts_at
    assert event.decoded("DTEND") - event.decoded("DTSTART") == datetime.timedelta(hours=2)
    assert str(event["LOCATION"]) == upcoming.place
    assert "https://meet.example.org/sure" in str(event["DESCRIPTION"])
    assert str(event["UID"]).startswith(f"meeting-{upcoming.pk}@")
    assert str(event["STATUS"]) == "CONFIRMED"


def test_the_meetings_list_shows_upcoming_and_past(client, member, upcoming, past):
    AttendanceFactory(meeting=past, user=member)
    client.force_login(member)
    page = client.get(f"/panels/{upcoming.panel_id}/meetings/").content.decode()
    assert page.index("Coming up") < page.index(upcoming.title) < page.index("Past and cancelled")
    assert "You were there" in page
