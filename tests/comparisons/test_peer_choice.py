"""Choosing the landlords to compare with by name, on an administrator's page."""

import html

import pytest
from django.urls import reverse

from comparisons.models import PeerChoice
from tests.comparisons.test_selectors import _make
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(role="admin"))
    return client


def test_an_administrator_chooses_peers_by_their_codes(admin_client):
    landlords = _make()
    codes = f"{landlords['Ivy'].code}, {landlords['Juniper'].code}\n"

    response = admin_client.post(reverse("comparisons:peers"), {"codes": codes}, follow=True)

    assert PeerChoice.codes() == [landlords["Ivy"].code, landlords["Juniper"].code]
    assert "We now compare with the 2 landlords you chose." in html.unescape(response.content.decode())


def test_unknown_codes_are_named_and_what_was_typed_is_kept(admin_client):
    landlords = _make()
    typed = f"{landlords['Ivy'].code} NOPE1 NOPE2"

    response = admin_client.post(reverse("comparisons:peers"), {"codes": typed})

    page = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert "These codes are not in the regulator's figures: NOPE1, NOPE2." in page
    assert typed in page
    assert PeerChoice.codes() == []


def test_leaving_it_empty_goes_back_to_similar_landlords(admin_client):
    landlords = _make()
    PeerChoice.objects.create(pk=1, peer_codes=[landlords["Ivy"].code])

    admin_client.post(reverse("comparisons:peers"), {"codes": "  "})

    assert PeerChoice.codes() == []


def test_the_page_shows_the_chosen_codes(admin_client):
    landlords = _make()
    PeerChoice.objects.create(pk=1, peer_codes=[landlords["Ivy"].code])

    page = admin_client.get(reverse("comparisons:peers")).content.decode()

    assert f"{landlords['Ivy'].code}</textarea>" in page
    assert "<h1>Landlords to compare with</h1>" in page
