"""Which landlord this is in the regulator's figures: the code kept in the site settings."""

import html

import pytest

from comparisons.models import Landlord
from scrutiny.models import SiteSettings
from tests.scrutiny.test_administration import _settings_form

pytestmark = pytest.mark.django_db


def _landlord(code, name, regulator="rsh"):
    return Landlord.objects.create(code=code, name=name, landlord_type="PRP", described_in_year=2024,
                                   regulator=regulator)


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


def _scottish_landlord(code, name):
    from comparisons.models import Figure, Source, TsmImport

    landlord = _landlord(code, name, regulator="shr")
    charter = TsmImport.objects.create(file_name="charter.csv", sha256="5" * 64, source=Source.SHR_CHARTER)
    Figure.objects.create(landlord=landlord, measure="ARC01", tenure="lcra", year=2024, value=90,
                          tsm_import=charter)
    return landlord


def test_the_site_settings_page_asks_for_the_scottish_code_and_the_tenures(client, users):
    client.force_login(users["admin"])

    page = client.get("/administration/site-settings/").content.decode()

    assert "Scottish Housing Regulator&#x27;s landlord code" in page
    assert "Rented homes" in page and "Shared ownership homes" in page
    assert "Which of the regulator's figures are about this landlord's homes" in html.unescape(page)


def test_the_administrator_sets_the_scottish_code_and_the_tenures(client, users):
    _scottish_landlord("RSL042", "Glenbrae Housing Association")
    client.force_login(users["admin"])

    response = client.post("/administration/site-settings/", _settings_form(
        shr_code=" rsl042 ", rents_homes="on", has_shared_ownership="on"))

    assert response.status_code == 302
    site = SiteSettings.load()
    assert (site.shr_code, site.rents_homes, site.has_shared_ownership) == ("RSL042", True, True)


def test_a_scottish_code_not_in_the_scottish_figures_is_refused_keeping_what_was_typed(client, users):
    _scottish_landlord("RSL042", "Glenbrae Housing Association")
    _landlord("L4240", "A2Dominion Housing Group Limited")  # in England's figures, not Scotland's
    client.force_login(users["admin"])

    for typed in ("RSL999", "L4240"):
        response = client.post("/administration/site-settings/",
                               _settings_form(shr_code=typed, landlord_name="Typed Homes"))

        page = response.content.decode()
        assert response.status_code == 200
        assert (f"No landlord with code {typed} is in the Scottish Housing Regulator&#x27;s figures "
                "imported so far") in page
        assert 'value="Typed Homes"' in page and f'value="{typed}"' in page
    assert SiteSettings.load().shr_code == ""


def test_any_scottish_code_is_kept_before_scottish_figures_are_imported(client, users):
    _landlord("L4240", "A2Dominion Housing Group Limited")  # England's figures only
    client.force_login(users["admin"])

    response = client.post("/administration/site-settings/", _settings_form(shr_code="RSL042"))

    assert response.status_code == 302
    assert SiteSettings.load().shr_code == "RSL042"


def test_shared_ownership_is_refused_when_the_regulator_has_no_such_figures_for_the_landlord(client, users):
    from comparisons.models import Figure, TsmImport

    landlord = _landlord("L4240", "A2Dominion Housing Group Limited")
    tsm = TsmImport.objects.create(file_name="tsm.xlsx", sha256="4" * 64)
    Figure.objects.create(landlord=landlord, measure="TP01", tenure="lcra", year=2024, value=70,
                          tsm_import=tsm)
    client.force_login(users["admin"])

    response = client.post("/administration/site-settings/", _settings_form(
        regulator_code="L4240", rents_homes="on", has_shared_ownership="on"))

    page = response.content.decode()
    assert response.status_code == 200
    assert ("The regulator&#x27;s figures for L4240 have none for shared ownership homes. "
            "Untick it, or check the code.") in page
    assert 'value="L4240"' in page
    assert SiteSettings.load().has_shared_ownership is False
