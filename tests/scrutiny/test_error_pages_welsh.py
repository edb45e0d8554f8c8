"""Error pages under /cy/ are in Welsh."""

import pytest
from django.db.utils import OperationalError
from django.test import RequestFactory
from django.utils import translation

from scrutiny.views import server_error
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


def test_the_404_page_under_cy_is_in_welsh(client):
    response = client.get("/cy/no-such-page/")
    page = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="cy">' in page
    assert "Heb ddod o hyd i'r dudalen" in page
    assert 'href="/cy/"' in page


def test_the_403_page_under_cy_is_in_welsh(client):
    client.force_login(UserFactory(role="tenant"))
    response = client.get("/cy/administration/")
    page = response.content.decode()
    assert response.status_code == 403
    assert '<html lang="cy">' in page
    assert "Does dim modd i chi weld y dudalen hon" in page
    assert "Dim ond gweinyddwyr sy&#x27;n gallu gwneud hynny." in page


def _server_error_in(language, exc):
    request = RequestFactory().get("/cy/")
    with translation.override(language):
        try:
            raise exc
        except Exception:
            return server_error(request)


def test_the_500_and_503_pages_in_welsh():
    page = _server_error_in("cy", RuntimeError("boom")).content.decode()
    assert '<html lang="cy">' in page
    assert "mae problem gyda'r gwasanaeth" in page
    assert 'href="/cy/"' in page
    response = _server_error_in("cy", OperationalError("down"))
    assert response.status_code == 503
    assert '<html lang="cy">' in response.content.decode()
    assert "cronfa ddata" in response.content.decode()


def test_the_500_page_in_english_is_unchanged():
    page = _server_error_in("en-gb", RuntimeError("boom")).content.decode()
    assert '<html lang="en-GB">' in page
    assert "Sorry, there is a problem with the service" in page
