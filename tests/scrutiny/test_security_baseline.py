"""The security baseline: oversized uploads refused before the body is read, and nothing a
signed-in person sees kept by a shared or browser cache."""

import pytest
from django.test.client import FakePayload
from django.urls import reverse

from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


class UnreadableBody(FakePayload):
    """A body that fails the test if anything tries to read it."""

    def read(self, *args, **kwargs):
        raise AssertionError("the body was read")


def test_an_upload_declared_larger_than_the_limit_is_refused_before_its_body_is_read(client, settings):
    client.force_login(UserFactory(role="admin"))
    declared = 300 * 1024 * 1024

    response = client.generic(
        "POST", reverse("accounts:profile"), b"", content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(declared), **{"wsgi.input": UnreadableBody(b"")},
    )

    assert response.status_code == 413
    text = response.content.decode()
    assert "<h1>The file is too large</h1>" in text
    assert "The largest file you can upload is 20.0\xa0MB. Nothing was saved." in text


def test_a_body_within_the_limit_goes_through(client, settings):
    user = UserFactory(role="tenant", display_name="Ann Reid")
    client.force_login(user)

    response = client.get(reverse("home"), CONTENT_LENGTH=str(settings.UPLOAD_MAX_BYTES))

    assert response.status_code == 200


@pytest.mark.parametrize("name", ["home", "accounts:profile", "accounts:personal-data"])
def test_signed_in_pages_and_personal_data_are_never_cached(client, name):
    client.force_login(UserFactory(role="tenant"))

    response = client.get(reverse(name))

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_public_pages_for_people_not_signed_in_carry_no_such_header(client):
    response = client.get(reverse("accessibility"))

    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


def test_a_resource_made_public_on_purpose_keeps_its_caching(client):
    client.force_login(UserFactory(role="tenant"))

    response = client.get("/favicon.ico")

    assert "public" in response["Cache-Control"] and "no-store" not in response["Cache-Control"]
