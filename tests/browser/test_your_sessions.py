"""Your sessions on a phone: signed in on two phones, the person signs the other one out from
the first, by keyboard, and the other one is signed out at its next page."""

import re

from tests.browser.conftest import BROWSER_TIMEOUT_MS, PHONE, AccessiblePage
from tests.factories.accounts import PASSWORD, UserFactory

FITS_THE_SCREEN = "document.documentElement.scrollWidth <= window.innerWidth"


def test_person_signs_their_other_phone_out_from_this_one(phone_page, chromium, live_server):
    tenant = UserFactory(role="tenant")
    context = chromium.new_context(viewport=PHONE, locale="en-GB")
    try:
        other = context.new_page()
        other.set_default_timeout(BROWSER_TIMEOUT_MS)
        other_phone = AccessiblePage(other, live_server.url)
        other_phone.sign_in(tenant, PASSWORD)

        page = phone_page
        page.sign_in(tenant, PASSWORD)
        page.visit("/accounts/profile/")
        sessions = page.locator("#sessions ~ ul").first
        assert sessions.locator("li").count() == 2
        assert "This device" in sessions.locator("li[data-this-device]").inner_text()
        assert page.evaluate(FITS_THE_SCREEN)

        button = page.get_by_role("button", name=re.compile(r"^Sign out of .+, last used "))
        button.focus()
        page.keyboard.press("Enter")
        page.get_by_text(re.compile(r"You have signed out of .+\.")).wait_for()
        page.check_accessibility()
        assert page.locator("#sessions ~ ul").first.locator("li").count() == 1
        assert page.evaluate(FITS_THE_SCREEN)
        page.visit("/accounts/profile/sessions/")  # the whole list's own page, checked by axe too
        assert page.get_by_role("heading", level=1).inner_text() == "Where you are signed in"
        assert page.evaluate(FITS_THE_SCREEN)

        other_phone.visit("/accounts/profile/")
        assert "/accounts/sign-in/" in other.url
    finally:
        context.close()
