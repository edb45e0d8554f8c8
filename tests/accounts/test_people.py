"""People and roles: an administrator finds someone, changes their role or switches them off."""

import pytest

from accounts.models import User
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


def _change(person, **changes):
    data = {"role": person.role, "is_active": "on" if person.is_active else "off",
            "was_role": person.role, "was_active": "on" if person.is_active else "off"}
    data.update(changes)
    return data


def test_search_finds_people_by_part_of_email_and_pages_the_rest(client, users):
    UserFactory(display_name="Morag Findlay", email="morag@glenbrae.example")
    for n in range(30):
        UserFactory(display_name=f"Person {n:02}")
    client.force_login(users["admin"])
    found = client.get("/accounts/people/", {"q": "glenbrae"}).content.decode()
    assert "Morag Findlay" in found and "Person 01" not in found
    first = client.get("/accounts/people/").content.decode()
    assert "Page 1 of 2" in first and "Next page" in first


def test_admin_makes_a_tenant_an_officer(client, users):
    tenant = users["tenant"]
    client.force_login(users["admin"])
    response = client.post(f"/accounts/people/{tenant.pk}/", _change(tenant, role="officer"))
    assert response.status_code == 302
    tenant.refresh_from_db()
    assert tenant.role == "officer"


def test_switched_off_person_cannot_sign_in(client, users):
    tenant = users["tenant"]
    tenant.set_password("a-long-password-1")
    tenant.save()
    client.force_login(users["admin"])
    client.post(f"/accounts/people/{tenant.pk}/", _change(tenant, is_active="off"))
    client.logout()
    response = client.post("/accounts/sign-in/", {"username": tenant.email, "password": "a-long-password-1"})
    assert response.status_code == 200
    assert not User.objects.get(pk=tenant.pk).is_active


def test_admin_cannot_take_away_their_own_role(client, users):
    admin = users["admin"]
    client.force_login(admin)
    response = client.post(f"/accounts/people/{admin.pk}/", _change(admin, role="manager"))
    assert "cannot take away your own administrator role" in response.content.decode()
    admin.refresh_from_db()
    assert admin.role == "admin"


def test_change_made_meanwhile_by_another_admin_is_not_overwritten(client, users):
    tenant = users["tenant"]
    stale = _change(tenant, role="manager")
    User.objects.filter(pk=tenant.pk).update(role="officer")
    client.force_login(users["admin"])
    response = client.post(f"/accounts/people/{tenant.pk}/", stale)
    page = response.content.decode()
    assert "Someone else changed" in page
    tenant.refresh_from_db()
    assert tenant.role == "officer"
