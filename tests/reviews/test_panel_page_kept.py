"""A panel page's reviews section is kept under the panel's reviews version: which reviews it
lists and how many there are are read afresh only after a review of the panel changes."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.panels import MembershipFactory, PanelFactory
from tests.factories.reviews import ReviewFactory

pytestmark = pytest.mark.django_db


def visit(client, panel):
    with CaptureQueriesContext(connection) as queries:
        page = client.get(f"/panels/{panel.pk}/").content.decode()
    return page, [q for q in queries if 'FROM "reviews_review"' in q["sql"]]


@pytest.fixture
def seen(client):
    review = ReviewFactory(title="Complaints handling")
    review.member = MembershipFactory(panel=review.panel).user
    client.force_login(review.member)
    cache.clear()
    page, read = visit(client, review.panel)
    assert read and "Complaints handling" in page
    assert not visit(client, review.panel)[1]  # kept
    return review


def test_a_review_of_another_panel_leaves_the_list_kept(client, seen):
    ReviewFactory(title="Repairs")
    page, read = visit(client, seen.panel)
    assert not read and "Complaints handling" in page and "Repairs" not in page


def test_a_new_review_of_the_panel_is_listed_and_counted(client, seen):
    for number in range(10):
        ReviewFactory(panel=seen.panel, title=f"Review {number}")
    page, read = visit(client, seen.panel)
    assert read and "Review 9" in page and "All 11 reviews of this panel" in page


def test_a_review_moved_or_deleted_leaves_the_list(client, seen):
    first, other = seen.panel, PanelFactory()
    MembershipFactory(panel=other, user=seen.member)
    visit(client, other)
    seen.panel = other
    seen.save()
    assert "Complaints handling" not in visit(client, first)[0]
    assert "Complaints handling" in visit(client, other)[0]
    seen.delete()
    assert "Complaints handling" not in visit(client, other)[0]


def home(client):
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/").content.decode()
    return page, [q for q in queries if 'FROM "reviews_review"' in q["sql"]]


def test_home_keeps_which_reviews_are_in_progress(client, seen):
    assert "Complaints handling" in home(client)[0]
    ReviewFactory(title="Repairs")  # another panel's, which the person neither leads nor supports
    page, read = home(client)
    assert not read and "Complaints handling" in page and "Repairs" not in page


def test_home_lists_a_review_elsewhere_once_the_person_leads_it(client, seen):
    elsewhere = ReviewFactory(title="Repairs")
    home(client)
    elsewhere.lead_member = seen.member
    elsewhere.save()
    assert "Repairs" in home(client)[0]
    elsewhere.lead_member = None
    elsewhere.save()
    assert "Repairs" not in home(client)[0]


def test_home_list_follows_the_persons_panels(client, seen):
    other = ReviewFactory(title="Repairs")
    home(client)
    MembershipFactory(panel=other.panel, user=seen.member)
    assert "Repairs" in home(client)[0]
