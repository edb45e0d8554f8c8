"""Another kind of method (passkeys) adds itself with one registration: its part of the step
page, and the paths of its own steps, open before the second factor only as far as they must be."""

import pytest

from accounts.second_factor import methods
from tests.accounts.second_factor.helpers import app_of
from tests.factories.accounts import UserFactory
from tests.second_factor import password_only_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def key_kind(monkeypatch):
    monkeypatch.setattr(methods, "_KINDS", list(methods._KINDS))
    methods.register(methods.MethodKind(
        key="key", name="Security key", devices=lambda user: [user] if user.role == "manager" else [],
        step_template="accounts/second_factor/_step_recovery.html",
        step_paths=("/accessibility",), adding_paths=("/comparisons/",),
    ))


def test_its_step_paths_are_open_at_the_step_and_its_adding_paths_are_not(client, key_kind):
    password_only_login(client, app_of(UserFactory(role="officer")).user)

    assert client.get("/accessibility").status_code == 200
    assert client.get("/comparisons/").url.startswith("/accounts/second-factor/check/")
    assert client.get("/accounts/second-factor/methods/").url.startswith("/accounts/second-factor/check/")


def test_its_adding_paths_are_open_to_staff_adding_their_first_method(client, key_kind):
    password_only_login(client, UserFactory(role="officer"))

    assert client.get("/comparisons/").status_code == 404  # let through to the site, which has no page


def test_its_part_shows_on_the_step_page_for_people_who_hold_one(client, key_kind):
    password_only_login(client, UserFactory(role="manager"))

    page = client.get("/accounts/second-factor/check/").content.decode()

    assert "Use a recovery code" in page  # the template this test kind borrowed
    assert "Use your authenticator app" not in page
