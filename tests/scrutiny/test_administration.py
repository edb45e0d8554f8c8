"""The Administration pages: site settings and the hub administrators reach from the menu."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from scrutiny import switches
from scrutiny.models import SiteSettings

pytestmark = pytest.mark.django_db


def _settings_form(**changes):
    site = SiteSettings.load()
    data = {"version": site.version, "landlord_name": "Riverside Homes", "brand_colour": "#1d4f91",
            "country": "england", "financial_year_start_month": 4, "tenant_word": "resident",
            "contact_email": "scrutiny@riverside.example", "contact_phone": "0141 000 0000",
            "logo_alt_text": ""}
    data.update(changes)
    return data


def test_menu_shows_administration_to_administrators_only(client, users):
    client.force_login(users["admin"])
    assert 'href="/administration/"' in client.get("/").content.decode()
    client.force_login(users["manager"])
    assert 'href="/administration/"' not in client.get("/").content.decode()


def test_hub_links_every_administration_page(client, users):
    client.force_login(users["admin"])
    page = client.get("/administration/").content.decode()
    for url in ("/administration/site-settings/", "/accounts/people/", "/accounts/invitations/",
                "/panels/", "/reviews/service-areas/"):
        assert f'href="{url}"' in page, url


def test_admin_changes_name_contacts_and_public_switch(client, users):
    client.force_login(users["admin"])
    response = client.post("/administration/site-settings/", _settings_form(public_you_said_we_did="on"))
    assert response.status_code == 302
    site = SiteSettings.load()
    assert (site.landlord_name, site.tenant_word, site.contact_phone) == (
        "Riverside Homes", "resident", "0141 000 0000")
    assert site.public_you_said_we_did is True
    assert "Riverside Homes" in client.get(response["Location"]).content.decode()


def test_a_colour_white_text_cannot_be_read_on_is_refused_keeping_what_was_typed(client, users):
    client.force_login(users["admin"])
    response = client.post("/administration/site-settings/", _settings_form(brand_colour="#ffff00"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "too hard to read" in page
    assert 'value="Riverside Homes"' in page
    assert SiteSettings.load().brand_colour != "#ffff00"


def test_svg_logo_is_refused_on_the_settings_page(client, users):
    client.force_login(users["admin"])
    svg = SimpleUploadedFile("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>')
    response = client.post("/administration/site-settings/", _settings_form(logo=svg, logo_alt_text="Logo"))
    assert "SVG images cannot be uploaded" in response.content.decode()
    assert not SiteSettings.load().logo


def test_two_administrators_saving_at_once_keeps_both_texts(client, users):
    client.force_login(users["admin"])
    stale = _settings_form(landlord_name="Mine Housing")
    client.post("/administration/site-settings/", _settings_form(landlord_name="Theirs Housing"))
    response = client.post("/administration/site-settings/", stale)
    page = response.content.decode()
    assert "saved a change to this site&#x27;s settings" in page and "Your text is still in the form" in page
    assert 'value="Mine Housing"' in page  # what I typed is still in the form
    assert "Theirs Housing" in page  # and what they saved is shown
    assert SiteSettings.load().landlord_name == "Theirs Housing"


def test_switches_other_apps_register_appear_and_are_saved(client, users):
    switch = switches.register(key="test.open_meetings", label="Let the public see meeting dates")
    try:
        client.force_login(users["admin"])
        page = client.get("/administration/site-settings/").content.decode()
        assert "Let the public see meeting dates" in page
        assert switches.is_on(switch.key) is False
        client.post("/administration/site-settings/", _settings_form(**{"switch_test.open_meetings": "on"}))
        assert switches.is_on(switch.key) is True
    finally:
        switches._SWITCHES.pop(switch.key)
