"""On a 360 px phone, an administrator adds a site, searches for it, changes it and takes it
out of use; each page passes axe-core, has one h1 and does not scroll sideways."""

from mysteryshop.models import Site, SiteKind
from tests.factories.accounts import PASSWORD, UserFactory


def _holds_to_the_standard(page):
    page.check_accessibility()
    assert page.locator("h1").count() == 1, page.url
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow} px"


def test_administrator_adds_changes_and_retires_a_site_on_a_phone(phone_page):
    admin = UserFactory(role="admin", display_name="Ailsa Admin")
    Site.objects.bulk_create([Site(name=f"Empty home {n:02}, Muirton Terrace", kind=SiteKind.PROPERTY,
                                   address=f"{n} Muirton Terrace, Perth") for n in range(25)])
    phone_page.sign_in(admin, PASSWORD)

    phone_page.visit("/mystery-shopping/sites/")
    _holds_to_the_standard(phone_page)
    phone_page.get_by_role("link", name="Add a site").click()
    _holds_to_the_standard(phone_page)
    phone_page.get_by_label("Name").fill("Blairgowrie Hostel for Young People")
    phone_page.get_by_label("What kind of place").select_option("hostel")
    phone_page.get_by_label("Address").fill("1 Wellmeadow, Blairgowrie")
    phone_page.get_by_role("button", name="Add the site").click()
    assert "has been added" in phone_page.content()

    phone_page.get_by_label("Search by name").fill("blairgowrie")
    phone_page.get_by_role("button", name="Search").click()
    _holds_to_the_standard(phone_page)
    phone_page.get_by_role("link", name="Change Blairgowrie Hostel for Young People").click()
    _holds_to_the_standard(phone_page)
    phone_page.get_by_label("Address").fill("3 Wellmeadow, Blairgowrie")
    phone_page.get_by_role("button", name="Save changes").click()
    phone_page.get_by_role("button", name="Take out of use Blairgowrie Hostel for Young People").click()
    site = Site.objects.get(name="Blairgowrie Hostel for Young People")
    assert (site.address, site.is_active) == ("3 Wellmeadow, Blairgowrie", False)
