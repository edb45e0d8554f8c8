"""Passwords are stored with Argon2id at OWASP's parameters; one stored with PBKDF2 before still
signs in and is stored afresh with Argon2id."""

import pytest
from argon2 import extract_parameters
from argon2.low_level import Type
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.urls import reverse

import scrutiny.settings
from accounts.models import User
from tests.factories.accounts import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _project_hashers(settings):
    """The project's own hashers rather than the tests' fast one."""
    settings.PASSWORD_HASHERS = scrutiny.settings.PASSWORD_HASHERS


def test_new_password_is_stored_as_argon2id_with_owasp_parameters():
    user = User.objects.create_user(email="jo@example.org", display_name="Jo", password="a-long-password-1")
    algorithm, stored = user.password.split("$", 1)
    parameters = extract_parameters("$" + stored)
    assert algorithm == "argon2"
    assert parameters.type == Type.ID
    assert (parameters.memory_cost, parameters.time_cost, parameters.parallelism) == (19 * 1024, 2, 1)
    assert user.check_password("a-long-password-1")


def test_password_stored_with_pbkdf2_signs_in_and_is_stored_with_argon2id(client):
    # Few iterations keep the test quick; the hash is checked with those it names.
    old = PBKDF2PasswordHasher().encode(PASSWORD, "oldsalt1234", iterations=1000)
    user = UserFactory(email="jo@example.org")
    User.objects.filter(pk=user.pk).update(password=old)
    response = client.post(reverse("accounts:login"), {"username": "jo@example.org", "password": PASSWORD})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
    assert user.check_password(PASSWORD)
