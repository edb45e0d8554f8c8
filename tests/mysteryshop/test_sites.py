"""The sites pages: add, change (with optimistic locking), take out of use, search, pages."""

import pytest
from django.utils import timezone

from mysteryshop import services
from mysteryshop.models import Site, SiteKind
from mysteryshop.views.common import PAGE_SIZE
from panels.models import PanelRole
from tests.db_unchanged import assert_db_unchanged
from tests.factories.accounts import UserFactory
from tests.factories.mysteryshop import ProgrammeFactory, SiteFactory, VisitFactory
from tests.factories.panels import MembershipFactory, PanelFactory

pytestmark = pytest.mark.django_db
SITES = "/mystery-shopping/sites/"


def test_admin_adds_a_site_that_a_new_visit_can_then_choose(client, shop):
    client.force_login(shop.admin)
    response = client.post(f"{SITES}add/", {"name": "  Blairgowrie   hostel ", "kind": "hostel",
                                             "address": "1 Wellmeadow"})
    assert response.status_code == 302
    site = Site.objects.get(name="Blairgowrie hostel")
    assert (site.kind, site.address, site.is_active) == (SiteKind.HOSTEL, "1 Wellmeadow", True)
    page = client.get(f"/mystery-shopping/programmes/{shop.review.pk}/visits/new/")
    assert site in page.context["form"].fields["site"].queryset


def test_same_name_and_kind_twice_is_a_message_in_the_page_keeping_the_text(client, shop):
    client.force_login(shop.admin)
    response = client.post(f"{SITES}add/", {"name": "Perth local office", "kind": "office",
                                             "address": "2 High Street"})
    assert response.status_code == 200
    assert "There is already a site of this kind with this name." in response.content.decode()
    assert response.context["form"]["address"].value() == "2 High Street"


def test_chair_of_an_inspection_panel_may_add_a_site_but_a_plain_member_may_not(client, shop):
    panel = PanelFactory(name="Quality panel")
    ProgrammeFactory(panel=panel, kind="inspection")
    chair = MembershipFactory(panel=panel, role=PanelRole.CHAIR).user
    member = MembershipFactory(panel=panel).user
    client.force_login(member)
    with assert_db_unchanged():
        assert client.post(f"{SITES}add/", {"name": "Void A", "kind": "property"}).status_code == 403
    client.force_login(chair)
    assert client.post(f"{SITES}add/", {"name": "Void A", "kind": "property"}).status_code == 302
    assert Site.objects.filter(name="Void A").exists()


def test_two_people_changing_one_site_keeps_both_texts(client, shop):
    site = SiteFactory(name="Crieff office", address="Old address")
    other = UserFactory(role="admin", display_name="Fiona Reid")
    services.change_site(site=site, by=other, name="Crieff office", kind="office",
                         address="Saved by Fiona", version=1)
    client.force_login(shop.admin)
    response = client.post(f"{SITES}{site.pk}/edit/", {"name": "Crieff office", "kind": "office",
                                                        "address": "Typed by me", "version": "1"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "saved a change to this site" in text
    assert "Saved by Fiona" in text  # the saved version, shown above the form
    assert response.context["form"]["address"].value() == "Typed by me"  # their own text kept
    site.refresh_from_db()
    assert site.address == "Saved by Fiona"
    again = client.post(f"{SITES}{site.pk}/edit/", {"name": "Crieff office", "kind": "office",
                                                     "address": "Typed by me",
                                                     "version": str(site.version)})
    assert again.status_code == 302
    site.refresh_from_db()
    assert (site.address, site.version) == ("Typed by me", 3)


def test_out_of_use_site_is_not_offered_to_new_visits_but_old_visits_keep_it(client, shop):
    old = VisitFactory(review=shop.review, checklist=shop.phone, site=shop.office, shopper=shop.shopper)
    client.force_login(shop.admin)
    assert client.post(f"{SITES}{shop.office.pk}/use/", {"in_use": "no"}).status_code == 302
    shop.office.refresh_from_db()
    assert not shop.office.is_active
    assert Site.objects.filter(pk=shop.office.pk).exists()  # taken out of use, not deleted

    client.force_login(shop.shopper)
    new = client.get(f"/mystery-shopping/programmes/{shop.review.pk}/visits/new/")
    assert shop.office not in new.context["form"].fields["site"].queryset
    refused = client.post(f"/mystery-shopping/programmes/{shop.review.pk}/visits/new/", {
        "checklist": shop.phone.pk, "site": shop.office.pk, "channel": "phone",
        "visited_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
    })
    assert refused.status_code == 200 and "site" in refused.context["form"].errors

    edit = client.get(f"/mystery-shopping/visits/{old.pk}/edit/")
    assert shop.office in edit.context["form"].fields["site"].queryset
    assert edit.context["form"]["site"].value() == shop.office.pk
    old.refresh_from_db()
    assert old.site == shop.office
    # The old visit's pages say its site has been taken out of use since.
    for url in (old.get_absolute_url(), f"/mystery-shopping/visits/{old.pk}/record/",
                f"/mystery-shopping/programmes/{shop.review.pk}/"):
        assert "data-site-out-of-use" in client.get(url).content.decode(), url

    client.force_login(shop.admin)
    client.post(f"{SITES}{shop.office.pk}/use/", {"in_use": "yes"})
    assert "data-site-out-of-use" not in client.get(old.get_absolute_url()).content.decode()
    shop.office.refresh_from_db()
    assert shop.office.is_active


def test_each_sites_controls_are_buttons_not_inline_links(client, shop):
    client.force_login(shop.admin)
    page = client.get(SITES).content.decode()
    assert f'class="btn btn-outline-primary" href="/mystery-shopping/sites/{shop.office.pk}/edit/"' in page
    use = page.split(f'action="/mystery-shopping/sites/{shop.office.pk}/use/"')[1].split("</form>")[0]
    assert 'class="btn btn-outline-secondary">Take out of use' in use and "btn-link" not in use


def test_search_finds_sites_by_name_only(client, shop):
    SiteFactory(name="Hostel on Leonard Street", kind=SiteKind.HOSTEL, address="Perth")
    SiteFactory(name="Pitlochry office", address="Hostel Road")
    client.force_login(shop.admin)
    response = client.get(SITES, {"q": "hostel"})
    names = [site.name for site in response.context["page"]]
    assert names == ["Hostel on Leonard Street"]
    assert "No site's name matches" in client.get(SITES, {"q": "zzz"}).content.decode()


def test_the_list_shows_one_page_of_sites_and_keeps_the_search_in_its_page_links(client, shop):
    Site.objects.bulk_create(
        [Site(name=f"Void {n:03}", kind=SiteKind.PROPERTY) for n in range(PAGE_SIZE * 2 + 5)]
    )
    client.force_login(shop.admin)
    first = client.get(SITES, {"q": "void"})
    assert len(first.context["page"]) == PAGE_SIZE
    assert first.context["page"].paginator.num_pages == 3
    assert "?q=void&amp;page=2" in first.content.decode()
    last = client.get(SITES, {"q": "void", "page": 3})
    assert len(last.context["page"]) == 5


def test_the_list_query_count_does_not_grow_with_sites(client, shop, count_queries):
    client.force_login(shop.admin)
    client.get(SITES)  # the session and site settings are read once, then cached
    small = count_queries(client.get, SITES)
    Site.objects.bulk_create([Site(name=f"Office {n}", kind=SiteKind.OFFICE) for n in range(60)])
    assert count_queries(client.get, SITES) == small


def test_the_administration_hub_and_the_visit_form_link_to_the_sites(client, shop):
    client.force_login(shop.admin)
    assert SITES in client.get("/administration/").content.decode()
    start = client.get(f"/mystery-shopping/programmes/{shop.review.pk}/visits/new/")
    assert "Add or change sites" in start.content.decode()
    client.force_login(shop.shopper)
    start = client.get(f"/mystery-shopping/programmes/{shop.review.pk}/visits/new/")
    assert "Add or change sites" not in start.content.decode()


def test_the_service_refuses_a_duplicate_in_words_and_a_plain_member(shop):
    from django.core.exceptions import PermissionDenied, ValidationError

    with pytest.raises(ValidationError, match="already a site of this kind"):
        services.add_site(by=shop.admin, name="Perth local office", kind="office")
    with assert_db_unchanged(), pytest.raises(PermissionDenied):
        services.add_site(by=shop.shopper, name="Somewhere new", kind="office")
