"""A panel's page keeps its next meetings (for each person: their own attendance shows) and its
first few members (for what the viewer may see and do): a change they show draws them afresh,
a change elsewhere leaves them kept, and nobody is shown what was drawn for someone else."""

import pytest
from django.core.cache import cache

from accounts.models import User
from panels.models import AttendanceStatus, MeetingPaper
from tests.factories.accounts import UserFactory
from tests.factories.panels import AttendanceFactory, MeetingFactory, MembershipFactory, PanelFactory
from tests.kept_parts import drawn, get_watching_the_cache

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    panel, other = PanelFactory(name="SURE Team"), PanelFactory(name="Other Panel")
    member = MembershipFactory(panel=panel, user=UserFactory(role="tenant", display_name="Ann Member")).user
    MeetingFactory(panel=panel, title="Spring meeting")
    MembershipFactory(panel=other, user=UserFactory(role="tenant"))
    cache.clear()
    return panel, other, member


def panel_page(client, panel):
    """The two parts' HTML, and which of them were drawn afresh (and kept) rather than found kept."""
    html, keys = get_watching_the_cache(client, f"/panels/{panel.pk}/")
    drawn_parts = {key.split(":")[1] for key in keys if key.startswith("panels:")}
    meetings = html[html.index('id="next-meetings"'):html.index('id="panel-work"')]
    members = html[html.index('id="members"'):html.index('id="training"')]
    return meetings, members, drawn_parts


def test_kept_parts_are_found_kept_on_a_second_visit(client, setting):
    panel, _other, member = setting
    client.force_login(member)
    meetings, members, drawn = panel_page(client, panel)
    assert {"next-meetings", "first-members"} <= drawn
    assert "Spring meeting" in meetings and "Ann Member" in members
    again = panel_page(client, panel)
    assert again == (meetings, members, set())


def apologies(panel, member):
    return AttendanceFactory(
        meeting=panel.meetings.get(), user=member, status=AttendanceStatus.APOLOGIES, hours=None
    )


@pytest.mark.parametrize("change,word", [
    (lambda panel, member: MeetingFactory(panel=panel, title="Summer meeting"), "Summer meeting"),
    (apologies, "You sent apologies"),
    (lambda panel, member: MeetingPaper.objects.create(
        meeting=panel.meetings.get(), title="Minutes", file="panels/papers/minutes.pdf"), "1 paper"),
], ids=["a meeting arranged", "the person's apologies", "a paper added"])
def test_a_change_to_its_meetings_draws_the_next_meetings_afresh(client, setting, change, word):
    panel, _other, member = setting
    client.force_login(member)
    panel_page(client, panel)
    change(panel, member)
    meetings, _members, drawn = panel_page(client, panel)
    assert "next-meetings" in drawn and word in meetings
    assert "first-members" not in drawn


def test_a_change_to_a_member_draws_the_members_afresh(client, setting):
    panel, _other, member = setting
    client.force_login(member)
    panel_page(client, panel)
    MembershipFactory(panel=panel, user=UserFactory(role="tenant", display_name="Bob Newcomer"))
    _meetings, members, drawn = panel_page(client, panel)
    assert "first-members" in drawn and "Bob Newcomer" in members and "Members (2)" in members
    member.display_name = "Ann Renamed"
    member.save()
    assert "Ann Renamed" in panel_page(client, panel)[1]


def test_another_panels_meeting_or_a_sign_in_leaves_both_kept(client, setting):
    panel, other, member = setting
    client.force_login(member)
    before = panel_page(client, panel)
    MeetingFactory(panel=other, title="Other meeting")
    MembershipFactory(panel=other, user=UserFactory(role="tenant"))
    User.objects.filter(pk=member.pk).update(display_name="Changed without a signal")
    member.save(update_fields=["last_login"])  # as a sign-in does
    meetings, members, drawn = panel_page(client, panel)
    assert drawn == set() and (meetings, members) == before[:2]


def test_one_persons_attendance_is_never_shown_to_another(client, setting):
    panel, _other, member = setting
    apologies(panel, member)
    client.force_login(member)
    assert "You sent apologies" in panel_page(client, panel)[0]
    client.force_login(MembershipFactory(panel=panel, user=UserFactory(role="tenant")).user)
    meetings, _members, drawn = panel_page(client, panel)
    assert "next-meetings" in drawn and "You sent apologies" not in meetings


def test_contact_details_drawn_for_an_administrator_are_not_shown_to_a_member(client, setting):
    panel, _other, member = setting
    User.objects.filter(pk=member.pk).update(phone="01000 000001")
    client.force_login(UserFactory(role="admin"))
    assert "01000 000001" in panel_page(client, panel)[1]
    client.force_login(member)
    _meetings, members, drawn = panel_page(client, panel)
    assert "first-members" in drawn and "01000 000001" not in members


def figures_part(client, panel):
    html, keys = get_watching_the_cache(client, f"/panels/{panel.pk}/")
    return html[html.index('id="training"'):html.index("</main>")], drawn(keys, "panels:panel-figures:")


def test_the_figures_are_kept_until_what_they_count_changes_and_link_on_for_those_who_may(client, setting):
    panel, other, member = setting
    client.force_login(UserFactory(role="admin"))
    html, drawn = figures_part(client, panel)
    assert drawn and "Each member's attendance and hours" in html
    MembershipFactory(panel=other, user=UserFactory(role="tenant"))
    assert figures_part(client, panel) == (html, False)
    MembershipFactory(panel=panel, user=UserFactory(role="tenant"))
    assert figures_part(client, panel)[1]
    client.force_login(member)
    html, drawn = figures_part(client, panel)
    assert drawn and "Each member's attendance and hours" not in html
