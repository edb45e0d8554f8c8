"""Passkeys on a phone: a manager adds one through Chromium's virtual authenticator (a device
with a fingerprint reader, as far as the page can tell), signs out, and signs in with it as the
second factor; then a cancelled request is explained in plain words. At 360 px, with axe."""

import re

from django_otp_webauthn.models import WebAuthnCredential

from scrutiny.models import AuditEvent
from tests.browser.test_sign_out_clears_phone import open_menu
from tests.factories.accounts import PASSWORD, UserFactory

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

    page.sign_in(manager, PASSWORD)
    page.visit("/accounts/profile/passkeys/add/")
    assert page.evaluate(FITS_THE_SCREEN)
    # A name is needed first: said beside the field and at the top, and nothing is made.
    page.get_by_role("button", name="Add passkey").click()
    page.locator("#passkey-problem").filter(has_text="Give your passkey a name").wait_for()
    assert page.get_by_label("Name for this passkey").get_attribute("aria-invalid") == "true"
    page.check_accessibility()
    assert cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})["credentials"] == []

    page.get_by_label("Name for this passkey").fill("Work phone")
    page.get_by_label("Name for this passkey").press("Enter")  # by keyboard
    page.get_by_text("Your passkey “Work phone” has been added.").wait_for()
    page.check_accessibility()
    assert page.evaluate(FITS_THE_SCREEN)
    passkey = WebAuthnCredential.objects.get(user=manager)
    assert passkey.name == "Work phone"
    assert cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})["credentials"]

    open_menu(page)
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(re.compile(r"/accounts/sign-in/"), wait_until="load")

    page.sign_in(manager, PASSWORD)
    page.visit("/accounts/passkey/")
    assert page.evaluate(FITS_THE_SCREEN)
    page.get_by_role("button", name="Use your passkey").click()
    page.wait_for_url(lambda url: "/accounts/passkey/" not in url, wait_until="load")
    page.check_accessibility()
    passkey.refresh_from_db()
    assert passkey.last_used_at is not None
    assert not AuditEvent.objects.filter(kind="factor_failed").exists()

    # A person who cancels (here: the device refuses) is told so, and can try again.
    cdp.send("WebAuthn.setUserVerified", {"authenticatorId": authenticator, "isUserVerified": False})
    cdp.send("WebAuthn.removeCredential", {
        "authenticatorId": authenticator,
        "credentialId": cdp.send("WebAuthn.getCredentials",
                                 {"authenticatorId": authenticator})["credentials"][0]["credentialId"],
    })
    page.visit("/accounts/passkey/")
    page.get_by_role("button", name="Use your passkey").click()
    problem = page.locator("#passkey-problem")
    problem.filter(has_text=re.compile("cancelled or refused|took too long")).wait_for()
    assert page.evaluate("document.activeElement.id") == "passkey-problem"
    assert page.get_by_role("button", name="Use your passkey").is_enabled()
    page.check_accessibility()
