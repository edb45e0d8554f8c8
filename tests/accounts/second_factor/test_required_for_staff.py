"""Staff must add a second factor at their next sign-in; tenants choose; anyone holding one
passes the step before anything else."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from scrutiny.models import AuditEvent, AuditKind
from tests.accounts.second_factor.helpers import (
    ADD_APP,
    METHODS,
    STEP,
    add_app_through_the_page,
    app_of,
    enter_app_code,
    sign_in_with_password,
)
from tests.factories.accounts import UserFactory
from tests.second_factor import code_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["officer", "manager", "admin"])
def test_staff_with_no_method_are_sent_to_add_one_and_reach_nothing_else(role):
    client = sign_in_with_password(UserFactory(role=role))

    assert client.get("/").url == f"{METHODS}?next=%2F"
    assert client.get("/admin/").status_code == 302
    assert client.get("/accounts/profile/my-data.json", HTTP_ACCEPT="application/json").status_code == 403
    page = client.get(METHODS)
    assert "Add one now to carry on" in page.content.decode()
    assert client.get(ADD_APP).status_code == 200


def test_adding_an_app_lets_staff_in_and_goes_on_the_audit_trail():
    officer = UserFactory(role="officer")
    client = sign_in_with_password(officer)

    response = add_app_through_the_page(client, name="Work phone")

    assert response.url == METHODS
    assert client.get("/").status_code == 200
    device = TOTPDevice.objects.get(user=officer)
    assert (device.name, device.confirmed) == ("Work phone", True)
    event = AuditEvent.objects.get(kind=AuditKind.FACTOR_ADDED)
    assert (event.subject, event.detail) == (officer, "authenticator app: Work phone")


def test_a_wrong_code_when_adding_saves_nothing_and_keeps_the_name():
    client = sign_in_with_password(UserFactory(role="manager"))
    client.get(ADD_APP)

    page = client.post(ADD_APP, {"name": "My phone", "code": "000 000"}).content.decode()

    assert "That code does not match" in page and 'value="My phone"' in page
    assert not TOTPDevice.objects.exists()


def test_a_code_typed_with_spaces_is_accepted_at_the_step():
    manager = UserFactory(role="manager")
    device = app_of(manager)
    client = sign_in_with_password(manager)
    assert client.get("/reviews/").url == f"{STEP}?next=%2Freviews%2F"

    code = code_for(device)
    response = client.post(STEP + "authenticator/", {"code": f"{code[:3]} {code[3:]}", "next": "/reviews/"})

    assert response.url == "/reviews/"
    assert client.get("/").status_code == 200


def test_the_step_refuses_json_and_htmx_with_403():
    officer = UserFactory(role="officer")
    app_of(officer)
    client = sign_in_with_password(officer)

    assert client.get("/", HTTP_HX_REQUEST="true").status_code == 403
    response = client.get("/accounts/profile/my-data.json", HTTP_ACCEPT="application/json")
    assert response.status_code == 403 and response.json()["url"] == STEP


def test_a_tenant_without_a_method_signs_in_with_the_password_alone():
    client = sign_in_with_password(UserFactory(role="tenant"))

    assert client.get("/").status_code == 200


def test_a_tenant_who_turned_it_on_must_pass_the_step():
    tenant = UserFactory(role="tenant")
    first = sign_in_with_password(tenant)
    add_app_through_the_page(first)

    later = sign_in_with_password(tenant)

    assert later.get("/").url.startswith(STEP)
    assert enter_app_code(later, code_for(tenant.totpdevice_set.get(), steps_ahead=1)).status_code == 302
    assert later.get("/").status_code == 200


def test_the_step_page_offers_each_method_the_person_holds():
    officer = UserFactory(role="officer")
    app_of(officer, name="Work phone")
    client = sign_in_with_password(officer)

    page = client.get(STEP).content.decode()

    assert "<h1>Check it's you</h1>" in page and "Work phone" in page
    assert 'autocomplete="one-time-code"' in page and 'inputmode="numeric"' in page
    assert "Use a recovery code" not in page  # none made yet


def test_turning_it_on_signs_out_sessions_that_had_the_password_alone():
    tenant = UserFactory(role="tenant")
    library_computer = sign_in_with_password(tenant)
    assert library_computer.get("/").status_code == 200
    phone = sign_in_with_password(tenant)

    add_app_through_the_page(phone)

    assert phone.get("/").status_code == 200
    assert library_computer.get("/").url.startswith("/accounts/sign-in/")
    event = AuditEvent.objects.get(kind=AuditKind.SESSIONS_ENDED)
    assert event.detail == "1 session, after turning on a second factor"
