"""Passkeys on a phone: a manager, who must add a second factor, adds a passkey through
Chromium's virtual authenticator (a device with a fingerprint reader, as far as the page can
tell), signs out, and signs in with it at "Check it's you"; a refused request is explained in
plain words. At 360 px, by keyboard, with axe on every page."""

import re

from django_otp_webauthn.models import WebAuthnCredential

from scrutiny.models import AuditEvent
from tests.browser.test_sign_out_clears_phone import open_menu
from tests.factories.accounts import UserFactory

FITS_THE_SCREEN = "document.documentElement.scrollWidth <= window.innerWidth"


def virtual_authenticator(page):
    """A passkey device built into the phone, which says yes whenever it is asked."""
    cdp = page.context.new_cdp_session(page.page)
    cdp.send("WebAuthn.enable")
    added = cdp.send("WebAuthn.addVirtualAuthenticator", {"options": {
        "protocol": "ctap2", "transport": "internal", "hasResidentKey": True,
        "hasUserVerification": True, "isUserVerified": True,
    }})
    return cdp, added["authenticatorId"]


def test_manager_adds_a_passkey_signs_out_and_signs_in_with_it(phone_page):
    page = phone_page
    assert page.base_url.startswith("http://localhost:")  # an IP address cannot hold passkeys
    manager = UserFactory(role="manager")
    cdp, authenticator = virtual_authenticator(page)

    # Staff must add a second factor: the sign-in ends on their methods page.
    page.sign_in_with_password(manager)
    assert "/accounts/second-factor/methods/" in page.url
    page.check_accessibility()
    page.get_by_role("link", name="Add a passkey or security key").click()
    page.wait_for_url(re.compile(r"/methods/passkey/$"), wait_until="load")
    page.check_accessibility()
    assert page.evaluate(FITS_THE_SCREEN)
    # A name is needed first: said beside the field and at the top, and nothing is made.
    page.get_by_role("button", name="Add passkey").click()
    page.locator("#passkey-problem").filter(has_text="Give your passkey a name").wait_for()
    assert page.evaluate("document.activeElement.id") == "passkey-problem"
    assert page.get_by_label("Name for this passkey").get_attribute("aria-invalid") == "true"
    page.check_accessibility()
    assert cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})["credentials"] == []

    page.get_by_label("Name for this passkey").fill("Work phone")
    page.get_by_label("Name for this passkey").press("Enter")  # by keyboard
    page.get_by_text("Your passkey “Work phone” has been added.").wait_for()
    assert "/accounts/second-factor/methods/" in page.url
    page.check_accessibility()
    assert page.evaluate(FITS_THE_SCREEN)
    assert page.get_by_role("button", name="Remove Work phone").is_visible()
    assert WebAuthnCredential.objects.get(user=manager).name == "Work phone"
    assert cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})["credentials"]

    open_menu(page)
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(re.compile(r"/accounts/sign-in/"), wait_until="load")

    # Signing in again stops at "Check it's you"; the passkey passes it.
    page.sign_in_with_password(manager)
    assert "/accounts/second-factor/check/" in page.url
    page.check_accessibility()
    assert page.evaluate(FITS_THE_SCREEN)
    button = page.get_by_role("button", name="Use your passkey")
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/accounts/second-factor/" not in url, wait_until="load")
    page.check_accessibility()
    assert page.get_by_role("heading", level=1).count() == 1
    assert WebAuthnCredential.objects.get(user=manager).last_used_at is not None
    assert not AuditEvent.objects.filter(kind="factor_code_refused").exists()


def test_a_cancelled_passkey_is_explained_and_can_be_tried_again(phone_page):
    page = phone_page
    manager = UserFactory(role="manager")
    cdp, authenticator = virtual_authenticator(page)
    page.sign_in_with_password(manager)
    page.visit("/accounts/second-factor/methods/passkey/")
    page.get_by_label("Name for this passkey").fill("Work phone")
    page.get_by_role("button", name="Add passkey").click()
    page.get_by_text("Your passkey “Work phone” has been added.").wait_for()
    open_menu(page)
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(re.compile(r"/accounts/sign-in/"), wait_until="load")

    # The phone no longer holds the passkey: the browser refuses, as when someone cancels.
    credential = cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})["credentials"][0]
    cdp.send("WebAuthn.removeCredential", {"authenticatorId": authenticator,
                                           "credentialId": credential["credentialId"]})
    page.sign_in_with_password(manager)
    page.get_by_role("button", name="Use your passkey").click()
    problem = page.locator("#passkey-problem")
    problem.filter(has_text="The passkey request was cancelled or refused. Nothing was changed.").wait_for()
    assert page.evaluate("document.activeElement.id") == "passkey-problem"
    assert page.get_by_role("button", name="Use your passkey").is_enabled()
    assert "/accounts/second-factor/check/" in page.url
    page.check_accessibility()
    assert page.evaluate(FITS_THE_SCREEN)
