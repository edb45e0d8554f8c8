import pytest

from tests.factories.panels import MembershipFactory
from tests.factories.reviews import ReviewFactory

pytestmark = pytest.mark.django_db


def test_panel_member_finds_the_recommendations_of_a_review_from_its_page(client):
    review = ReviewFactory()
    member = MembershipFactory(panel=review.panel).user
    client.force_login(member)
    page = client.get(review.get_absolute_url()).content.decode()
    assert f'href="/recommendations/?review={review.pk}"' in page
    assert f'href="/recommendations/reviews/{review.pk}/new/"' in page


def test_manager_sees_the_recommendations_link_but_cannot_draft(client, users):
    review = ReviewFactory()
    client.force_login(users["manager"])
    page = client.get(review.get_absolute_url()).content.decode()
    assert f'href="/recommendations/?review={review.pk}"' in page
    assert "Draft a recommendation" not in page
