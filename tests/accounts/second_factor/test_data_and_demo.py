"""The second factor in "download my data", in erasing a person, and in the demo data."""

from base64 import b32decode
from pathlib import Path

import pytest
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import User
from accounts.services import erase_person
from tests.accounts.second_factor.helpers import app_of
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


def test_my_data_lists_my_methods_by_name_without_their_secrets(client):
    tenant = UserFactory(role="tenant")
    device = app_of(tenant, "Kitchen tablet")
    client.force_login(tenant)

    data = client.get("/accounts/profile/my-data.json").json()

    methods = [(m["kind"], m["name"]) for m in data["second factor"]]
    assert methods == [("Authenticator app", "Kitchen tablet")]
    assert device.key not in client.get("/accounts/profile/my-data.json").content.decode()


def test_erasing_a_person_removes_their_methods():
    tenant = UserFactory(role="tenant")
    app_of(tenant)

    erase_person(user=tenant)

    assert not TOTPDevice.objects.filter(user=tenant).exists()


def test_demo_staff_have_the_readme_key_and_the_tenant_none():
    call_command("seed_demo")

    key = b32decode("SCRUTINYDEMOKEY2").hex()
    for email in ("officer@example.org", "manager@example.org", "admin@example.org"):
        assert TOTPDevice.objects.get(user__email=email).key == key
    assert not TOTPDevice.objects.filter(user=User.objects.get(email="tenant@example.org")).exists()
    readme = Path("README.md").read_text()
    assert "**`SCRUTINY DEMO KEY2`**" in readme
