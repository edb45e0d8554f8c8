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


def test_the_review_page_template_does_not_know_later_apps():
    """DESIGN.md's one-way order: reviews link to recommendations and reports only through
    extensions.REVIEW_PAGE_LINKS, never by naming their URLs."""
    from pathlib import Path

    from django.conf import settings

    template = (Path(settings.BASE_DIR) / "templates" / "reviews" / "review_detail.html").read_text()
    assert "recommendations:" not in template and "reports:" not in template
