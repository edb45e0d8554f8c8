"""The programme dashboard: numbers aggregated in the database, the same queries for 10 visits
or 2,000, and the summary the reports reuse."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mysteryshop import selectors
from mysteryshop.models import Answer, Channel, Visit, VisitStatus
from tests.factories.mysteryshop import CheckedDocumentFactory
from tests.mysteryshop.bulk import bulk_visits

pytestmark = pytest.mark.django_db


def _dashboard_queries(client, shop):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/mystery-shopping/programmes/{shop.review.pk}/dashboard/")
    assert response.status_code == 200
    _dashboard_queries.last = queries.captured_queries
    return len(queries), response


def test_dashboard_makes_the_same_queries_for_10_and_2000_visits(client, shop):
    client.force_login(shop.member)
    _dashboard_queries(client, shop)  # warm up: site settings are read once, then cached
    bulk_visits(shop, 10)
    small, _ = _dashboard_queries(client, shop)
    bulk_visits(shop, 1990, seed=8)
    large, response = _dashboard_queries(client, shop)
    assert small == large, "\n".join(q["sql"][:120] for q in _dashboard_queries.last)
    assert shop.review.visits.count() == 2000
    assert "Average score by site" in response.content.decode()


def test_the_dashboard_is_the_same_size_for_1000_and_10000_visits(client, shop):
    """Ten times the visits to the same sites in the same months: the same page, but for its
    numbers (a row per site, channel and month, a line per site, ten standards at most). Every
    visit answers all ten scored standards (tests/mysteryshop/bulk.py), so the standards not met
    most often are counted from 10,000 and 100,000 answers."""
    client.force_login(shop.member)
    bulk_visits(shop, 1000)  # each spread over the same five months
    small = _dashboard_queries(client, shop)[1].content.decode()
    bulk_visits(shop, 9000, seed=8)
    large = _dashboard_queries(client, shop)[1].content.decode()
    assert "From 1000 submitted visits" in small and "From 10000 submitted visits" in large
    assert "of 10000 visits" in large  # a standard judged on every visit
    assert large.count("<") == small.count("<")  # the same elements
    assert abs(len(large) - len(small)) < len(small) / 100, (len(small), len(large))
    assert len(large) < 80_000, len(large)


def test_the_dashboard_draws_its_numbers_afresh_in_a_fixed_number_of_queries(client, shop):
    client.force_login(shop.member)
    _dashboard_queries(client, shop)  # warm up: site settings are read once, then cached
    bulk_visits(shop, 30)
    count, response = _dashboard_queries(client, shop)
    # The session (the person is kept in the cache), the programme, the summary's mark and its
    # three queries, the findings already made from the standards shown, and the permission to raise one.
    assert count == 8, "\n".join(q["sql"][:120] for q in _dashboard_queries.last)
    assert "Standards not met most often" in response.content.decode()


def test_summary_scores_by_site_channel_and_month_match_the_visits(shop):
    visits = bulk_visits(shop, 60)
    summary = selectors.programme_summary(review=shop.review)
    assert summary.visits == 60
    perth = [v.score for v in visits if v.site.name == "Perth"]
    row = next(r for r in summary.by_site if r["label"] == "Perth")
    assert row["visits"] == len(perth)
    assert row["score"] == (sum(perth) / len(perth)).quantize(Decimal("0.1"))
    assert {r["label"] for r in summary.by_channel} == {"Phone", "In person"}
    assert [m.month for m in summary.months] == [11, 12, 1, 2, 3]
    assert len(summary.site_trend) == 3 and all(len(t["scores"]) == 5 for t in summary.site_trend)
    worst = summary.failing[0]
    fails = Answer.objects.filter(visit__review=shop.review, standard__key=worst["key"], passed=False).count()
    assert worst["fails"] == fails and worst["fails"] >= summary.failing[-1]["fails"]


def test_draft_visits_are_left_out_of_the_dashboard(shop):
    visits = bulk_visits(shop, 4)
    Visit.objects.filter(pk=visits[0].pk).update(status=VisitStatus.DRAFT)
    assert selectors.programme_summary(review=shop.review).visits == 3


def test_year_summary_counts_visits_inspections_and_approved_documents(shop):
    bulk_visits(shop, 30)
    CheckedDocumentFactory(status="approved", approved_on=datetime.date(2015, 2, 1),
                           expires_on=datetime.date(2017, 2, 1))
    CheckedDocumentFactory(status="approved", approved_on=datetime.date(2016, 2, 1),
                           expires_on=datetime.date(2018, 2, 1))
    year = selectors.year_summary(start=datetime.date(2014, 4, 1), end=datetime.date(2015, 3, 31))
    assert year["mystery_shops"] == 30 and year["inspections"] == 0
    assert year["documents_approved"] == 1
    assert year["mystery_shop_score"] is not None


def test_rolled_up_averages_equal_the_databases_average_of_visit_scores(shop):
    from django.db.models import Avg
    from django.db.models.functions import TruncMonth

    bulk_visits(shop, 90, seed=3)
    summary = selectors.compute_programme_summary(review=shop.review)
    visits = Visit.objects.filter(review=shop.review)
    assert summary.score == visits.aggregate(a=Avg("score"))["a"].quantize(Decimal("0.1"))
    by_month = {
        r["m"].month: r["a"].quantize(Decimal("0.1"))
        for r in visits.annotate(m=TruncMonth("visited_at")).values("m").annotate(a=Avg("score"))
    }
    assert {row["month"].month: row["score"] for row in summary.by_month} == by_month
    channel = visits.filter(channel=Channel.PHONE).aggregate(a=Avg("score"))["a"].quantize(Decimal("0.1"))
    assert next(r for r in summary.by_channel if r["label"] == "Phone")["score"] == channel


def test_the_reused_summary_changes_as_soon_as_an_answer_is_corrected(shop):
    from mysteryshop import services

    visits = bulk_visits(shop, 5, seed=4)
    before = selectors.programme_summary(review=shop.review)
    assert selectors.programme_summary(review=shop.review).score == before.score
    visit = visits[0]
    listen = visit.checklist.standards.get(question__startswith="Did they listen")
    was = Answer.objects.get(visit=visit, standard=listen)
    services.record_answer(by=shop.admin, visit=visit, standard=listen,
                           value={"choice": "yes" if was.choice == "no" else "no"})
    after = selectors.programme_summary(review=shop.review)
    assert after.score == selectors.compute_programme_summary(review=shop.review).score
    assert after.score != before.score
    row = next(r for r in after.failing if r["key"] == listen.key) if any(
        r["key"] == listen.key for r in after.failing) else {"fails": 0}
    assert row["fails"] == Answer.objects.filter(
        visit__review=shop.review, standard=listen, passed=False).count()


def test_the_reused_summary_is_kept_while_other_programmes_and_reviews_change(shop, count_queries):
    from tests.factories.mysteryshop import ProgrammeFactory
    from tests.factories.reviews import FindingFactory

    bulk_visits(shop, 5, seed=4)
    selectors.programme_summary(review=shop.review)
    other = ProgrammeFactory(panel=shop.panel)
    Visit.objects.create(review=other, checklist=shop.phone, site=shop.office, channel=Channel.PHONE,
                         shopper=shop.shopper, visited_at=timezone.now(), status=VisitStatus.SUBMITTED,
                         submitted_at=timezone.now(), score=Decimal(50))
    FindingFactory(review=shop.review)
    assert count_queries(selectors.programme_summary, review=shop.review) == 1  # its mark: kept
