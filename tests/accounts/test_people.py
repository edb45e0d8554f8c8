"""People and roles: an administrator finds someone, changes their role or switches them off."""

import html

import pytest

from accounts.models import User
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


def _change(person, **changes):
    data = {"role": person.role, "is_active": "on" if person.is_active else "off",
            "version": person.version}
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


def test_two_admins_changing_one_person_keeps_both_choices(client, users):
    """Two administrators open the same person's page; the first saves, the second is told,
    keeps their own choice in the form and sees the saved one above it; saving again wins."""
    tenant = users["tenant"]
    first = UserFactory(role="admin", display_name="Fiona Reid")
    page = f"/accounts/people/{tenant.pk}/"
    client.force_login(first)
    fiona_opened = client.get(page).context["form"]["version"].value()
    client.force_login(users["admin"])
    mine_opened = client.get(page).context["form"]["version"].value()

    client.force_login(first)
    assert client.post(page, _change(tenant, role="officer", version=fiona_opened)).status_code == 302
    client.force_login(users["admin"])
    response = client.post(page, _change(tenant, role="manager", is_active="off",
                                         version=mine_opened))
    assert response.status_code == 200
    text = html.unescape(response.content.decode())
    assert "saved a change to this person's role and account" in text
    assert "Your text is still in the form" in text
    saved = text[text.index('id="saved-version"'):text.index("</section>")]
    assert "Officer" in saved and "On: they can sign in" in saved  # the first save, shown
    form = response.context["form"]
    assert (form["role"].value(), form["is_active"].value()) == ("manager", "off")  # mine, kept
    tenant.refresh_from_db()
    assert (tenant.role, tenant.is_active) == ("officer", True)

    again = client.post(page, _change(tenant, role="manager", is_active="off"))
    assert again.status_code == 302
    tenant.refresh_from_db()
    assert (tenant.role, tenant.is_active, tenant.version) == ("manager", False, 3)
