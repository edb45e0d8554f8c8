"""Review pages make the same number of queries for 5 or 200 pieces of evidence and findings."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reviews.models import FindingKind
from tests.factories.reviews import (
    DocumentFactory,
    FindingCommentFactory,
    FindingFactory,
    InterviewFactory,
    PerformanceFigureFactory,
    ReviewFactory,
    SiteVisitFactory,
    SiteVisitPhotoFactory,
)

KINDS = [DocumentFactory, PerformanceFigureFactory, InterviewFactory, SiteVisitFactory]


def _fill(review, n, people, questions):
    evidence = [KINDS[i % 4](review=review, added_by=people[i % len(people)]) for i in range(n)]
    for item in evidence[3::4]:
        SiteVisitPhotoFactory(site_visit=item)
    for item in evidence[2::4]:
        item.interviewers.set(people)
    for i in range(n):
        finding = FindingFactory(
            review=review, kind=FindingKind.values[i % 3], raised_by=people[i % len(people)],
            question=questions[i % len(questions)] if i % 5 else None,
        )
        finding.evidence.set([evidence[i], evidence[(i + 1) % n]])
        FindingCommentFactory(finding=finding, author=people[0], kind="challenge", text="Why?")


def _count(client, url):
    cache.clear()  # counted uncached: the review page keeps its findings section in the cache
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("path", [
    "/reviews/{pk}/", "/reviews/{pk}/?group=type", "/reviews/{pk}/report/",
    "/reviews/evidence/?review={pk}", "/reviews/{pk}/findings/add/",
])
def test_review_pages_make_the_same_queries_for_5_or_200_items(client, world, path):
    people = [world.member, world.second, world.chair]
    questions = [world.q1, world.q2]
    small = world.review
    large = ReviewFactory(panel=world.panel, title="Repairs communications")
    large.questions.create(number=1, text="Are tenants told?")
    large.questions.create(number=2, text="Are appointments kept?")
    _fill(small, 5, people, questions)
    _fill(large, 200, people, list(large.questions.all()))
    client.force_login(world.member)

    client.get(path.format(pk=small.pk))  # warm up: sessions, site settings
    few = _count(client, path.format(pk=small.pk))
    many = _count(client, path.format(pk=large.pk))
    assert few == many, f"{path}: {few} queries for 5 items, {many} for 200"


def test_review_list_queries_do_not_grow_with_reviews(client, world):
    client.force_login(world.admin)
    client.get("/reviews/")
    few = _count(client, "/reviews/")
    for _ in range(30):
        _fill(ReviewFactory(panel=world.panel), 1, [world.member], [world.q1])
    assert _count(client, "/reviews/") == few
