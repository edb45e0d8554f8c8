"""A panel's meetings list (to come, and a page of past ones) is drawn once for each person and
kept: a change to the panel's meetings or their attendance draws it afresh, a change to another
panel leaves it kept, and one person's attendance is never shown to another."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from panels.models import AttendanceStatus
from tests.factories.accounts import UserFactory
from tests.factories.panels import AttendanceFactory, MeetingFactory, MembershipFactory, PanelFactory
from tests.kept_parts import drawn, get_watching_the_cache

pytestmark = pytest.mark.django_db


@pytest.fixture
def member():
    panel = PanelFactory(name="SURE Team")
    person = MembershipFactory(panel=panel, user=UserFactory(role="tenant")).user
    MeetingFactory(panel=panel, title="Spring meeting")
    last_month = timezone.localdate() - datetime.timedelta(days=30)
    MeetingFactory(panel=panel, title="Winter meeting", date=last_month)
    cache.clear()
    return person


def meetings(client, panel):
    """The lists' HTML, and whether they were drawn afresh (and kept) rather than found kept."""
    html, keys = get_watching_the_cache(client, f"/panels/{panel.pk}/meetings/")
    return html[html.index("Coming up"):html.index("</main>")], drawn(keys, "panels:meeting-lists:")


def test_the_lists_are_kept_and_a_new_meeting_draws_them_afresh(client, member):
    panel = member.memberships.get().panel
    client.force_login(member)
    html, drawn = meetings(client, panel)
    assert drawn and "Spring meeting" in html and "Winter meeting" in html
    assert meetings(client, panel) == (html, False)
    MeetingFactory(panel=panel, title="Summer meeting")
    html, drawn = meetings(client, panel)
    assert drawn and "Summer meeting" in html


def test_attendance_recorded_draws_them_afresh_and_another_panels_meeting_does_not(client, member):
    panel = member.memberships.get().panel
    client.force_login(member)
    html, _drawn = meetings(client, panel)
    MeetingFactory(panel=PanelFactory(), title="Other meeting")
    assert meetings(client, panel) == (html, False)
    AttendanceFactory(meeting=panel.meetings.get(title="Winter meeting"), user=member)
    html, drawn = meetings(client, panel)
    assert drawn and "1 present" in html and "You were there" in html


def test_one_persons_attendance_is_never_shown_to_another(client, member):
    panel = member.memberships.get().panel
    AttendanceFactory(meeting=panel.meetings.get(title="Spring meeting"), user=member,
                      status=AttendanceStatus.APOLOGIES, hours=None)
    client.force_login(member)
    assert "You sent apologies" in meetings(client, panel)[0]
    client.force_login(MembershipFactory(panel=panel, user=UserFactory(role="tenant")).user)
    html, drawn = meetings(client, panel)
    assert drawn and "Spring meeting" in html and "You sent apologies" not in html
