"""The Annual Report's comparison with similar landlords and the landlords most like us, on the
ten landlords worked out by hand in tests/comparisons/test_selectors.py (Fern is us): Fern's
TP01 of 71% against its peers Birch 55, Dogwood 62 and Hazel 80 (median 62%, better than 2 of
3: "better than 6 in 10"); nearest first Juniper, Elm, Hazel."""

import pytest

from comparisons.models import PeerChoice
from reports import selectors
from scrutiny.models import SiteSettings
from tests.comparisons.test_selectors import _make

YEAR = 2024


@pytest.fixture
def fern(world):
    landlords = _make()
    site = SiteSettings.load()
    site.country = "england"
    site.regulator_code = landlords["Fern"].code
    site.save()
    return landlords


def _flat(text):
    return " ".join(text.split())


def _tp01(report):
    return next(m.compared for s in report["sections"] if s.key == "performance"
                for part in s.data["frameworks"] for m in part.measures if m.indicator.code == "TP01")


def test_each_measure_has_the_similar_landlords_median_and_where_we_stand_among_them(fern):
    compared = _tp01(selectors.annual_report(year=YEAR))

    assert compared.peers == "Similar landlords' median 62%: better than 6 in 10 similar landlords"


def test_peers_chosen_by_name_are_the_ones_compared_with(fern):
    PeerChoice.objects.create(pk=1, peer_codes=[fern["Ivy"].code, fern["Juniper"].code])

    compared = _tp01(selectors.annual_report(year=YEAR))

    assert compared.peers == "Similar landlords' median 87%: worse than every other similar landlord"


def test_the_page_names_the_landlords_most_like_us_and_the_peer_median(client, world, fern):
    client.force_login(world.member)

    page = _flat(client.get(f"/reports/annual/{YEAR}/").content.decode())

    assert "Similar landlords&#x27; median 62%: better than 6 in 10 similar landlords" in page
    assert "The landlords most like us (same type, then nearest in size): Juniper, Elm, Hazel, Birch" in page


@pytest.mark.parametrize("large_print", [False, True])
def test_the_pdf_carries_the_peer_comparison_and_nearest_landlords(world, fern, large_print):
    from reports import makers
    from reports.models import Kind, ReportRequest
    from tests.reports.pdf_checks import read

    made = makers.make(ReportRequest(kind=Kind.ANNUAL, requested_by=world.manager,
                                     parameters={"year": YEAR, "large_print": large_print}))

    flat = _flat(read(made.content)[1])
    assert "better than 6 in 10 similar landlords" in flat
    assert "Juniper, Elm, Hazel" in flat
