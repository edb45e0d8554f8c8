"""The panels pages in Welsh on a 360 px phone: Welsh words run longer than English ones, and no
page may scroll sideways; each passes axe-core (page.visit checks it)."""

import datetime

from django.utils import timezone

from panels.models import AttendanceStatus, PanelRole
from tests.factories.accounts import PASSWORD, UserFactory
from tests.factories.panels import (
    AttendanceFactory,
    MeetingFactory,
    MembershipFactory,
    PanelFactory,
    TrainingFactory,
)

WIDTH = "() => [document.documentElement.scrollWidth, window.innerWidth]"


def test_an_administrator_reads_every_panels_page_in_welsh_on_a_phone(phone_page):
    page = phone_page
    today = timezone.localdate()
    panel = PanelFactory(
        name="Joint Tenant-Officer Steering Group",
        name_cy="Grŵp Llywio ar y Cyd Tenantiaid a Swyddogion",
        purpose_cy="Mae tenantiaid a staff gyda’i gilydd yn cynllunio sut mae tenantiaid yn craffu.",
    )
    admin = UserFactory(role="admin", display_name="Sam Patel")
    chair = MembershipFactory(panel=panel, role=PanelRole.VICE_CHAIR,
                              joined_on=today - datetime.timedelta(days=400)).user
    MembershipFactory(panel=panel, role=PanelRole.SUPPORTING_OFFICER,
                      user=UserFactory(role="officer", display_name="Daniel Okafor"))
    past = MeetingFactory(panel=panel, date=today - datetime.timedelta(days=30),
                          title="Cyfarfod y grŵp llywio")
    AttendanceFactory(meeting=past, user=chair, status=AttendanceStatus.PRESENT)
    upcoming = MeetingFactory(panel=panel, online_link="https://meet.example.org/llywio")
    TrainingFactory(user=chair, completed_on=today - datetime.timedelta(days=700),
                    expires_on=today + datetime.timedelta(days=30))

    page.sign_in(admin, PASSWORD)
    for path in (
        "/cy/panels/", f"/cy/panels/{panel.pk}/", f"/cy/panels/{panel.pk}/members/",
        f"/cy/panels/{panel.pk}/members/add/", f"/cy/panels/{panel.pk}/members/add-list/",
        f"/cy/panels/{panel.pk}/meetings/", f"/cy/panels/meetings/{upcoming.pk}/",
        f"/cy/panels/meetings/{past.pk}/attendance/", f"/cy/panels/{panel.pk}/training/",
        f"/cy/panels/people/{chair.pk}/", f"/cy/panels/{panel.pk}/volunteering/", "/cy/panels/volunteering/",
        f"/cy/panels/{panel.pk}/edit/", f"/cy/panels/{panel.pk}/meetings/new/",
    ):
        page.visit(path)
        assert "/cy/" in page.page.url
        scroll, screen = page.page.evaluate(WIDTH)
        assert scroll <= screen, f"{path} scrolls sideways: {scroll} px on a {screen} px screen"
