"""A new password ends the person's other sessions, second factor or not, and the browser that
changed it stays past the second factor."""

import pytest

from tests.accounts.second_factor.helpers import STEP, app_of, enter_app_code, sign_in_with_password
from tests.factories.accounts import PASSWORD, UserFactory
from tests.second_factor import unused_code

pytestmark = pytest.mark.django_db


def _signed_in_with_a_code(user, device):
    client = sign_in_with_password(user)
    assert enter_app_code(client, unused_code(device)).status_code == 302
    return client


def test_a_new_password_ends_other_sessions_and_keeps_this_one_past_the_step():
    officer = UserFactory(role="officer")
    device = app_of(officer)
    laptop, phone = _signed_in_with_a_code(officer, device), _signed_in_with_a_code(officer, device)

    _change_password(laptop)

    assert laptop.get("/").status_code == 200
    assert phone.get("/").url.startswith("/accounts/sign-in/")


def test_a_session_stopped_at_the_step_is_ended_by_a_new_password_too():
    officer = UserFactory(role="officer")
    device = app_of(officer)
    laptop = _signed_in_with_a_code(officer, device)
    stranger = sign_in_with_password(officer)  # knows the password, not the code
    assert stranger.get("/").url.startswith(STEP)

    _change_password(laptop)

    assert stranger.get(STEP).url.startswith("/accounts/sign-in/")


def _change_password(client):
    new = "amber hill station"
    client.post("/accounts/profile/password/",
                {"old_password": PASSWORD, "new_password1": new, "new_password2": new})
