"""The panel list, the panel page, setting panels up, home page section and personal data."""

import copy
import datetime
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from panels.models import AttendanceStatus, Panel
from scrutiny import extensions
from tests.factories.accounts import UserFactory
from tests.factories.panels import (
    AttendanceFactory,
    MeetingFactory,
    MembershipFactory,
    PanelFactory,
    TrainingFactory,
)

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def test_tenants_see_their_own_panels_and_staff_see_every_open_panel(client):
    mine, other = PanelFactory(name="SURE Team"), PanelFactory(name="Quality Panel")
    PanelFactory(name="Old working group", is_active=False)
    tenant = MembershipFactory(panel=mine).user
    client.force_login(tenant)
    page = client.get("/panels/").content.decode()
    assert "SURE Team" in page and "Quality Panel" not in page
    client.force_login(UserFactory(role="officer"))
    page = client.get("/panels/").content.decode()
    assert "SURE Team" in page and "Quality Panel" in page and "Old working group" not in page
    assert "Old working group" in client.get("/panels/?show=closed").content.decode()
    assert other


def test_an_admin_sets_up_a_panel_with_terms_of_reference(client):
    client.force_login(UserFactory(role="admin"))
    response = client.post(
        "/panels/new/",
        {
            "name": "Resident Inspectors",
            "kind": "resident_inspectors",
            "purpose": "Inspect hostels.",
            "terms_of_reference": "<h3>Membership</h3><p>Up to 8 tenants.</p><script>alert(1)</script>",
            "terms_file": SimpleUploadedFile("terms.txt", b"Terms of reference"),
            "is_active": "on",
        },
    )
    panel = Panel.objects.get(name="Resident Inspectors")
    assert response["Location"] == panel.get_absolute_url()
    assert "<script>" not in panel.terms_of_reference
    page = client.get(panel.get_absolute_url()).content.decode()
    assert "<h3>Membership</h3>" in page and "alert(1)" not in page
    download = client.get(f"/panels/{panel.pk}/terms-of-reference/")
    assert b"".join(download.streaming_content) == b"Terms of reference"


def test_closing_a_panel_records_the_day(client):
    panel = PanelFactory()
    client.force_login(UserFactory(role="admin"))
    client.post(
        f"/panels/{panel.pk}/edit/", {"name": panel.name, "kind": panel.kind, "version": panel.version}
    )
    panel.refresh_from_db()
    assert (panel.is_active, panel.closed_on) == (False, TODAY())


def test_the_panel_page_shows_members_next_meetings_and_this_years_figures(client):
    panel = PanelFactory(name="SURE Team")
    member = MembershipFactory(
        panel=panel,
        user=UserFactory(display_name="Morag Fraser"),
        joined_on=TODAY() - datetime.timedelta(days=400),
    ).user
    MeetingFactory(panel=panel, title="Complaints review meeting")
    client.force_login(member)
    response = client.get(f"/panels/{panel.pk}/")
    page = response.content.decode()
    assert "Morag Fraser" in page and "Complaints review meeting" in page
    assert "Send apologies" in page
    assert "Reviews and programmes" in page
    assert "Tenants taking part</dt><dd class=\"col-5 col-sm-7\">1</dd>" in page


def panel_section(panel, user):
    return {"template": "panels/_test_section.html", "title": "Reviews", "count": 3}


def test_later_apps_add_their_part_of_the_panel_page_through_the_registry(client, settings, tmp_path):
    (tmp_path / "panels").mkdir()
    (tmp_path / "panels" / "_test_section.html").write_text(
        "<p>{{ section.count }} reviews for {{ panel.name }}</p>"
    )
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [tmp_path, *templates[0]["DIRS"]]
    settings.TEMPLATES = templates  # assigning (not editing) makes Django reload its templates
    panel = PanelFactory(name="SURE Team")
    client.force_login(UserFactory(role="officer"))
    with extensions.override(extensions.PANEL_PAGE_SECTIONS, ["tests.panels.test_pages.panel_section"]):
        page = client.get(f"/panels/{panel.pk}/").content.decode()
    assert "3 reviews for SURE Team" in page


def test_the_home_page_lists_my_panels_and_next_meetings_with_an_apologies_link(client):
    panel = PanelFactory(name="Mystery Shoppers")
    member = MembershipFactory(panel=panel).user
    meeting = MeetingFactory(panel=panel, title="Mystery Shoppers debrief")
    TrainingFactory(
        user=member,
        course="Data protection",
        completed_on=TODAY() - datetime.timedelta(days=360),
        expires_on=TODAY() + datetime.timedelta(days=5),
    )
    client.force_login(member)
    page = client.get("/").content.decode()
    assert "Your panels" in page and "Mystery Shoppers debrief" in page
    assert f"/panels/meetings/{meeting.pk}/apologies/" in page
    assert "Training due for a refresher" in page and "Data protection" in page


def test_staff_on_no_panel_get_no_panels_section_on_their_home_page(client):
    client.force_login(UserFactory(role="manager"))
    assert "Your panels" not in client.get("/").content.decode()


def test_my_data_download_includes_memberships_training_and_attendance(client):
    panel = PanelFactory(name="SURE Team")
    member = MembershipFactory(panel=panel, joined_on=datetime.date(2024, 5, 1)).user
    TrainingFactory(user=member, course="Mystery shopping skills")
    AttendanceFactory(
        meeting=MeetingFactory(panel=panel), user=member, status=AttendanceStatus.APOLOGIES, note="Away"
    )
    client.force_login(member)
    data = json.loads(client.get("/accounts/profile/my-data.json").content)
    section = data["Panels, training and meetings"]
    assert section["memberships"][0] == {
        "panel": "SURE Team",
        "role": "Member",
        "joined_on": "2024-05-01",
        "left_on": None,
    }
    assert section["training"][0]["course"] == "Mystery shopping skills"
    assert section["meetings"][0]["attendance"] == "Apologies"
    assert section["meetings"][0]["message_with_apologies"] == "Away"


def test_my_page_shows_my_panels_training_and_figures_for_a_chosen_year(client):
    panel = PanelFactory(name="SURE Team")
    member = MembershipFactory(panel=panel, joined_on=datetime.date(2024, 1, 1)).user
    AttendanceFactory(meeting=MeetingFactory(panel=panel, date=datetime.date(2025, 5, 1)), user=member)
    client.force_login(member)
    response = client.get(f"/panels/people/{member.pk}/?year=2025-04-01")
    assert response.context["period"].start == datetime.date(2025, 4, 1)
    assert response.context["total"].present == 1
    bad = client.get(f"/panels/people/{member.pk}/?start=2025-06-01&end=2025-01-01")
    assert "The end date must be on or after the start date." in bad.content.decode()
