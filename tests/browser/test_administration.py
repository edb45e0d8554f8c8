"""An administrator looks after the site on a phone, through the product's own pages (not the
Django admin): each page passes axe-core, has one h1 and does not scroll sideways at 360 px."""

from reviews.models import ServiceArea
from scrutiny.models import SiteSettings
from tests.factories.accounts import PASSWORD, UserFactory


def _holds_to_the_standard(page):
    page.check_accessibility()
    assert page.locator("h1").count() == 1, page.url
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow} px"


def test_administrator_changes_settings_a_role_and_a_service_area_on_a_phone(phone_page):
    admin = UserFactory(role="admin", display_name="Ailsa Admin")
    tenant = UserFactory(role="tenant", display_name="Tam Tenant", email="tam@example.org")
    area = ServiceArea.objects.create(name="Gas safety checks")
    phone_page.sign_in(admin, PASSWORD)

    phone_page.visit("/administration/")
    _holds_to_the_standard(phone_page)

    phone_page.visit("/administration/site-settings/")
    _holds_to_the_standard(phone_page)
    phone_page.get_by_label("Landlord's name (English)").fill("Glenbrae Housing")
    phone_page.get_by_role("button", name="Save the settings").click()
    assert "The site settings have been saved." in phone_page.content()
    assert SiteSettings.load().landlord_name == "Glenbrae Housing"

    phone_page.visit("/accounts/people/?q=tam")
    _holds_to_the_standard(phone_page)
    phone_page.get_by_role("link", name="Tam Tenant").click()
    _holds_to_the_standard(phone_page)
    phone_page.get_by_label("Officer").check()
    phone_page.get_by_role("button", name="Save").click()
    tenant.refresh_from_db()
    assert tenant.role == "officer"

    phone_page.visit("/reviews/service-areas/")
    _holds_to_the_standard(phone_page)
    phone_page.visit(f"/reviews/service-areas/{area.pk}/")
    _holds_to_the_standard(phone_page)
