import pytest
from django.urls import reverse

from tests.factories.accounts import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_person_signs_in_with_email_in_any_case_and_lands_on_home(client):
    UserFactory(email="jo.smith@example.org", display_name="Jo Smith")
    response = client.post(
        reverse("accounts:login"), {"username": "Jo.Smith@Example.org", "password": PASSWORD},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("home")
    assert "Hello, Jo" in response.content.decode()


def test_wrong_password_is_explained_and_email_is_kept(client):
    UserFactory(email="jo@example.org")
    response = client.post(reverse("accounts:login"), {"username": "jo@example.org", "password": "nope"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "The email address or password is not right" in page
    assert 'value="jo@example.org"' in page


def test_repeated_wrong_passwords_lock_sign_in(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    UserFactory(email="jo@example.org")
    for _ in range(3):
        client.post(reverse("accounts:login"), {"username": "jo@example.org", "password": "wrong"})
    response = client.post(reverse("accounts:login"), {"username": "jo@example.org", "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()


def test_pages_need_sign_in(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_sign_out_ends_the_session(client):
    user = UserFactory()
    client.force_login(user)
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("home")).status_code == 302


def test_admin_role_can_use_admin_site_and_others_cannot(client):
    admin = UserFactory(role="admin")
    officer = UserFactory(role="officer")
    client.force_login(officer)
    assert client.get("/admin/").status_code == 302
    client.force_login(admin)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/accounts/user/").status_code == 200
