"""The demo seed: Perth-shaped panels with meetings, attendance and training; safe to run twice."""

import pytest

from accounts import demo as accounts_demo
from panels import demo
from panels.models import Attendance, Meeting, Membership, Panel, PanelRole, Training
from panels.selectors import panel_figures

pytestmark = pytest.mark.django_db


def run_seed():
    people = accounts_demo.seed(password="demo-password-1", people={})
    people.update(demo.seed(password="demo-password-1", people=people))
    return people


def counts():
    return [m.objects.count() for m in (Panel, Membership, Meeting, Attendance, Training)]


def test_the_demo_has_a_steering_group_of_13_tenants_and_12_staff_and_three_panels():
    people = run_seed()
    steering = Panel.objects.get(name="Joint Tenant-Officer Steering Group")
    current = Membership.objects.current().filter(panel=steering)
    assert current.filter(user__role="tenant").count() == 13
    assert current.exclude(user__role="tenant").count() == 12
    kinds = dict(Panel.objects.values_list("name", "kind"))
    assert kinds["SURE Team"] == "scrutiny_panel"
    assert kinds["Quality Panel"] == "quality_panel"
    assert kinds["Mystery Shoppers"] == "mystery_shoppers"
    morag_panels = set(
        Membership.objects.current().filter(user=people["tenant"]).values_list("panel__name", flat=True)
    )
    assert {"SURE Team", "Mystery Shoppers"} <= morag_panels
    assert Membership.objects.current().get(panel__name="SURE Team", user=people["officer"]).role == (
        PanelRole.SUPPORTING_OFFICER
    )


def test_the_demo_has_past_and_upcoming_meetings_attendance_training_and_history():
    run_seed()
    sure = Panel.objects.get(name="SURE Team")
    assert sure.meetings.upcoming().exists() and sure.meetings.held().exists()
    assert Attendance.objects.filter(meeting__panel=sure, status="apologies").exists()
    assert Training.objects.due_for_refresher().exists()
    assert (
        Membership.objects.filter(panel__name="Quality Panel", user__display_name="Shona Gray").count() == 2
    )
    figures = dict(panel_figures())
    assert all(fig.volunteers for fig in figures.values())


def test_the_demo_seed_adds_nothing_the_second_time():
    run_seed()
    before = counts()
    run_seed()
    assert counts() == before
