"""A tenant on a 360 px phone reads "How we compare" from the framework's page: where we stand
in plain words, the landlords most like us (folded), the chart and its table. The page passes
axe-core, has one h1 and does not scroll sideways, with the folds open too."""

from comparisons.frameworks import TSM_FRAMEWORK
from scrutiny.models import SiteSettings
from tests.comparisons.test_selectors import _make
from tests.factories.accounts import PASSWORD, UserFactory


def _holds_to_the_standard(page):
    page.check_accessibility()
    assert page.locator("h1").count() == 1, page.url
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow} px"


def test_a_tenant_reads_how_we_compare_on_a_phone(phone_page):
    from assessments.models import Framework

    site = SiteSettings.load()
    site.regulator_code = _make(measures=("TP01", "CH01_1"))["Fern"].code
    site.save()
    tenant = UserFactory(role="tenant", display_name="Tam Tenant")
    phone_page.sign_in(tenant, PASSWORD)

    phone_page.visit(Framework.objects.get(code=TSM_FRAMEWORK).get_absolute_url())
    phone_page.get_by_role("link", name="How we compare with other landlords").click()

    phone_page.get_by_role("heading", level=1, name="How we compare: Tenant Satisfaction Measures").wait_for()
    _holds_to_the_standard(phone_page)
    assert phone_page.get_by_text("Better than 6 in 10 similar landlords.").count() == 1
    phone_page.get_by_text("The 9 landlords most like us").first.click()
    phone_page.get_by_text("The numbers in this chart").first.click()
    phone_page.get_by_text("Juniper: 90%").first.wait_for()
    _holds_to_the_standard(phone_page)


def test_an_administrator_chooses_landlords_to_compare_with_on_a_phone(phone_page):
    landlords = _make()
    admin = UserFactory(role="admin", display_name="Ailsa Admin")
    phone_page.sign_in(admin, PASSWORD)

    phone_page.visit("/administration/")
    phone_page.get_by_role("link", name="Landlords to compare with").click()
    _holds_to_the_standard(phone_page)
    field = phone_page.get_by_label("The regulator's codes of the landlords to compare with")
    field.fill(f"{landlords['Ivy'].code}, NOPE1")
    phone_page.get_by_role("button", name="Save").click()

    phone_page.get_by_text("These codes are not in the regulator's figures: NOPE1.").first.wait_for()
    _holds_to_the_standard(phone_page)
    assert field.input_value() == f"{landlords['Ivy'].code}, NOPE1"
    field.fill(landlords["Ivy"].code)
    phone_page.get_by_role("button", name="Save").click()
    phone_page.get_by_text("We now compare with the 1 landlord you chose.").wait_for()
    _holds_to_the_standard(phone_page)
