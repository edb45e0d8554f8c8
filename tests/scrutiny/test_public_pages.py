"""Signed out, the home page (which asks people to sign in) links every page open to the public."""

import pytest

from reports.annual import current_year
from scrutiny.models import SiteSettings
from tests.factories.reports import approved_report

pytestmark = pytest.mark.django_db


def _settings(*, you_said_we_did: bool, register: bool, annual: bool) -> None:
    site = SiteSettings.load()
    site.public_you_said_we_did = you_said_we_did
    site.switches = {**site.switches, "mysteryshop.public_register": register,
                     "reports.public_annual_report": annual}
    site.save()


def _signed_out_home(client) -> str:
    response = client.get("/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/accounts/sign-in/")
    return response.content.decode().split("<footer", 1)[0]


def test_signed_out_home_links_every_public_page(client):
    year = current_year() - 1
    approved_report(year - 1, published=True)
    approved_report(year, published=True)
    _settings(you_said_we_did=True, register=True, annual=True)

    page = _signed_out_home(client)

    assert 'href="/recommendations/you-said-we-did/"' in page
    assert 'href="/mystery-shopping/register/"' in page
    # The newest published report.
    assert f'href="/reports/annual/{year}/"' in page
    assert f'href="/reports/annual/{year - 1}/"' not in page
    linked = ("/recommendations/you-said-we-did/", "/mystery-shopping/register/", f"/reports/annual/{year}/")
    for path in linked:
        assert client.get(path).status_code == 200


def test_signed_out_home_links_no_page_that_is_private_or_unpublished(client):
    year = current_year() - 1
    approved_report(year, published=False)
    _settings(you_said_we_did=False, register=False, annual=True)

    page = _signed_out_home(client)

    assert "/recommendations/you-said-we-did/" not in page
    assert "/mystery-shopping/register/" not in page
    assert "/reports/annual/" not in page


def test_no_annual_report_link_when_the_public_may_not_read_it(client):
    year = current_year() - 1
    approved_report(year, published=True)
    _settings(you_said_we_did=False, register=False, annual=False)

    assert "/reports/annual/" not in _signed_out_home(client)
