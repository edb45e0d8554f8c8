"""Passkeys: adding one (named), using it after the password, refusals in plain words and on
the audit trail, and removing one. The answers come from a passkey device in software
(soft_authenticator.py) and are checked by django-otp-webauthn itself."""

import html
import json

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp_webauthn.models import WebAuthnCredential

from scrutiny.models import AuditEvent
from tests.accounts.soft_authenticator import SoftAuthenticator, b64
from tests.db_unchanged import assert_db_unchanged
from tests.factories.accounts import UserFactory
from tests.second_factor import password_only_login

pytestmark = pytest.mark.django_db

ADD_OPTIONS = "/accounts/second-factor/methods/passkey/options/"
ADD_FINISH = "/accounts/second-factor/methods/passkey/finish/"
CHECK_OPTIONS = "/accounts/second-factor/check/passkey/options/"
CHECK_FINISH = "/accounts/second-factor/check/passkey/finish/"


def signed_in(user):
    """Signed in past the password only: the second factor still to pass (or add)."""
    return password_only_login(Client(), user)


def passed(user):
    """Signed in with the second factor passed too (tests/second_factor.py)."""
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
    return bool(client.session.get(DEVICE_ID_SESSION_KEY))


def test_registration_options_name_this_site_and_leave_out_passkeys_already_added():
    user = UserFactory(role="manager", email="sam@example.org")
    client = passed(user)
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
    assert response.json()["redirect"] == "/accounts/second-factor/methods/"
    passkey = WebAuthnCredential.objects.get(user=user)
    assert passkey.name == "Work phone"
    assert passkey.confirmed
    event = AuditEvent.objects.get(kind="factor_added")
    assert (event.actor, event.subject, event.detail) == (user, user, "passkey or security key: Work phone")
    # A first second factor counts as passed: the officer reaches the rest of the site.
    assert is_verified(client)
    assert client.get("/").status_code == 200


@pytest.mark.parametrize("name, words", [
    ("", "Give your passkey a name"),
    ("x" * 65, "Keep the name to 64 characters or fewer."),
    ("laptop", "You already have a passkey called “laptop”."),
])
def test_a_passkey_needs_a_name_of_its_own(name, words):
    user = UserFactory()
    client = passed(user)
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
    client = passed(UserFactory())

    with assert_db_unchanged():
        response = post_json(client, ADD_FINISH, SoftAuthenticator().create({"challenge": "abc"}))

    assert response.status_code == 400
    assert response.json()["detail"] == "This page was open too long, or was used in another tab. Try again."


def test_person_with_a_passkey_must_use_it_before_adding_another():
    user = UserFactory(role="manager")
    add_passkey(signed_in(user), SoftAuthenticator())
    client = signed_in(user)  # a new sign-in: password only

    page = client.post(ADD_OPTIONS, {"name": "Second"})
    from_script = client.post(ADD_OPTIONS, {"name": "Second"}, HTTP_ACCEPT="application/json")

    assert page.headers["Location"] == "/accounts/second-factor/check/"
    assert from_script.status_code == 403
    assert from_script.json()["error"] == "Check it's you with your second factor first."
    assert "otp_webauthn_register_state" not in client.session


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
    assert client.get("/").status_code == 200
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
    event = AuditEvent.objects.get(kind="factor_code_refused")
    assert (event.actor, event.subject) == (user, user)
    assert event.detail == "passkey: invalid authentication response"
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
    assert AuditEvent.objects.filter(kind="factor_code_refused", subject=other).count() == 1


def test_signed_out_visitor_cannot_sign_in_with_a_passkey_alone():
    response = Client().post(CHECK_OPTIONS)

    assert response.status_code == 403
    assert response.json()["detail"] == "Sign in with your email and password first."


def remove_url(passkey):
    return f"/accounts/second-factor/methods/passkey/{passkey.pk}/remove/"


def test_passkeys_are_listed_by_name_on_the_methods_page_and_can_be_removed():
    tenant = UserFactory(role="tenant")
    client = signed_in(tenant)
    add_passkey(client, SoftAuthenticator(), "Old phone")
    passkey = WebAuthnCredential.objects.get(user=tenant)

    page = html.unescape(client.get("/accounts/second-factor/methods/").content.decode())
    assert "Passkey or security key" in page
    assert "Old phone" in page
    assert remove_url(passkey) in page
    response = client.post(remove_url(passkey), follow=True)

    assert "“Old phone” is removed." in html.unescape(response.content.decode())
    assert not WebAuthnCredential.objects.filter(pk=passkey.pk).exists()
    event = AuditEvent.objects.get(kind="factor_removed")
    assert (event.actor, event.detail) == (tenant, "passkey or security key: Old phone")


def test_staff_cannot_remove_their_only_second_factor():
    officer = UserFactory(role="officer")
    client = signed_in(officer)
    add_passkey(client, SoftAuthenticator(), "Only key")
    passkey = WebAuthnCredential.objects.get(user=officer)

    with assert_db_unchanged():
        response = client.post(remove_url(passkey), follow=True)

    assert "You need at least one way to check it's you." in html.unescape(response.content.decode())


def test_someone_elses_passkey_cannot_be_removed():
    owner = UserFactory()
    add_passkey(signed_in(owner), SoftAuthenticator())
    passkey = WebAuthnCredential.objects.get(user=owner)
    client = passed(UserFactory())

    with assert_db_unchanged():
        response = client.post(remove_url(passkey), follow=True)

    assert "That sign-in method was not found." in response.content.decode()


def test_step_page_offers_the_passkey_to_staff_past_the_password():
    manager = UserFactory(role="manager")
    add_passkey(signed_in(manager), SoftAuthenticator(), "Work phone")
    client = signed_in(manager)

    assert client.get("/").headers["Location"].startswith("/accounts/second-factor/check/")
    page = html.unescape(client.get("/accounts/second-factor/check/?next=/reviews/").content.decode())

    assert "Use your passkey or security key" in page
    assert "“Work phone”" in page
    assert 'data-finish="/accounts/second-factor/check/passkey/finish/?next=/reviews/"' in page


def test_passkey_check_is_refused_while_sign_in_is_locked_out(settings):
    settings.AXES_FAILURE_LIMIT = 2
    manager = UserFactory(role="manager")
    add_passkey(signed_in(manager), SoftAuthenticator())
    client = signed_in(manager)
    for _ in range(2):  # wrong passwords from elsewhere lock sign-in for this email address
        Client().post("/accounts/sign-in/", {"username": manager.email, "password": "wrong"})

    response = client.post(CHECK_OPTIONS)

    assert response.status_code == 429
    assert "paused for 15 minutes" in response.json()["detail"]
    assert "otp_webauthn_authentication_state" not in client.session


def test_an_administrators_reset_removes_passkeys_too():
    manager, admin = UserFactory(role="manager"), UserFactory(role="admin")
    add_passkey(signed_in(manager), SoftAuthenticator())

    passed(admin).post(f"/accounts/people/{manager.pk}/second-factor/reset/")

    assert not WebAuthnCredential.objects.filter(user=manager).exists()
    assert password_only_login(Client(), manager).get("/").headers["Location"].startswith(
        "/accounts/second-factor/methods/")


def test_a_first_passkey_signs_out_sessions_that_had_the_password_alone():
    tenant = UserFactory(role="tenant")
    library_computer = signed_in(tenant)
    assert library_computer.get("/").status_code == 200
    phone = signed_in(tenant)

    add_passkey(phone, SoftAuthenticator())

    assert phone.get("/").status_code == 200
    assert library_computer.get("/").url.startswith("/accounts/sign-in/")
    event = AuditEvent.objects.get(kind="sessions_ended")
    assert event.detail == "1 session, after turning on a second factor"


def _queries_to_use_a_passkey(count):
    """Queries made by the step page, the options and the check, for a person with `count` passkeys."""
    user = UserFactory(role="manager")
    devices = [SoftAuthenticator() for _ in range(count)]
    setup = passed(user)
    for number, device in enumerate(devices):
        add_passkey(setup, device, f"Key {number}")
    client = signed_in(user)
    with CaptureQueriesContext(connection) as step:
        client.get("/accounts/second-factor/check/")
    with CaptureQueriesContext(connection) as asking:
        options = client.post(CHECK_OPTIONS).json()
    with CaptureQueriesContext(connection) as checking:
        post_json(client, CHECK_FINISH, devices[-1].get(options))
    assert is_verified(client)
    return len(step), len(asking), len(checking)


def test_using_a_passkey_costs_the_same_queries_for_one_passkey_or_five():
    assert _queries_to_use_a_passkey(1) == _queries_to_use_a_passkey(5)
