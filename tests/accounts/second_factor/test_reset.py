"""Losing a phone: an administrator resets another person's second factor from their page (never
their own); the person is signed out and emailed; a command does the same for the last admin."""

import pytest
from django.core import mail
from django.core.management import call_command
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.second_factor import services
from scrutiny.models import AuditEvent, AuditKind, UserSession
from tests.accounts.second_factor.helpers import METHODS, app_of, sign_in_with_password
from tests.factories.accounts import UserFactory
from tests.second_factor import mark_passed

pytestmark = pytest.mark.django_db


def _reset(client, person):
    return client.post(f"/accounts/people/{person.pk}/second-factor/reset/", follow=True)


def test_an_administrator_resets_someones_second_factor(client, django_capture_on_commit_callbacks):
    officer = UserFactory(role="officer", display_name="Daniel Okafor")
    app_of(officer)
    services.make_recovery_codes(user=officer)
    phone = sign_in_with_password(officer)
    mark_passed(phone.cookies["sessionid"].value)
    admin = UserFactory(role="admin", display_name="Sam Patel")
    client.force_login(admin)
    person_page = client.get(f"/accounts/people/{officer.pk}/").content.decode()
    assert "Reset Daniel Okafor's second factor" in person_page

    with django_capture_on_commit_callbacks(execute=True):
        page = _reset(client, officer).content.decode()

    assert "Daniel Okafor&#x27;s second factor is reset." in page
    assert not TOTPDevice.objects.filter(user=officer).exists()
    assert not StaticDevice.objects.filter(user=officer).exists()
    assert not UserSession.objects.filter(user=officer).exists()
    assert phone.get("/").url.startswith("/accounts/sign-in/")
    event = AuditEvent.objects.get(kind=AuditKind.FACTOR_RESET)
    assert (event.actor, event.subject, event.detail) == (admin, officer, "2 methods removed")
    assert [m.to for m in mail.outbox] == [[officer.email]]
    assert "An administrator, Sam Patel, has reset the second factor" in mail.outbox[0].body
    # At the next sign-in, the officer adds a new one before anything else.
    assert sign_in_with_password(officer).get("/").url.startswith(METHODS)


def test_an_administrator_cannot_reset_their_own(client):
    admin = UserFactory(role="admin")
    device = app_of(admin)
    client.force_login(admin)

    page = _reset(client, admin).content.decode()

    assert "You cannot reset your own second factor. Ask another administrator." in page
    assert TOTPDevice.objects.filter(pk=device.pk).exists()


def test_only_administrators_reset(client):
    officer = UserFactory(role="officer")
    device = app_of(officer)
    client.force_login(UserFactory(role="manager"))

    assert _reset(client, officer).status_code == 403
    assert TOTPDevice.objects.filter(pk=device.pk).exists()


def test_the_command_resets_the_last_administrator(capsys, django_capture_on_commit_callbacks):
    admin = UserFactory(role="admin", email="last.admin@example.org")
    app_of(admin)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("reset_second_factor", "Last.Admin@example.org")

    assert "Reset: 1 method of" in capsys.readouterr().out
    assert not TOTPDevice.objects.filter(user=admin).exists()
    event = AuditEvent.objects.get(kind=AuditKind.FACTOR_RESET)
    assert (event.actor, event.subject) == (None, admin)
    assert "using the server's command line" in mail.outbox[0].body


def test_the_code_command_prints_what_the_app_shows(capsys):
    from tests.second_factor import code_for

    officer = UserFactory(role="officer", email="officer.code@example.org")
    device = app_of(officer, "Demo authenticator")

    call_command("second_factor_code", "officer.code@example.org")

    assert capsys.readouterr().out.strip() in {f"Demo authenticator: {code_for(device, steps_ahead=s)}"
                                                for s in (0, -1)}
