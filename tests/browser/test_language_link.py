"""The language link at 360 px: an English page's "Cymraeg" opens the same page in Welsh (axe
clean, no sideways scrolling), the choice is remembered, and "English" comes back and stays."""

from tests.factories.accounts import PASSWORD, UserFactory

FITS = "document.documentElement.scrollWidth <= window.innerWidth"


def _lang(page):
    return page.evaluate("document.documentElement.lang")


def test_the_language_link_opens_the_same_page_in_welsh_and_back(phone_page):
    base = phone_page.base_url
    phone_page.visit("/accessibility?x=1")
    assert _lang(phone_page) == "en-GB"
    phone_page.get_by_role("link", name="Cymraeg").click()
    phone_page.wait_for_url(base + "/cy/accessibility?x=1", wait_until="load")
    assert _lang(phone_page) == "cy"
    assert phone_page.get_by_role("heading", level=1).inner_text() == "Datganiad hygyrchedd"
    assert phone_page.evaluate(FITS), "the Welsh page scrolls sideways at 360 px"
    phone_page.check_accessibility()

    # Remembered: an English address now opens its Welsh page.
    phone_page.goto(base + "/accounts/sign-in/")
    phone_page.wait_for_url(base + "/cy/accounts/sign-in/", wait_until="load")
    assert _lang(phone_page) == "cy"
    phone_page.check_accessibility()
    assert phone_page.evaluate(FITS), "the Welsh sign-in page scrolls sideways at 360 px"

    phone_page.get_by_role("link", name="English").click()
    phone_page.wait_for_url(base + "/accounts/sign-in/", wait_until="load")
    assert _lang(phone_page) == "en-GB"
    phone_page.goto(base + "/accessibility")
    assert phone_page.url == base + "/accessibility"
    assert _lang(phone_page) == "en-GB"


def test_a_signed_in_tenants_home_page_in_welsh_fits_a_phone(phone_page):
    phone_page.sign_in(UserFactory(role="tenant", display_name="Siân"), PASSWORD)
    phone_page.get_by_role("link", name="Cymraeg").click()
    phone_page.wait_for_url(phone_page.base_url + "/cy/", wait_until="load")
    assert _lang(phone_page) == "cy"
    assert phone_page.get_by_role("heading", level=1).inner_text() == "Helo, Siân"
    assert phone_page.evaluate(FITS), "the Welsh home page scrolls sideways at 360 px"
    phone_page.check_accessibility()


def test_the_administrators_own_pages_in_welsh_fit_a_phone(phone_page):
    phone_page.sign_in(UserFactory(role="admin"), PASSWORD)
    headings = {
        "/cy/administration/": "Gweinyddu",
        "/cy/administration/site-settings/": "Gosodiadau'r safle",
        "/cy/audit/": "Trywydd archwilio",
        "/cy/administration/system-health/": "Iechyd y system",
        "/cy/administration/failed-jobs/": "Tasgau cefndir a fethodd",
    }
    for path, heading in headings.items():
        phone_page.visit(path)
        assert _lang(phone_page) == "cy", path
        assert phone_page.get_by_role("heading", level=1).inner_text() == heading
        assert phone_page.evaluate(FITS), f"{path} scrolls sideways at 360 px"
