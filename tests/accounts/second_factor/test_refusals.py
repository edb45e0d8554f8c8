"""Codes refused: wrong ones count towards the sign-in lockout and are slowed down by django-otp,
a TOTP code works once, a recovery code works once; each refusal goes on the audit trail."""

import pytest
import time_machine
from axes.models import AccessAttempt
from django.utils import timezone

from scrutiny.models import AuditEvent, AuditKind
from tests.accounts.second_factor.helpers import STEP, app_of, enter_app_code, sign_in_with_password
from tests.factories.accounts import UserFactory
from tests.second_factor import code_for

pytestmark = pytest.mark.django_db


def test_a_wrong_code_is_refused_counted_as_a_failed_sign_in_and_noted():
    officer = UserFactory(role="officer")
    app_of(officer)
    client = sign_in_with_password(officer)

    page = enter_app_code(client, "000000").content.decode()

    assert "That code is not right" in page
    assert client.get("/").url.startswith(STEP)
    assert AccessAttempt.objects.get(username=officer.email).failures_since_start == 1
    event = AuditEvent.objects.get(kind=AuditKind.FACTOR_CODE_REFUSED)
    assert (event.subject, event.detail) == (officer, "authenticator app code")


def test_a_code_that_is_not_six_digits_says_so_and_counts_nothing():
    officer = UserFactory(role="officer")
    app_of(officer)
    client = sign_in_with_password(officer)

    page = enter_app_code(client, "12345").content.decode()

    assert "A code is 6 digits" in page
    assert not AccessAttempt.objects.exists()


def test_enough_wrong_codes_lock_sign_in_like_wrong_passwords(settings):
    settings.AXES_FAILURE_LIMIT = 3
    officer = UserFactory(role="officer")
    device = app_of(officer)
    client = sign_in_with_password(officer)
    start = timezone.now()

    for minute in range(3):  # a minute apart: past django-otp's own slowing down
        with time_machine.travel(start + timezone.timedelta(minutes=minute), tick=False):
            response = enter_app_code(client, "000000")

    assert response.status_code == 429 and "Too many attempts" in response.content.decode()
    assert client.get("/").url.startswith("/accounts/sign-in/")  # signed out
    locked = client.post("/accounts/sign-in/", {"username": officer.email, "password": "x"})
    assert locked.status_code == 429
    assert code_for(device)  # the right code would not help now either


def test_django_otp_slows_down_codes_tried_too_quickly():
    officer = UserFactory(role="officer")
    device = app_of(officer)
    client = sign_in_with_password(officer)
    enter_app_code(client, "000000")

    page = enter_app_code(client, code_for(device)).content.decode()  # at once: the right code

    assert "Too many wrong codes have been tried" in page
    assert client.get("/").url.startswith(STEP)


def test_a_code_from_the_app_works_only_once():
    officer = UserFactory(role="officer")
    device = app_of(officer)
    code = code_for(device)
    assert enter_app_code(sign_in_with_password(officer), code).status_code == 302

    again = sign_in_with_password(officer)
    page = enter_app_code(again, code).content.decode()

    assert "That code is not right" in page
    assert again.get("/").url.startswith(STEP)


def test_a_recovery_code_works_once_with_spaces_and_capitals(client):
    from accounts.second_factor import services

    tenant = UserFactory(role="tenant")
    app_of(tenant)
    code = services.make_recovery_codes(user=tenant)[0]
    typed = f"{code[:4].upper()} {code[4:]}"
    first = sign_in_with_password(tenant)
    assert first.post(STEP + "recovery/", {"code": typed}).status_code == 302
    assert first.get("/").status_code == 200

    second = sign_in_with_password(tenant)
    page = second.post(STEP + "recovery/", {"code": typed}).content.decode()

    assert "That code is not right" in page
    assert AuditEvent.objects.get(kind=AuditKind.FACTOR_CODE_REFUSED).detail == "recovery code"


def test_a_right_password_does_not_wipe_the_wrong_codes_counted_before_it(settings):
    settings.AXES_FAILURE_LIMIT = 3
    officer = UserFactory(role="officer")
    app_of(officer)
    start = timezone.now()

    for minute in range(3):  # the password each time, then a wrong code, a minute apart
        with time_machine.travel(start + timezone.timedelta(minutes=minute), tick=False):
            client = sign_in_with_password(officer)
            response = enter_app_code(client, "000000")

    assert response.status_code == 429 and "Too many attempts" in response.content.decode()
    assert AccessAttempt.objects.get(username=officer.email).failures_since_start == 3


def test_failed_tries_are_forgotten_once_the_code_is_right():
    officer = UserFactory(role="officer")
    device = app_of(officer)
    client = sign_in_with_password(officer)
    enter_app_code(client, "000000")
    assert AccessAttempt.objects.filter(username=officer.email).exists()

    with time_machine.travel(timezone.now() + timezone.timedelta(minutes=1), tick=False):
        response = enter_app_code(client, code_for(device))

    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username=officer.email).exists()


def test_a_tenant_without_a_second_factor_has_failed_passwords_forgotten_at_sign_in(client):
    tenant = UserFactory(role="tenant")
    client.post("/accounts/sign-in/", {"username": tenant.email, "password": "wrong"})
    assert AccessAttempt.objects.filter(username=tenant.email).exists()

    sign_in_with_password(tenant, client)

    assert not AccessAttempt.objects.filter(username=tenant.email).exists()
