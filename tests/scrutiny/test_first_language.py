"""Which language a visitor sees: the address's, sent to the one they chose (the language cookie)
or, before they choose, the site's first language; with Welsh off, English only."""

import pytest
from django.conf import settings

from scrutiny.models import SiteSettings

pytestmark = pytest.mark.django_db
HTML = {"HTTP_ACCEPT": "text/html,application/xhtml+xml"}


def _site(**values):
    site = SiteSettings.load()
    for name, value in values.items():
        setattr(site, name, value)
    site.save()


def test_a_new_visitor_sees_english_first_by_default(client):
    assert client.get("/accessibility", **HTML).status_code == 200


def test_a_new_visitor_is_sent_to_welsh_when_it_is_the_sites_first_language(client):
    _site(first_language="cy")
    response = client.get("/accessibility?x=1", **HTML)
    assert response.status_code == 302
    assert response["Location"] == "/cy/accessibility?x=1"


def test_a_visitor_who_chose_english_stays_english_whatever_the_first_language(client):
    _site(first_language="cy")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en-gb"
    assert client.get("/accessibility", **HTML).status_code == 200


def test_a_visitor_who_chose_welsh_is_sent_to_the_welsh_page(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"
    response = client.get("/accessibility", **HTML)
    assert response["Location"] == "/cy/accessibility"


@pytest.mark.parametrize("headers", [
    {"HTTP_ACCEPT": "application/json"},
    {"HTTP_ACCEPT": "text/html", "HTTP_HX_REQUEST": "true"},
    {"HTTP_ACCEPT": "*/*"},
])
def test_htmx_json_and_scripts_are_answered_where_they_asked(client, headers):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"
    assert client.get("/accessibility", **headers).status_code == 200


def test_a_form_sent_to_an_english_address_is_not_redirected(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"
    response = client.post("/accessibility", **HTML)
    assert response.status_code != 302


def test_addresses_outside_the_pages_are_left_alone(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"
    assert client.get("/healthz/live", **HTML).status_code == 200


def test_with_welsh_off_a_welsh_address_goes_to_the_english_page(client):
    _site(welsh=False, first_language="cy")
    response = client.get("/cy/accessibility?x=1", **HTML)
    assert response.status_code == 302
    assert response["Location"] == "/accessibility?x=1"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"
    assert client.get("/accessibility", **HTML).status_code == 200
