"""Signing out ends the session and tells the browser to delete what the site kept on the
device (the offline visit form, answers not sent yet); the page it lands on says so."""

import pytest

from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


def test_sign_out_clears_the_sites_data_on_the_device_and_says_so(client):
    client.force_login(UserFactory(role="tenant"))
    response = client.post("/accounts/sign-out/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/sign-in/?signed-out=1"
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    assert "_auth_user_id" not in client.session
    page = client.get(response["Location"]).content.decode()
    assert "You have signed out." in page and "data-signed-out" in page


def test_the_sign_in_page_clears_nothing_unless_someone_just_signed_out(client):
    # An expired session also lands here: answers waiting on the phone must survive that.
    assert "data-signed-out" not in client.get("/accounts/sign-in/").content.decode()
    assert "data-signed-out" not in client.get("/accounts/sign-in/?next=/").content.decode()
