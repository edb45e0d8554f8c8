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

# The same bound for 5 and for 100 members: if a page started querying per member, the larger
# panel would exceed it.
# 18: the panel page includes its reviews (settings.PANEL_PAGE_SECTIONS), one query for the list.
# 20: the page shows the first few members and reviews, with a count of each (two queries).
PANEL_PAGE_QUERIES = 20
MEETINGS_LIST_QUERIES = 11


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


@pytest.mark.parametrize("size", [5, 100])
@pytest.mark.parametrize("who", ["member", "officer"])
def test_the_panel_page_makes_a_fixed_number_of_queries(client, django_assert_max_num_queries, size, who):
    panel, member, officer = busy_panel(size)
    client.force_login(member if who == "member" else officer)
    with django_assert_max_num_queries(PANEL_PAGE_QUERIES):
        response = client.get(f"/panels/{panel.pk}/")
    assert response.status_code == 200
    assert response.context["member_count"] == size + 1
    assert len(response.context["members"]) == min(size + 1, 12)  # the first few; all on the members page


@pytest.mark.parametrize("size", [5, 100])
def test_the_meetings_list_makes_a_fixed_number_of_queries(client, django_assert_max_num_queries, size):
    panel, member, _ = busy_panel(size)
    client.force_login(member)
    with django_assert_max_num_queries(MEETINGS_LIST_QUERIES):
        response = client.get(f"/panels/{panel.pk}/meetings/")
    assert response.status_code == 200
    assert response.context["past"][0].present_count == len([n for n in range(size) if n % 3])
