"""The link on every page to the same page in the other language, and the chooser behind it."""

import pytest
from django.conf import settings

from scrutiny.models import SiteSettings
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


def test_an_english_page_signed_out_links_to_the_same_page_in_welsh_with_its_query(client):
    page = client.get("/accessibility?x=1").content.decode()
    assert '<html lang="en-GB">' in page
    assert ('<a class="language-link text-white small d-inline-block py-2" '
            'href="/language/cy/?next=/accessibility%3Fx%3D1" lang="cy" hreflang="cy">Cymraeg</a>') in page
    assert '<link rel="alternate" hreflang="en-GB" href="http://testserver/accessibility?x=1">' in page
    assert '<link rel="alternate" hreflang="cy" href="http://testserver/cy/accessibility?x=1">' in page


def test_a_welsh_page_signed_in_is_in_welsh_and_links_back_to_english(client):
    client.force_login(UserFactory(role="officer", display_name="Siân Swyddog"))
    page = client.get("/cy/").content.decode()
    assert '<html lang="cy">' in page
    assert "Neidio i'r prif gynnwys" in page
    assert "Rydych chi wedi mewngofnodi fel" in page
    assert 'href="/language/en-gb/?next=/cy/" lang="en-GB" hreflang="en-GB">English</a>' in page
    assert 'href="/cy/accessibility">Datganiad hygyrchedd</a>' in page


def test_choosing_welsh_sets_the_cookie_and_opens_the_same_page_in_welsh(client):
    response = client.get("/language/cy/", {"next": "/accessibility?x=1"})
    assert response.status_code == 302
    assert response["Location"] == "/cy/accessibility?x=1"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "cy"


def test_choosing_english_sets_the_cookie_and_the_english_page_then_stays_english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"
    response = client.get("/language/en-gb/", {"next": "/cy/accessibility"})
    assert response["Location"] == "/accessibility"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en-gb"
    page = client.get("/accessibility", HTTP_ACCEPT="text/html")
    assert page.status_code == 200
    assert '<html lang="en-GB">' in page.content.decode()


@pytest.mark.parametrize("bad", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)", ""])
def test_a_next_address_off_the_site_goes_home_in_the_chosen_language(client, bad):
    response = client.get("/language/cy/", {"next": bad})
    assert response["Location"] == "/cy/"


def test_an_unknown_language_is_english(client):
    response = client.get("/language/fr/", {"next": "/cy/accessibility"})
    assert response["Location"] == "/accessibility"


def test_with_welsh_off_there_is_no_link_and_welsh_cannot_be_chosen(client):
    site = SiteSettings.load()
    site.welsh = False
    site.save()
    page = client.get("/accessibility").content.decode()
    assert "Cymraeg" not in page
    assert 'hreflang="cy"' not in page
    assert client.get("/language/cy/", {"next": "/accessibility"})["Location"] == "/accessibility"


def test_the_link_is_on_error_pages_too(client):
    page = client.get("/no-such-page/").content.decode()
    assert 'href="/language/cy/?next=/no-such-page/"' in page


def test_the_accessibility_statement_says_pages_are_in_both_languages_only_when_they_are(client):
    assert "darllen pob tudalen yn Gymraeg neu yn Saesneg" in client.get("/cy/accessibility").content.decode()
    assert "read every page in Welsh or in English" in client.get("/accessibility").content.decode()
    site = SiteSettings.load()
    site.welsh = False
    site.save()
    assert "read every page in Welsh" not in client.get("/accessibility").content.decode()


def test_the_chooser_on_a_welsh_page_after_an_english_one_links_to_english(client):
    # The chooser's address is worked out once per language (templatetags/languages.py).
    client.force_login(UserFactory(role="tenant"))
    english = client.get("/accessibility").content.decode()
    welsh = client.get("/cy/accessibility").content.decode()
    assert 'href="/language/cy/?next=/accessibility" lang="cy" hreflang="cy">Cymraeg</a>' in english
    assert 'href="/language/en-gb/?next=/cy/accessibility" lang="en-GB" hreflang="en-GB">English</a>' in welsh
    assert '<li><a href="/recommendations/you-said-we-did/">You said, we did</a></li>' in english
    assert '<li><a href="/cy/recommendations/you-said-we-did/">' in welsh
