import json

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories.accounts import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_person_changes_their_details(client):
    user = UserFactory(display_name="Old Name")
    client.force_login(user)
    response = client.post(reverse("accounts:profile"), {
        "display_name": "New Name", "email": user.email, "phone": "01234 111222",
        "postal_address": "", "contact_preference": "phone", "large_text": "on",
        "access_needs": "Papers a week before meetings",
    }, follow=True)
    assert "Your details have been saved." in response.content.decode()
    user.refresh_from_db()
    assert (user.display_name, user.phone, user.contact_preference, user.large_text) == (
        "New Name", "01234 111222", "phone", True)
    assert 'class="text-large"' in response.content.decode()


def test_email_already_used_is_refused_and_typing_kept(client):
    UserFactory(email="taken@example.org")
    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("accounts:profile"), {
        "display_name": "Typed Name", "email": "Taken@example.org", "contact_preference": "email",
    })
    page = response.content.decode()
    assert "Someone else already uses this email address." in page
    assert 'value="Typed Name"' in page
    user.refresh_from_db()
    assert user.display_name != "Typed Name"


def test_person_changes_their_password(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("accounts:password-change"), {
        "old_password": PASSWORD,
        "new_password1": "quiet river lantern",
        "new_password2": "quiet river lantern",
    })
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("quiet river lantern")


def test_password_reset_by_email(client, django_capture_on_commit_callbacks):
    user = UserFactory(email="forgot@example.org")
    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends after commit
        client.post(reverse("accounts:password-reset"), {"email": "forgot@example.org"})
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/password-reset/" in line)
    path = "/" + link.split("/", 3)[3]
    response = client.get(path, follow=True)
    form_path = response.redirect_chain[-1][0]
    client.post(form_path, {"new_password1": "amber hill station", "new_password2": "amber hill station"})
    user.refresh_from_db()
    assert user.check_password("amber hill station")


def test_person_downloads_their_own_data(client):
    user = UserFactory(display_name="Jo Smith", phone="01234 999888")
    other = UserFactory(display_name="Someone Else")
    client.force_login(user)
    response = client.get(reverse("accounts:personal-data"))
    assert response["Content-Disposition"] == 'attachment; filename="my-data.json"'
    data = json.loads(response.content)
    assert data["Account"]["name"] == "Jo Smith"
    assert data["Account"]["phone"] == "01234 999888"
    assert other.display_name not in response.content.decode()
