"""On a phone, a tenant opens their panel, sends apologies for a meeting and adds it to their
calendar; every page passes axe-core."""

import datetime
from pathlib import Path

from django.utils import timezone
from icalendar import Calendar

from panels.models import Attendance, PanelRole
from tests.factories.accounts import PASSWORD, UserFactory
from tests.factories.panels import MeetingFactory, MembershipFactory, PanelFactory


def test_tenant_sends_apologies_and_downloads_the_calendar_file(phone_page):
    page = phone_page
    panel = PanelFactory(name="SURE Team")
    tenant = UserFactory(role="tenant", display_name="Morag Fraser")
    MembershipFactory(
        panel=panel, user=tenant, joined_on=timezone.localdate() - datetime.timedelta(days=200)
    )
    MembershipFactory(
        panel=panel,
        user=UserFactory(role="officer", display_name="Daniel Okafor"),
        role=PanelRole.SUPPORTING_OFFICER,
    )
    meeting = MeetingFactory(
        panel=panel,
        title="Complaints review meeting",
        date=timezone.localdate() + datetime.timedelta(days=10),
        start_time=datetime.time(10, 0),
        end_time=datetime.time(12, 0),
        place="Tenant Participation Office, 5 South Street",
        online_link="https://meet.example.org/sure",
    )

    page.sign_in(tenant, PASSWORD)
    page.check_accessibility()

    # Open the panel from the main menu, folded away behind its button on a small screen.
    page.get_by_role("button", name="Menu").click()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Panels").click()
    page.wait_for_load_state()
    page.check_accessibility()
    page.get_by_role("link", name="SURE Team").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "SURE Team"
    page.check_accessibility()

    # Send apologies for the next meeting.
    page.get_by_role("link", name="Complaints review meeting", exact=True).click()
    page.wait_for_load_state()
    page.check_accessibility()
    page.get_by_role("link", name="Send apologies", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Send apologies"
    page.check_accessibility()
    page.get_by_label("Message for the chair (optional)").fill("I have a hospital appointment.")
    page.get_by_role("button", name="Send apologies").click()
    page.wait_for_load_state()
    assert "Your apologies have been sent" in page.content()
    assert page.get_by_text("You sent apologies").is_visible()
    page.check_accessibility()
    attendance = Attendance.objects.get(meeting=meeting, user=tenant)
    assert (attendance.status, attendance.note) == ("apologies", "I have a hospital appointment.")

    # Download the calendar file and check what it says.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add to your calendar (.ics file)").click()
    download = download_info.value
    assert download.suggested_filename == f"meeting-{meeting.date:%Y-%m-%d}.ics"
    event = Calendar.from_ical(Path(download.path()).read_bytes()).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "SURE Team: Complaints review meeting"
    assert event.decoded("DTSTART") == meeting.starts_at
    assert event.decoded("DTEND") == meeting.ends_at
    assert str(event["LOCATION"]) == "Tenant Participation Office, 5 South Street"
    assert "https://meet.example.org/sure" in str(event["DESCRIPTION"])

    # The home page now shows the apologies against the meeting.
    page.visit("/")
    assert page.get_by_text("You sent apologies").is_visible()


def test_supporting_officer_records_attendance_and_reads_the_figures(desktop_page):
    """The pages a panel's officer uses pass axe-core too, with errors shown and typing kept."""
    page = desktop_page
    today = timezone.localdate()
    panel = PanelFactory(name="Quality Panel")
    officer = UserFactory(role="officer", display_name="Karen Lindsay")
    MembershipFactory(
        panel=panel,
        user=officer,
        role=PanelRole.SUPPORTING_OFFICER,
        joined_on=today - datetime.timedelta(days=300),
    )
    jean = UserFactory(display_name="Jean Mitchell")
    MembershipFactory(
        panel=panel, user=jean, role=PanelRole.CHAIR, joined_on=today - datetime.timedelta(days=300)
    )
    past = MeetingFactory(
        panel=panel, title="Quality Panel meeting", date=today - datetime.timedelta(days=3)
    )

    page.sign_in(officer, PASSWORD)
    page.visit(f"/panels/meetings/{past.pk}/attendance/")
    page.get_by_label("Attendance of Jean Mitchell").select_option("present")
    page.get_by_label("Volunteer hours of Jean Mitchell").fill("30")
    page.get_by_role("button", name="Save attendance").click()
    page.wait_for_load_state()
    assert "There is a problem" in page.content()
    assert page.get_by_label("Volunteer hours of Jean Mitchell").input_value() == "30"
    page.check_accessibility()
    page.get_by_label("Volunteer hours of Jean Mitchell").fill("1.5")
    page.get_by_role("button", name="Save attendance").click()
    page.wait_for_load_state()
    assert "Attendance has been saved." in page.content()
    page.check_accessibility()

    for path in (
        f"/panels/{panel.pk}/",
        f"/panels/{panel.pk}/members/",
        f"/panels/{panel.pk}/training/",
        f"/panels/{panel.pk}/meetings/",
        f"/panels/{panel.pk}/members/add/",
        f"/panels/{panel.pk}/volunteering/",
        "/panels/volunteering/",
        f"/panels/people/{jean.pk}/",
        f"/panels/people/{jean.pk}/training/add/",
        f"/panels/{panel.pk}/meetings/new/",
    ):
        page.visit(path)
    page.visit(f"/panels/{panel.pk}/volunteering/")
    row = page.get_by_role("row").filter(has_text="Jean Mitchell")
    assert "1.5" in row.inner_text()
