"""Passkeys: adding one (named), using it after the password, refusals in plain words and on
the audit trail, and removing one. The answers come from a passkey device in software
(soft_authenticator.py) and are checked by django-otp-webauthn itself."""

import html
import json

import pytest
from django.test import Client
from django_otp_webauthn.models import WebAuthnCredential

from scrutiny.models import AuditEvent
from tests.accounts.soft_authenticator import SoftAuthenticator, b64
from tests.db_unchanged import assert_db_unchanged
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db

ADD_OPTIONS = "/accounts/profile/passkeys/add/options/"
ADD_FINISH = "/accounts/profile/passkeys/add/finish/"
CHECK_OPTIONS = "/accounts/passkey/options/"
CHECK_FINISH = "/accounts/passkey/finish/"


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def post_json(client, url, data):
    return client.post(url, json.dumps(data), content_type="application/json")


def add_passkey(client, device, name="Work phone"):
    options = client.post(ADD_OPTIONS, {"name": name}).json()
    return post_json(client, ADD_FINISH, device.create(options))


def is_verified(client):
    """Whether the session has passed a second factor (django-otp's mark in the session)."""
    return bool(client.session.get("otp_device_id"))


def test_registration_options_name_this_site_and_leave_out_passkeys_already_added():
    user = UserFactory(role="manager", email="sam@example.org")
    client = signed_in(user)
    laptop = SoftAuthenticator()
    assert add_passkey(client, laptop, "Laptop").status_code == 200

    response = client.post(ADD_OPTIONS, {"name": "Blue key"})

    assert response.status_code == 200
    options = response.json()
    assert options["rp"] == {"id": "testserver", "name": "Your landlord tenant scrutiny"}
    assert options["user"]["name"] == "sam@example.org"
    assert options["challenge"]
    assert options["timeout"] == 300_000
    assert [c["id"] for c in options["excludeCredentials"]] == [b64(laptop.credential_id)]


def test_adding_a_passkey_saves_it_under_its_name_and_notes_it():
    user = UserFactory(role="officer")
    client = signed_in(user)

    response = add_passkey(client, SoftAuthenticator(), "  Work   phone ")

    assert response.status_code == 200
    assert response.json()["redirect"] == "/accounts/profile/#passkeys"
    passkey = WebAuthnCredential.objects.get(user=user)
    assert passkey.name == "Work phone"
    assert passkey.confirmed
    event = AuditEvent.objects.get(kind="factor_added")
    assert (event.actor, event.subject, event.detail) == (user, user, "Passkey “Work phone”")
    assert is_verified(client)  # a first second factor counts as passed


@pytest.mark.parametrize("name, words", [
    ("", "Give your passkey a name"),
    ("x" * 65, "Keep the name to 64 characters or fewer."),
    ("laptop", "You already have a passkey called “laptop”."),
])
def test_a_passkey_needs_a_name_of_its_own(name, words):
    user = UserFactory()
    client = signed_in(user)
    add_passkey(client, SoftAuthenticator(), "Laptop")

    with assert_db_unchanged():
        response = client.post(ADD_OPTIONS, {"name": name})

    assert response.status_code == 400
    assert response.json()["field"] == "name"
    assert words in response.json()["detail"]
    assert "otp_webauthn_register_state" not in client.session


def test_signed_out_visitor_cannot_start_adding_a_passkey():
    response = Client().post(ADD_OPTIONS, {"name": "Laptop"})

    assert response.status_code == 403
    assert response.json()["detail"] == "Sign in with your email and password first."


def test_finishing_without_starting_is_refused_in_plain_words():
    client = signed_in(UserFactory())

    with assert_db_unchanged():
        response = post_json(client, ADD_FINISH, SoftAuthenticator().create({"challenge": "abc"}))

    assert response.status_code == 400
    assert response.json()["detail"] == "This page was open too long, or was used in another tab. Try again."


def test_person_with_a_passkey_must_use_it_before_adding_another():
    user = UserFactory(role="manager")
    add_passkey(signed_in(user), SoftAuthenticator())
    client = signed_in(user)  # a new sign-in: password only

    response = client.post(ADD_OPTIONS, {"name": "Second"})

    assert response.status_code == 403
    assert response.json()["detail"] == "Check it's you with a way you already have before you add another."


def test_passkey_checks_it_is_you_after_the_password():
    user = UserFactory(role="manager")
    device = SoftAuthenticator()
    add_passkey(signed_in(user), device)
    client = signed_in(user)
    assert not is_verified(client)

    options = client.post(CHECK_OPTIONS).json()
    assert [c["id"] for c in options["allowCredentials"]] == [b64(device.credential_id)]
    response = post_json(client, CHECK_FINISH + "?next=/reviews/", device.get(options))

    assert response.status_code == 200
    assert response.json()["redirect_url"] == "/reviews/"
    assert is_verified(client)
    assert WebAuthnCredential.objects.get(user=user).last_used_at is not None


def test_a_bad_answer_is_refused_and_noted_on_the_audit_trail():
    user = UserFactory(role="manager")
    device = SoftAuthenticator()
    add_passkey(signed_in(user), device)
    client = signed_in(user)

    options = client.post(CHECK_OPTIONS).json()
    response = post_json(client, CHECK_FINISH, device.get(options, tamper=True))

    assert response.status_code == 422
    assert response.json()["detail"] == (
        "Your passkey's answer could not be checked. Try again, or use another way.")
    assert not is_verified(client)
    event = AuditEvent.objects.get(kind="factor_failed")
    assert (event.actor, event.subject) == (user, user)
    # The challenge was used up: the same answer, even a good one, cannot be sent again.
    again = post_json(client, CHECK_FINISH, device.get(options))
    assert again.status_code == 400
    assert not is_verified(client)


def test_someone_elses_passkey_is_not_accepted():
    owner, other = UserFactory(role="officer"), UserFactory(role="officer")
    device = SoftAuthenticator()
    add_passkey(signed_in(owner), device)
    add_passkey(signed_in(other), SoftAuthenticator())
    client = signed_in(other)

    options = client.post(CHECK_OPTIONS).json()
    response = post_json(client, CHECK_FINISH, device.get(options))

    assert response.status_code == 403
    assert "not one added to your account here" in response.json()["detail"]
    assert not is_verified(client)
    assert AuditEvent.objects.filter(kind="factor_failed", subject=other).count() == 1


def test_signed_out_visitor_cannot_sign_in_with_a_passkey_alone():
    response = Client().post(CHECK_OPTIONS)

    assert response.status_code == 403
    assert response.json()["detail"] == "Sign in with your email and password first."


def test_tenant_removes_their_passkey_after_confirming():
    tenant = UserFactory(role="tenant")
    client = signed_in(tenant)
    add_passkey(client, SoftAuthenticator(), "Old phone")
    passkey = WebAuthnCredential.objects.get(user=tenant)
    url = f"/accounts/profile/passkeys/{passkey.pk}/remove/"

    page = client.get(url)
    assert "Remove the passkey “Old phone”?" in page.content.decode()
    response = client.post(url, follow=True)

    assert response.redirect_chain[-1][0] == "/accounts/profile/#passkeys"
    assert "Your passkey “Old phone” has been removed." in response.content.decode()
    assert not WebAuthnCredential.objects.filter(pk=passkey.pk).exists()
    event = AuditEvent.objects.get(kind="factor_removed")
    assert (event.actor, event.detail) == (tenant, "Passkey “Old phone”")


def test_staff_cannot_remove_their_only_second_factor():
    officer = UserFactory(role="officer")
    client = signed_in(officer)
    add_passkey(client, SoftAuthenticator(), "Only key")
    passkey = WebAuthnCredential.objects.get(user=officer)

    with assert_db_unchanged():
        response = client.post(f"/accounts/profile/passkeys/{passkey.pk}/remove/")

    assert response.status_code == 200
    assert "This is your only way to check it's you" in html.unescape(response.content.decode())


def test_someone_elses_passkey_cannot_be_removed():
    owner = UserFactory()
    add_passkey(signed_in(owner), SoftAuthenticator())
    passkey = WebAuthnCredential.objects.get(user=owner)
    client = signed_in(UserFactory())

    with assert_db_unchanged():
        response = client.post(f"/accounts/profile/passkeys/{passkey.pk}/remove/")

    assert response.status_code == 404
