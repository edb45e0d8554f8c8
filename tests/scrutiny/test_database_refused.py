"""PostgreSQL refusing a connection ("too many clients") gets the same plain 503 as a database
that is down, on every kind of page; the refusal is real: a role the server lets make no
connections at all, which fails the same way (SQLSTATE 53300) as a server that is full."""

import uuid

import pytest
from django.db import connection
from django.test import Client

from tests.conftest import need_service
from tests.factories.accounts import UserFactory
from tests.factories.panels import MembershipFactory, PanelFactory
from tests.factories.reviews import ReviewFactory

PLAIN_503 = "We cannot reach our database right now. Nothing you saved has been lost."


@pytest.fixture
def refusing_database():
    """Switch this process's connection to a role PostgreSQL refuses; put it back afterwards."""
    need_service(connection.vendor == "postgresql", "needs PostgreSQL: set DATABASE_URL")
    role = f"refused_{uuid.uuid4().hex[:12]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE ROLE "{role}" LOGIN CONNECTION LIMIT 0')  # a name of our making
    own_user = connection.settings_dict["USER"]

    def refuse():
        connection.close()
        connection.settings_dict["USER"] = role

    yield refuse
    connection.close()
    connection.settings_dict["USER"] = own_user
    with connection.cursor() as cursor:
        cursor.execute(f'DROP ROLE "{role}"')


@pytest.mark.django_db(transaction=True)
def test_pages_answer_a_plain_503_when_postgresql_refuses_connections(refusing_database, settings):
    settings.DEBUG = False
    panel = PanelFactory()
    member = UserFactory(role="tenant")
    MembershipFactory(panel=panel, user=member)
    review = ReviewFactory(panel=panel)
    client = Client(raise_request_exception=False)
    client.force_login(member)
    assert client.get(f"/reviews/{review.pk}/").status_code == 200

    refusing_database()
    paths = ("/", f"/reviews/{review.pk}/", "/accounts/sign-in/", "/reviews/999999/", "/administration/",
             "/reports/", "/accessibility/", "/no-such-page/", "/mystery-shopping/register/")
    pages = {path: client.get(path) for path in paths}
    pages["post"] = client.post(f"/reviews/{review.pk}/findings/add/", {"statement": "Calls go unanswered"})
    pages["sign-in"] = Client(raise_request_exception=False).post(
        "/accounts/sign-in/", {"username": member.email, "password": "wrong"},
    )

    for path, response in pages.items():
        assert response.status_code == 503, (path, response.content[:300])
        assert PLAIN_503 in response.content.decode(), path
        assert response["Retry-After"] == "30"
