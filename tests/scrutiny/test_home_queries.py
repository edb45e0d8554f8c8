"""The home page makes the same number of queries however much each of its sections lists.

Its sections read only the columns they show: a column they show but did not read would cost a
query for each row, and the counts below would differ."""

import datetime

import pytest
from django.utils import timezone

from tests.factories.accounts import UserFactory
from tests.factories.panels import MeetingFactory, MembershipFactory, PanelFactory, TrainingFactory
from tests.factories.recommendations import ActionFactory, RecommendationFactory
from tests.factories.reviews import FindingFactory, ReviewFactory

pytestmark = pytest.mark.django_db


def _add(count, *, panel, member, officer):
    today = timezone.localdate()
    for n in range(count):
        review = ReviewFactory(panel=panel, planned_start=today if n % 2 else None)
        FindingFactory(review=review)
        MeetingFactory(panel=panel, date=today + datetime.timedelta(days=n + 1))
        for status in ("submitted", "implemented", "accepted"):
            RecommendationFactory(review=review, status=status, created_by=member)
        planned = RecommendationFactory(review=review, status="in_progress", created_by=member,
                                        owner=officer, due_date=today - datetime.timedelta(days=1))
        ActionFactory(recommendation=planned, owner=officer)
    TrainingFactory(user=member, course=f"Course {count}", completed_on=today - datetime.timedelta(days=1000),
                    expires_on=today + datetime.timedelta(days=10))


def _page_queries(client, person):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(person)
    client.get("/")  # the session and site settings, read once
    with CaptureQueriesContext(connection) as ctx:
        page = client.get("/").content.decode()
    return len(ctx.captured_queries), page


def test_home_makes_the_same_queries_for_a_few_or_many_rows_in_each_section(client):
    panel = PanelFactory()
    member, officer, manager = (UserFactory(role=role) for role in ("tenant", "officer", "manager"))
    MembershipFactory(panel=panel, user=member)
    MembershipFactory(panel=panel, user=officer, role="supporting_officer")
    _add(1, panel=panel, member=member, officer=officer)
    few = {p.role: _page_queries(client, p) for p in (member, officer, manager)}
    _add(9, panel=panel, member=member, officer=officer)
    many = {p.role: _page_queries(client, p) for p in (member, officer, manager)}
    assert {r: n for r, (n, _) in few.items()} == {r: n for r, (n, _) in many.items()}
    tenant_page = many["tenant"][1]
    assert tenant_page.count("Send apologies") == 5 and "Reviews in progress" in tenant_page
    assert "Recommendations to verify" in tenant_page and "Training due for a refresher" in tenant_page
    assert "Overdue" in many["officer"][1] and "Assign an owner" in many["manager"][1]
