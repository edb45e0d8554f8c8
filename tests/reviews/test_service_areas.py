"""Service areas: an administrator adds, renames and retires them on the product's own page."""

import html

import pytest

from reviews.models import ServiceArea
from tests.factories.accounts import UserFactory
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
        "name": "Complaints and compliments", "is_active": "no", "version": area.version})
    area.refresh_from_db()
    assert (area.name, area.is_active) == ("Complaints and compliments", False)


def test_two_admins_renaming_one_service_area_keeps_both_texts(client, users):
    """Two administrators open the same service area; the first saves, the second is told,
    keeps their own text in the form and sees the saved one above it; saving again wins."""
    area = ServiceAreaFactory(name="Complaints")
    first = UserFactory(role="admin", display_name="Fiona Reid")
    page = f"/reviews/service-areas/{area.pk}/"
    client.force_login(first)
    fiona_opened = client.get(page).context["form"]["version"].value()
    client.force_login(users["admin"])
    mine_opened = client.get(page).context["form"]["version"].value()

    client.force_login(first)
    response = client.post(page, {"name": "Customer complaints", "is_active": "yes",
                                  "version": fiona_opened})
    assert response.status_code == 302
    client.force_login(users["admin"])
    response = client.post(page, {"name": "Complaints handling", "is_active": "no",
                                  "version": mine_opened})
    assert response.status_code == 200
    text = html.unescape(response.content.decode())
    assert "saved a change to this service area" in text
    assert "Your text is still in the form" in text
    saved = text[text.index('id="saved-version"'):text.index("</section>")]
    assert "Customer complaints" in saved and "In use: new reviews can choose it" in saved
    form = response.context["form"]
    assert (form["name"].value(), form["is_active"].value()) == ("Complaints handling", "no")
    area.refresh_from_db()
    assert (area.name, area.is_active) == ("Customer complaints", True)

    again = client.post(page, {"name": "Complaints handling", "is_active": "no",
                               "version": area.version})
    assert again.status_code == 302
    area.refresh_from_db()
    assert (area.name, area.is_active, area.version) == ("Complaints handling", False, 3)
