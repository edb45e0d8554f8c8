"""A manager's first sign-in on a 360 px phone: they must add a second factor, add an
authenticator app by typing its key (as someone who cannot scan the QR code would), make
recovery codes, sign out, and sign in again with a code the app would show. axe on each page."""

import re
from base64 import b32decode

from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories.accounts import UserFactory
from tests.second_factor import code_for, unused_code

FITS_THE_SCREEN = "document.documentElement.scrollWidth <= window.innerWidth"


def test_manager_adds_an_app_by_its_key_then_signs_in_with_a_code(phone_page):
    manager = UserFactory(role="manager", display_name="Helen Baird")
    page = phone_page

    page.sign_in_with_password(manager)
    assert "/accounts/second-factor/methods/" in page.url
    page.check_accessibility()
    assert page.get_by_role("heading", level=1).inner_text() == "Your sign-in methods"
    page.visit("/reviews/")  # nothing else is open yet
    assert "/accounts/second-factor/methods/" in page.url

    page.get_by_role("link", name="Add an authenticator app").click()
    page.wait_for_load_state("load")
    page.check_accessibility()
    assert page.evaluate(FITS_THE_SCREEN)
    assert page.get_by_role("img", name=re.compile("QR code")).is_visible()
    key_text = page.locator("code.secret-key").inner_text()
    assert re.fullmatch(r"[A-Z2-7]{4}( [A-Z2-7]{1,4})+", key_text)
    code = code_for(TOTPDevice(key=b32decode(key_text.replace(" ", "")).hex()))
    page.get_by_label("Name for this app").fill("My phone")
    field = page.get_by_label("Code the app shows")
    assert field.get_attribute("autocomplete") == "one-time-code"
    assert field.get_attribute("inputmode") == "numeric"
    field.fill(f"{code[:3]} {code[3:]}")
    field.press("Enter")  # by keyboard
    page.get_by_text("“My phone” is added.").wait_for()
    page.check_accessibility()

    page.get_by_role("button", name="Make recovery codes").click()
    page.get_by_role("heading", name="Your recovery codes").wait_for()
    page.check_accessibility()
    assert page.locator(".recovery-codes li").count() == 10
    assert page.evaluate(FITS_THE_SCREEN)

    page.visit("/accounts/profile/")
    page.get_by_role("button", name="Menu").click()
    page.locator("#main-nav.show:not(.collapsing)").wait_for()
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(re.compile(r"/accounts/sign-in/"))

    page.sign_in_with_password(manager)
    assert "/accounts/second-factor/check/" in page.url
    page.check_accessibility()
    assert page.get_by_role("heading", level=1).inner_text() == "Check it's you"
    assert page.evaluate(FITS_THE_SCREEN)
    page.get_by_label("Code from your authenticator app").fill("12345")  # a digit short
    page.get_by_role("button", name="Continue", exact=True).click()
    page.get_by_text("A code is 6 digits").first.wait_for()
    page.check_accessibility()
    page.get_by_label("Code from your authenticator app").fill(unused_code(manager.totpdevice_set.get()))
    page.get_by_role("button", name="Continue", exact=True).click()
    page.wait_for_url(lambda url: "/accounts/second-factor/" not in url, wait_until="load")
    page.visit("/reviews/")
    assert "/reviews/" in page.url
