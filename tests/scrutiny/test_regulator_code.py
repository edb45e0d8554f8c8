"""Which landlord this is in the regulator's figures: the code kept in the site settings."""

import pytest

from comparisons.models import Landlord
from scrutiny.models import SiteSettings
from tests.scrutiny.test_administration import _settings_form

pytestmark = pytest.mark.django_db


def _landlord(code, name):
    return Landlord.objects.create(code=code, name=name, landlord_type="PRP", described_in_year=2024)


def test_the_administrator_sets_the_regulators_code_of_a_landlord_imported(client, users):
    _landlord("L4240", "A2Dominion Housing Group Limited")
    client.force_login(users["admin"])

    response = client.post("/administration/site-settings/", _settings_form(regulator_code=" L4240 "))

    assert response.status_code == 302
    assert SiteSettings.load().regulator_code == "L4240"
    assert "regulator&#x27;s landlord code" in client.get(response["Location"]).content.decode().lower()


def test_a_code_not_in_the_regulators_figures_is_refused_keeping_what_was_typed(client, users):
    _landlord("L4240", "A2Dominion Housing Group Limited")
    client.force_login(users["admin"])

    response = client.post("/administration/site-settings/",
                           _settings_form(regulator_code="L9999", landlord_name="Typed Homes"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "No landlord with code L9999 is in the regulator&#x27;s figures imported so far" in page
    assert 'value="Typed Homes"' in page and 'value="L9999"' in page
    site = SiteSettings.load()
    assert (site.regulator_code, site.landlord_name) == ("", "Your landlord")


def test_any_code_is_kept_before_the_regulators_figures_are_imported(client, users):
    client.force_login(users["admin"])

    response = client.post("/administration/site-settings/", _settings_form(regulator_code="45UC"))

    assert response.status_code == 302
    assert SiteSettings.load().regulator_code == "45UC"
