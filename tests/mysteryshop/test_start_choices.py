""""Start a visit" lists first the checklists and sites that fit the programme, then the rest."""

import re

import pytest

from mysteryshop.models import Checklist, Site, SiteKind
from reviews.models import ReviewKind
from tests.factories.mysteryshop import ChecklistFactory, SiteFactory, VisitFactory

pytestmark = pytest.mark.django_db


def _groups(page: str, field: str) -> list[tuple[str, list[str]]]:
    """The select's option groups in order, each with its options' words in order."""
    select = re.search(rf'<select name="{field}".*?</select>', page, re.S).group(0)
    return [
        (label, [text.strip() for text in re.findall(r"<option[^>]*>(.*?)</option>", body, re.S)])
        for label, body in re.findall(r'<optgroup label="([^"]*)">(.*?)</optgroup>', select, re.S)
    ]


@pytest.fixture
def inspection(shop):
    shop.review.kind = ReviewKind.INSPECTION
    shop.review.save(update_fields=["kind"])
    SiteFactory(name="12 Glebe Road", kind=SiteKind.PROPERTY)
    SiteFactory(name="Albert Street hostel", kind=SiteKind.HOSTEL)
    return shop


def test_checklists_for_the_programme_come_first(client, inspection):
    walkabout = ChecklistFactory(title="Estate walkabout", purpose="other")
    VisitFactory(
        review=inspection.review, checklist=walkabout, site=inspection.office, shopper=inspection.shopper,
    )
    client.force_login(inspection.shopper)

    page = client.get(f"/mystery-shopping/programmes/{inspection.review.pk}/visits/new/").content.decode()

    (first, fitting), (second, others) = _groups(page, "checklist")
    assert first == "Checklists for this programme"
    assert fitting == [
        "Empty home inspection before letting", "Estate walkabout",
        "Hostel and temporary accommodation inspection",
    ]
    assert second == "Other checklists"
    assert "Telephone contact" in others and "Office visit" in others
    assert "Estate walkabout" not in others


def test_sites_for_the_programme_come_first(client, inspection):
    VisitFactory(review=inspection.review, site=inspection.office, shopper=inspection.shopper)
    SiteFactory(name="Kinross local office", kind=SiteKind.OFFICE)
    client.force_login(inspection.shopper)

    page = client.get(f"/mystery-shopping/programmes/{inspection.review.pk}/visits/new/").content.decode()

    (first, fitting), (second, others) = _groups(page, "site")
    assert first == "Sites for this programme"
    # Sites of the kinds an inspection looks at, and the office this programme has visited
    # already, by kind as before (hostel, office, property).
    assert fitting == [
        "Albert Street hostel (hostel or temporary accommodation)", "Perth local office (local office)",
        "12 Glebe Road (property (empty home))",
    ]
    assert second == "Other sites"
    assert others == ["Kinross local office (local office)"]


def test_a_checklist_from_the_other_group_can_still_be_chosen(client, inspection):
    client.force_login(inspection.shopper)
    phone = Checklist.objects.get(title="Telephone contact", is_current=True)
    hostel = Site.objects.get(name="Albert Street hostel")

    response = client.post(f"/mystery-shopping/programmes/{inspection.review.pk}/visits/new/", {
        "checklist": phone.pk, "site": hostel.pk, "channel": "phone", "visited_at": "2026-03-02T10:30",
    })

    assert response.status_code == 302
    visit = inspection.review.visits.get()
    assert (visit.checklist, visit.site) == (phone, hostel)
