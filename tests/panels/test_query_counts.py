"""The panel page and the meetings list make the same number of queries with 5 or 100 members."""

import datetime

import pytest
from django.utils import timezone

from panels.models import AttendanceStatus, PanelRole
from tests.factories.accounts import UserFactory
from tests.factories.panels import (
    AttendanceFactory,
    MeetingFactory,
    MembershipFactory,
    PanelFactory,
    TrainingFactory,
)

pytestmark = pytest.mark.django_db


def busy_panel(size):
    """A panel with `size` members (each with training), past meetings with attendance and papers
    to come, and a supporting officer; returns the panel and a member to sign in as."""
    today = timezone.localdate()
    panel = PanelFactory(name="SURE Team")
    officer = MembershipFactory(
        panel=panel,
        role=PanelRole.SUPPORTING_OFFICER,
        user=UserFactory(role="officer"),
        joined_on=today - datetime.timedelta(days=400),
    ).user
    members = [
        MembershipFactory(panel=panel, joined_on=today - datetime.timedelta(days=400)).user
        for _ in range(size)
    ]
    for user in members:
        TrainingFactory(user=user, expires_on=today + datetime.timedelta(days=30))
    for weeks in (2, 6, 10):
        meeting = MeetingFactory(panel=panel, date=today - datetime.timedelta(weeks=weeks))
        for n, user in enumerate(members):
            status = AttendanceStatus.PRESENT if n % 3 else AttendanceStatus.APOLOGIES
            AttendanceFactory(meeting=meeting, user=user, status=status)
    for weeks in (1, 5):
        MeetingFactory(panel=panel, date=today + datetime.timedelta(weeks=weeks))
    return panel, members[0], officer


def _get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("who", ["member", "officer"])
def test_the_panel_page_makes_the_same_queries_for_5_or_100_members(client, count_queries, who):
    small, small_member, small_officer = busy_panel(5)
    large, large_member, large_officer = busy_panel(100)
    client.force_login(small_member if who == "member" else small_officer)
    _get(client, f"/panels/{small.pk}/")  # warm up: session, site settings
    few = count_queries(_get, client, f"/panels/{small.pk}/")
    client.force_login(large_member if who == "member" else large_officer)
    _get(client, f"/panels/{large.pk}/")
    many = count_queries(_get, client, f"/panels/{large.pk}/")
    assert few == many, f"{few} queries for 5 members, {many} for 100"
    response = _get(client, f"/panels/{large.pk}/")
    assert response.context["member_count"] == 101
    assert response.context["members_shown"] == 12  # the first few; all on the members page
    listed = response.content.decode().split('<section aria-labelledby="members">')[1].split("</section>")[0]
    assert listed.count('<h3 class="h6 mb-1">') == 12


def test_the_meetings_list_makes_the_same_queries_for_5_or_100_members(client, count_queries):
    small, small_member, _ = busy_panel(5)
    large, large_member, _ = busy_panel(100)
    client.force_login(small_member)
    _get(client, f"/panels/{small.pk}/meetings/")
    few = count_queries(_get, client, f"/panels/{small.pk}/meetings/")
    client.force_login(large_member)
    _get(client, f"/panels/{large.pk}/meetings/")
    many = count_queries(_get, client, f"/panels/{large.pk}/meetings/")
    assert few == many, f"{few} queries for 5 members, {many} for 100"
    response = _get(client, f"/panels/{large.pk}/meetings/")
    past = response.content.decode().split("Past and cancelled meetings")[1]
    assert f"{len([n for n in range(100) if n % 3])} present" in past
