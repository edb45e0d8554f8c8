import pytest

from tests.factories.panels import MembershipFactory
from tests.factories.reviews import ReviewFactory

pytestmark = pytest.mark.django_db


def test_panel_page_lists_the_panels_reviews_and_no_others(client):
    review = ReviewFactory(title="Complaints handling")
    other = ReviewFactory(title="Someone else's review")
    member = MembershipFactory(panel=review.panel).user
    client.force_login(member)
    page = client.get(review.panel.get_absolute_url()).content.decode()
    assert "Complaints handling" in page
    assert review.get_absolute_url() in page
    assert other.title not in page
    assert "Propose a review" in page  # any member may propose one


def test_panel_chair_is_offered_to_propose_a_review(client):
    review = ReviewFactory()
    chair = MembershipFactory(panel=review.panel, role="chair").user
    client.force_login(chair)
    assert "Propose a review" in client.get(review.panel.get_absolute_url()).content.decode()
