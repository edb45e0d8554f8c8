"""Service areas: an administrator adds, renames and retires them on the product's own page."""

import pytest

from reviews.models import ServiceArea
from tests.factories.reviews import ServiceAreaFactory

pytestmark = pytest.mark.django_db


def test_admin_adds_a_service_area(client, users):
    client.force_login(users["admin"])
    response = client.post("/reviews/service-areas/", {"name": "  Gas\nsafety  "})
    assert response.status_code == 302
    assert ServiceArea.objects.filter(name="Gas safety", is_active=True).exists()


def test_a_name_already_used_is_refused_with_a_message(client, users):
    ServiceAreaFactory(name="Repairs")
    client.force_login(users["admin"])
    response = client.post("/reviews/service-areas/", {"name": "repairs"})
    assert "There is already a service area called" in response.content.decode()
    assert ServiceArea.objects.filter(name__iexact="repairs").count() == 1


def test_admin_renames_and_retires_a_service_area(client, users):
    area = ServiceAreaFactory(name="Complaints")
    client.force_login(users["admin"])
    client.post(f"/reviews/service-areas/{area.pk}/", {
        "name": "Complaints and compliments", "is_active": "no", "was_name": "Complaints",
        "was_active": "yes"})
    area.refresh_from_db()
    assert (area.name, area.is_active) == ("Complaints and compliments", False)


def test_a_rename_made_meanwhile_is_not_overwritten(client, users):
    area = ServiceAreaFactory(name="Complaints")
    ServiceArea.objects.filter(pk=area.pk).update(name="Customer complaints")
    client.force_login(users["admin"])
    response = client.post(f"/reviews/service-areas/{area.pk}/", {
        "name": "Complaints handling", "is_active": "yes", "was_name": "Complaints", "was_active": "yes"})
    page = response.content.decode()
    assert "Someone else changed this service area" in page
    assert 'value="Complaints handling"' in page
    area.refresh_from_db()
    assert area.name == "Customer complaints"
