"""Shared steps of the second factor's tests: signing in with the password, adding an app."""

from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories.accounts import PASSWORD
from tests.second_factor import code_for

STEP = "/accounts/second-factor/check/"
METHODS = "/accounts/second-factor/methods/"
ADD_APP = "/accounts/second-factor/methods/authenticator/"


def sign_in_with_password(user, client=None):
    client = client or Client()
    response = client.post("/accounts/sign-in/", {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.content[:500]
    return client


def app_of(user, name="Phone"):
    return TOTPDevice.objects.create(user=user, name=name)


def enter_app_code(client, code):
    return client.post(STEP + "authenticator/", {"code": code})


def add_app_through_the_page(client, name="My phone"):
    """Open the add page (a new key in the session), then type the code the key makes now."""
    client.get(ADD_APP)
    key = client.session["_second_factor_new_key"]
    return client.post(ADD_APP, {"name": name, "code": code_for(TOTPDevice(key=key))})
