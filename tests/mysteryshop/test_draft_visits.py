"""A visit not yet submitted is a draft: like a draft recommendation it is for the panel's
members, its supporting officer and admins, and always for the shopper who made it. Other
officers and managers see it nowhere: not its page, not in lists, not in counts."""

import datetime

import pytest
from django.utils import timezone

from mysteryshop import permissions, selectors
from panels.models import Membership, PanelRole
from tests.factories.accounts import UserFactory
from tests.factories.mysteryshop import CheckedDocumentFactory, SiteFactory, VisitFactory
from tests.factories.panels import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def visits(shop):
    """A draft and a submitted visit of the programme, each at a site of its own."""
    draft_site = SiteFactory(name="Crieff office")
    submitted_site = SiteFactory(name="Blairgowrie office")
    draft = VisitFactory(review=shop.review, checklist=shop.phone, site=draft_site, shopper=shop.shopper,
                         notes="Receptionist was rude to me")
    submitted = VisitFactory(review=shop.review, checklist=shop.phone, site=submitted_site,
                             shopper=shop.shopper, status="submitted", submitted_at=timezone.now())
    return draft, submitted


def _supporting(panel, role):
    person = UserFactory(role=role)
    MembershipFactory(panel=panel, user=person, role=PanelRole.SUPPORTING_OFFICER)
    return person


def test_the_programme_list_leaves_drafts_out_for_a_manager_and_shows_them_to_the_panel(
        client, shop, visits):
    manager = UserFactory(role="manager")
    client.force_login(manager)
    page = client.get(f"/mystery-shopping/programmes/{shop.review.pk}/").content.decode()
    assert "Blairgowrie office" in page
    assert "Crieff office" not in page
    for person in (shop.member, _supporting(shop.panel, "officer"), shop.admin):
        client.force_login(person)
        page = client.get(f"/mystery-shopping/programmes/{shop.review.pk}/").content.decode()
        assert "Crieff office" in page and "Blairgowrie office" in page


def test_a_manager_who_supports_the_panel_sees_its_drafts(client, shop, visits):
    draft, _ = visits
    client.force_login(_supporting(shop.panel, "manager"))
    response = client.get(f"/mystery-shopping/visits/{draft.pk}/")
    assert response.status_code == 200
    assert "Receptionist was rude to me" in response.content.decode()


def test_a_manager_is_refused_a_draft_visits_page_and_its_notes(client, shop, visits):
    draft, _ = visits
    client.force_login(UserFactory(role="manager"))
    response = client.get(f"/mystery-shopping/visits/{draft.pk}/")
    assert response.status_code == 403
    assert "Receptionist was rude to me" not in response.content.decode()


def test_the_shopper_still_sees_their_draft_after_leaving_the_panel(client, shop, visits):
    draft, _ = visits
    Membership.objects.filter(user=shop.shopper).update(
        joined_on=datetime.date(2024, 1, 1), left_on=timezone.localdate() - datetime.timedelta(days=1))
    client.force_login(shop.shopper)
    assert client.get(f"/mystery-shopping/visits/{draft.pk}/").status_code == 200
    assert draft in selectors.visits_for(review=shop.review, user=shop.shopper)


def test_a_document_lists_its_draft_checks_only_for_those_who_may_see_drafts(client, shop):
    document = CheckedDocumentFactory(review__panel=shop.panel, title="Rent leaflet")
    VisitFactory(review=document.review, document=document, shopper=shop.shopper,
                 checklist=shop.phone, visited_at=timezone.make_aware(datetime.datetime(2025, 3, 4, 10)))
    client.force_login(UserFactory(role="manager"))
    page = client.get(f"/mystery-shopping/documents/{document.pk}/").content.decode()
    assert "4 Mar 2025" not in page
    client.force_login(shop.member)
    page = client.get(f"/mystery-shopping/documents/{document.pk}/").content.decode()
    assert "4 Mar 2025" in page and "(draft)" in page


def test_the_site_list_counts_only_the_visits_a_person_may_see(client, shop, visits):
    site = visits[1].site  # the submitted visit's site
    VisitFactory(review=shop.review, checklist=shop.phone, site=site, shopper=shop.member)
    VisitFactory(site=site)  # another panel's draft
    client.force_login(_supporting(shop.panel, "officer"))
    page = client.get("/mystery-shopping/sites/?q=Blairgowrie").content.decode()
    assert "Blairgowrie office" in page
    assert "2 visits" in page  # the submitted visit and their panel's draft, not the other
    client.force_login(shop.admin)
    assert "3 visits" in client.get("/mystery-shopping/sites/?q=Blairgowrie").content.decode()


def test_can_view_visit_follows_the_draft_rule_for_each_role(shop, visits):
    draft, submitted = visits
    officer, manager = UserFactory(role="officer"), UserFactory(role="manager")
    assert [permissions.can_view_visit(p, draft) for p in (shop.shopper, shop.member, shop.admin)] == [
        True, True, True]
    assert [permissions.can_view_visit(p, draft) for p in (officer, manager)] == [False, False]
    assert [permissions.can_view_visit(p, submitted) for p in (officer, manager)] == [True, True]
