"""Removing a method: anyone may remove their own; staff keep at least one."""

import pytest
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.second_factor import services
from scrutiny.models import AuditEvent, AuditKind
from tests.accounts.second_factor.helpers import app_of
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


def _remove(client, device):
    return client.post(f"/accounts/second-factor/methods/authenticator/{device.pk}/remove/", follow=True)


def test_staff_cannot_remove_their_last_app(client):
    officer = UserFactory(role="officer")
    device = app_of(officer)
    client.force_login(officer)

    page = _remove(client, device).content.decode()

    assert "You need at least one way to check it&#x27;s you" in page
    assert TOTPDevice.objects.filter(pk=device.pk).exists()


def test_staff_with_two_apps_may_remove_one_and_it_is_noted(client):
    officer = UserFactory(role="officer")
    old, new = app_of(officer, "Old phone"), app_of(officer, "New phone")
    client.force_login(officer)

    page = _remove(client, old).content.decode()

    assert "“Old phone” is removed." in page
    assert list(TOTPDevice.objects.filter(user=officer)) == [new]
    assert AuditEvent.objects.get(kind=AuditKind.FACTOR_REMOVED).detail == "authenticator app: Old phone"


def test_a_tenant_may_turn_it_off_and_their_recovery_codes_go_too(client):
    tenant = UserFactory(role="tenant")
    device = app_of(tenant)
    services.make_recovery_codes(user=tenant)
    client.force_login(tenant)

    _remove(client, device)

    assert not TOTPDevice.objects.filter(user=tenant).exists()
    assert not StaticDevice.objects.filter(user=tenant).exists()


def test_nobody_removes_someone_elses_app(client):
    device = app_of(UserFactory(role="tenant"))
    client.force_login(UserFactory(role="tenant"))

    page = _remove(client, device).content.decode()

    assert "That sign-in method was not found" in page
    assert TOTPDevice.objects.filter(pk=device.pk).exists()
