"""Report pages and the annual report's selector make the same number of queries for a little
data or a lot."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from reports import selectors
from tests.factories.recommendations import ActionFactory, RecommendationFactory
from tests.factories.reviews import FindingFactory


def _add(world, count):
    for _ in range(count):
        finding = FindingFactory(review=world.review)
        rec = RecommendationFactory(review=world.review, status="in_progress")
        rec.findings.add(finding)
        ActionFactory(recommendation=rec)
        RecommendationFactory(review=world.review, status="verified")


def _queries(work):
    with CaptureQueriesContext(connection) as queries:
        work()
    return len(queries)


def test_the_review_report_page_queries_do_not_grow_with_recommendations(client, world):
    client.force_login(world.manager)
    path = f"/reports/reviews/{world.review.pk}/"
    _add(world, 1)
    client.get(path)
    small = _queries(lambda: client.get(path))
    _add(world, 12)
    large = _queries(lambda: client.get(path))
    assert small == large


def test_the_annual_report_queries_do_not_grow_with_the_year(world):
    this_year = world.year + 1  # the factories date their steps today
    _add(world, 1)
    first = selectors.annual_report(year=this_year)
    small = _queries(lambda: selectors.annual_report(year=this_year))
    _add(world, 12)
    second = selectors.annual_report(year=this_year)
    large = _queries(lambda: selectors.annual_report(year=this_year))
    made = {s.key: s for s in second["sections"]}["recommendations"].data["now"]["made"]
    assert made == 26 and {s.key for s in first["sections"]} == {s.key for s in second["sections"]}
    assert small == large
