"""The home page's reviews in progress and a panel page's reviews are kept under the versions of
the reviews they list: a change they show draws them afresh, a change elsewhere leaves them kept."""

import pytest
from django.contrib.auth.models import update_last_login
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.panels import MeetingFactory, PanelFactory
from tests.factories.recommendations import RecommendationFactory
from tests.factories.reviews import DocumentFactory, FindingFactory, ReviewFactory, ServiceAreaFactory


@pytest.fixture
def other(world):
    """Another panel's review, with a finding of its own."""
    review = ReviewFactory(panel=PanelFactory(name="Repairs Group"), title="Repairs")
    return {"review": review, "finding": FindingFactory(review=review)}


def rename(obj, field, value):
    setattr(obj, field, value)
    obj.save()


# Each change the lists show, and a word of the page that shows it was drawn afresh.
SHOWN = {
    "a finding logged": (lambda w: FindingFactory(review=w.review), "1 finding"),
    "a document added": (lambda w: DocumentFactory(review=w.review), "1 piece of evidence"),
    "the review retitled": (lambda w: rename(w.review, "title", "Complaints, again"), "Complaints, again"),
    "the review moving on": (lambda w: rename(w.review, "stage", "analysis"), "Analysis"),
    "the service area renamed": (lambda w: rename(w.review.service_area, "name", "Lettings"), "Lettings"),
    "a new review": (lambda w: ReviewFactory(panel=w.panel, title="Rent arrears"), "Rent arrears"),
}
NOT_SHOWN = {
    "a finding in another review": lambda w, o: FindingFactory(review=o["review"]),
    "a document in another review": lambda w, o: DocumentFactory(review=o["review"]),
    "another review retitled": lambda w, o: rename(o["review"], "title", "Repairs, again"),
    "another panel renamed": lambda w, o: rename(o["review"].panel, "name", "Repairs Panel"),
    "a sign-in": lambda w, o: update_last_login(None, w.member),
    "a meeting of the panel": lambda w, o: MeetingFactory(panel=w.panel),
    "a recommendation": lambda w, o: RecommendationFactory(review=w.review),
}
PAGES = {"home": lambda w: "/", "panel page": lambda w: f"/panels/{w.panel.pk}/"}


def counted_reads(queries) -> list:
    """The query that draws the listed reviews with their counts (none when the list was kept)."""
    return [q for q in queries if 'FROM "reviews_review"' in q["sql"] and '"reviews_finding"' in q["sql"]]


def visit(client, path):
    with CaptureQueriesContext(connection) as queries:
        page = client.get(path).content.decode()
    return page, counted_reads(queries)


@pytest.fixture
def seen(client, world):
    world.review.service_area = ServiceAreaFactory(name="Housing management")
    world.review.save()
    client.force_login(world.member)
    cache.clear()
    return world


@pytest.mark.parametrize("page", PAGES.values(), ids=PAGES.keys())
@pytest.mark.parametrize("change,word", SHOWN.values(), ids=SHOWN.keys())
def test_a_change_the_list_shows_draws_it_afresh(client, seen, page, change, word):
    path = page(seen)
    first, drawn = visit(client, path)
    assert drawn and word not in first
    assert not visit(client, path)[1]  # kept
    change(seen)
    after, drawn = visit(client, path)
    assert drawn and word in after


@pytest.mark.parametrize("page", PAGES.values(), ids=PAGES.keys())
@pytest.mark.parametrize("change", NOT_SHOWN.values(), ids=NOT_SHOWN.keys())
def test_a_change_the_list_does_not_show_leaves_it_kept(client, seen, other, page, change):
    path = page(seen)
    first, drawn = visit(client, path)
    assert drawn and "Complaints handling" in first
    change(seen, other)
    after, drawn = visit(client, path)
    assert not drawn and "Complaints handling" in after


def test_the_panel_renamed_draws_the_home_list_afresh(client, seen):
    visit(client, "/")
    rename(seen.panel, "name", "SURE Panel")
    page, drawn = visit(client, "/")
    assert drawn and "SURE Panel ·" in page


def test_a_closed_review_leaves_the_home_list(client, seen):
    assert "Complaints handling" in visit(client, "/")[0]
    rename(seen.review, "stage", "closed")
    assert "Complaints handling" not in visit(client, "/")[0]
