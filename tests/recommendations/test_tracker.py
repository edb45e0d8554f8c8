"""The tracker: who sees what, filters, sorting, the summary bar, medians and query counts."""

from datetime import UTC, datetime, timedelta

import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from recommendations.models import Action, Decision, Recommendation, Response, Status
from recommendations.selectors import medians, summary, visible_to
from tests.factories.accounts import UserFactory
from tests.factories.recommendations import ActionFactory, RecommendationFactory
from tests.factories.reviews import ReviewFactory, ServiceAreaFactory

TRACKER = "/recommendations/"


def codes(response):
    """The listed recommendations' reviews and codes, in order (the page lists their ids)."""
    ids = response.context["page"].object_list
    rows = Recommendation.objects.select_related("review").in_bulk(ids)
    return [(rows[pk].review.title, rows[pk].code) for pk in ids]


def test_tenants_see_only_their_panels_recommendations_and_staff_see_all(client, world, make_rec):
    mine = make_rec("submitted")
    theirs = RecommendationFactory(status="submitted", review=ReviewFactory(title="Another panel's"))
    client.force_login(world.member)
    assert list(client.get(TRACKER).context["page"].object_list) == [mine.pk]
    client.force_login(world.outsider)
    assert list(client.get(TRACKER).context["page"].object_list) == []
    client.force_login(world.other_officer)
    assert set(client.get(TRACKER).context["page"].object_list) == {mine.pk, theirs.pk}


def test_filters_by_status_review_panel_service_area_owner_priority(client, world, make_rec):
    repairs = ServiceAreaFactory(name="Repairs")
    a = make_rec("in_progress", priority="high")
    b = make_rec("submitted", priority="low", service_area=repairs)
    other_review = ReviewFactory(panel=world.panel, title="Repairs communications")
    c = RecommendationFactory(status="draft", review=other_review, priority="low")
    client.force_login(world.admin)  # sees drafts too

    def pks(query):
        return set(client.get(TRACKER + "?" + query).context["page"].object_list)

    assert pks("status=in_progress") == {a.pk}
    assert pks(f"review={other_review.pk}") == {c.pk}
    assert pks(f"panel={world.panel.pk}") == {a.pk, b.pk, c.pk}
    assert pks(f"service_area={repairs.pk}") == {b.pk}
    assert pks(f"owner={world.owner.pk}") == {a.pk}
    assert pks("priority=low") == {b.pk, c.pk}
    assert pks("priority=low&status=draft") == {c.pk}
    assert pks("q=dealing") == {a.pk, b.pk, c.pk}


def test_overdue_is_worked_out_from_due_dates(client, world, make_rec):
    yesterday = timezone.localdate() - timedelta(days=1)
    late = make_rec("in_progress", due_date=yesterday)
    late_action = make_rec("in_progress")
    ActionFactory(recommendation=late_action, due_date=yesterday)
    done_action = make_rec("in_progress")
    ActionFactory(recommendation=done_action, due_date=yesterday, status="done")
    on_time = make_rec("in_progress")
    finished = make_rec("implemented", due_date=yesterday)  # done: a passed date no longer matters
    client.force_login(world.manager)
    overdue = set(client.get(TRACKER + "?overdue=yes").context["page"].object_list)
    assert overdue == {late.pk, late_action.pk}
    not_overdue = set(client.get(TRACKER + "?overdue=no").context["page"].object_list)
    assert not_overdue == {done_action.pk, on_time.pk, finished.pk}
    assert "Overdue" in client.get(late.get_absolute_url()).content.decode()


@time_machine.travel(datetime(2025, 6, 1, 12, tzinfo=UTC))
def test_year_filter_uses_the_financial_year_of_submission(client, world, make_rec):
    tz = timezone.get_current_timezone()
    march = make_rec("submitted", submitted_at=datetime(2024, 3, 31, 23, 30, tzinfo=tz))
    april = make_rec("submitted", submitted_at=datetime(2024, 4, 1, 0, 30, tzinfo=tz))
    client.force_login(world.manager)
    response = client.get(TRACKER + "?year=2024")
    assert list(response.context["page"].object_list) == [april.pk]
    assert '<option value="2024" selected>2024/25</option>' in response.content.decode()
    assert list(client.get(TRACKER + "?year=2023").context["page"].object_list) == [march.pk]


def test_sorting(client, world, make_rec):
    low = make_rec("in_progress", priority="low", due_date=timezone.localdate() + timedelta(days=3))
    high = make_rec("in_progress", priority="high", due_date=timezone.localdate() + timedelta(days=9))
    draft = make_rec("draft", priority="medium")
    client.force_login(world.admin)  # sees drafts too

    def order(sort):
        return list(client.get(f"{TRACKER}?sort={sort}").context["page"].object_list)

    assert order("priority") == [high.pk, draft.pk, low.pk]
    assert order("due") == [low.pk, high.pk, draft.pk]
    assert order("status") == [draft.pk, low.pk, high.pk]
    assert order("review") == [low.pk, high.pk, draft.pk]


def test_pagination_keeps_the_filters(client, world, make_rec):
    for _ in range(27):
        make_rec("submitted")
    client.force_login(world.manager)
    response = client.get(TRACKER + "?status=submitted")
    page = response.content.decode()
    assert "Recommendations 1 to 25 of 27" in page
    assert "?status=submitted&amp;page=2" in page
    assert len(client.get(TRACKER + "?status=submitted&page=2").context["page"].object_list) == 2


def test_summary_bar_and_medians(world, make_rec):
    now = timezone.now()
    for status in ("draft", "submitted", "accepted", "partly_accepted", "rejected", "in_progress",
                   "implemented", "verified"):
        make_rec(status)
    make_rec("in_progress", due_date=timezone.localdate() - timedelta(days=1))
    # Medians: responses after 10, 20 and 40 days; implementation after 100 and 200 days.
    qs = Recommendation.objects.filter(review=world.review)
    for rec, days in zip(qs.filter(response__isnull=False).order_by("pk")[:3], (10, 20, 40), strict=True):
        Recommendation.objects.filter(pk=rec.pk).update(submitted_at=now - timedelta(days=days))
        Response.objects.filter(recommendation=rec).update(responded_at=now)
    for rec, days in zip(qs.filter(implemented_at__isnull=False).order_by("pk"), (100, 200), strict=True):
        Recommendation.objects.filter(pk=rec.pk).update(
            submitted_at=now - timedelta(days=days), implemented_at=now
        )
    counts = summary(visible_to(world.manager))
    assert counts == {"listed": 8, "made": 8, "awaiting": 1, "accepted": 5, "partly": 1, "rejected": 1,
                      "implemented": 2, "verified": 1, "overdue": 1}
    assert medians(visible_to(world.manager))["to_implementation"] == 150


def test_tracker_page_shows_the_summary(client, world, make_rec):
    make_rec("rejected")
    client.force_login(world.manager)
    page = client.get(TRACKER).content.decode()
    assert "rejected" in page and "Median time from submission to the landlord" in page


def test_a_review_filter_offers_the_panel_a_new_recommendation(client, world):
    client.force_login(world.member)
    page = client.get(f"{TRACKER}?review={world.review.pk}").content.decode()
    assert f"/recommendations/reviews/{world.review.pk}/new/" in page
    client.force_login(world.manager)
    page = client.get(f"{TRACKER}?review={world.review.pk}").content.decode()
    assert f"/recommendations/reviews/{world.review.pk}/new/" not in page


def _bulk(world, count, start):
    owner = world.owner
    recs = Recommendation.objects.bulk_create([
        Recommendation(
            review=world.review, number=start + i, text=f"Recommendation {start + i}",
            status=[Status.SUBMITTED, Status.IN_PROGRESS, Status.VERIFIED][i % 3],
            owner=owner if i % 3 else None,
            due_date=timezone.localdate() + timedelta(days=(i % 20) - 10) if i % 3 else None,
            submitted_at=timezone.now() - timedelta(days=60),
            implemented_at=timezone.now() if i % 3 == 2 else None,
        )
        for i in range(count)
    ])
    Response.objects.bulk_create([
        Response(recommendation=r, decision=Decision.ACCEPTED) for r in recs if r.status != Status.SUBMITTED
    ])
    Action.objects.bulk_create([
        Action(recommendation=r, what="A step", owner=owner, due_date=timezone.localdate())
        for r in recs if r.status == Status.IN_PROGRESS
    ])


def test_tracker_query_count_is_the_same_for_10_and_1000_recommendations(client, world):
    UserFactory(role="officer")
    client.force_login(world.member)

    def queries(query=""):
        # Counted uncached: the summary and medians are cached for a minute (tracker_figures).
        cache.clear()
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(TRACKER + query)
        assert response.status_code == 200
        return len(ctx.captured_queries)

    _bulk(world, 10, 1)
    client.get(TRACKER)  # the first request of a session also loads the (cached) site settings
    small = (queries(), queries("?overdue=yes&sort=priority"), queries("?page=1&sort=due"))
    _bulk(world, 990, 11)
    large = (queries(), queries("?overdue=yes&sort=priority"), queries("?page=1&sort=due"))
    assert small == large
