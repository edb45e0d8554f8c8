"""A mystery-shopping or inspection programme's review page leads to its visits and dashboard."""

import re

import pytest

from reviews.models import ReviewKind
from tests.factories.reviews import ReviewFactory

pytestmark = pytest.mark.django_db


def _links(page: str) -> set[str]:
    return set(re.findall(r'href="([^"]+)"', page))


def test_a_shopper_reaches_the_visits_dashboard_and_start_a_visit_from_the_review(client, shop):
    client.force_login(shop.shopper)

    page = client.get(f"/reviews/{shop.review.pk}/").content.decode()

    programme = f"/mystery-shopping/programmes/{shop.review.pk}/"
    assert {programme, f"{programme}dashboard/", f"{programme}visits/new/"} <= _links(page)
    assert "Start a visit" in page


def test_an_inspection_programme_links_the_same_way(client, shop):
    shop.review.kind = ReviewKind.INSPECTION
    shop.review.save(update_fields=["kind"])
    client.force_login(shop.member)

    page = client.get(f"/reviews/{shop.review.pk}/").content.decode()

    assert f"/mystery-shopping/programmes/{shop.review.pk}/visits/new/" in _links(page)


def test_staff_who_cannot_record_visits_get_the_visits_and_dashboard_only(client, shop):
    client.force_login(shop.officer)

    page = client.get(f"/reviews/{shop.review.pk}/").content.decode()

    programme = f"/mystery-shopping/programmes/{shop.review.pk}/"
    assert {programme, f"{programme}dashboard/"} <= _links(page)
    assert f"{programme}visits/new/" not in page


def test_a_scrutiny_review_has_no_visit_links(client, shop):
    review = ReviewFactory(panel=shop.panel, kind=ReviewKind.SCRUTINY_REVIEW)
    client.force_login(shop.shopper)

    page = client.get(f"/reviews/{review.pk}/").content.decode()

    assert f"/mystery-shopping/programmes/{review.pk}/" not in page
