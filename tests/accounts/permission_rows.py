import os

from django.test import Client
from django_otp_webauthn.models import WebAuthnCredential

from accounts.models import Invitation, User
from scrutiny.models import UserSession
from tests.factories.accounts import InvitationFactory, UserFactory
from tests.permission_matrix import (
    FORBIDDEN,
    GONE,
    LOGIN,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    REDIRECT,
    Row,
    admins_only,
    everyone,
)

BAD_REQUEST = 400


def _passkey_of(person):
    """The id of a passkey `person` holds (made directly: its key is never used here)."""
    return WebAuthnCredential.objects.create(
        user=person, name="Key", credential_id=os.urandom(16), public_key=b"\xa0", sign_count=0,
    ).pk


def passkey_rows(people):
    """Passkeys' pages. Removing one is the second factor's own remove (its rows below)."""
    sf = "/accounts/second-factor"
    stranger = _passkey_of(UserFactory())

    def own(role):
        pk = _passkey_of(people[role]) if role in people else stranger
        return f"{sf}/methods/passkey/{pk}/remove/"

    json_only = everyone(NOT_ALLOWED, anonymous=FORBIDDEN)  # steps the page's script posts to
    return [
        Row("accounts:second-factor-add-passkey", f"{sf}/methods/passkey/", everyone(OK)),
        # Finishing before starting is refused (no challenge was given out), then starting works.
        Row("accounts:second-factor-add-passkey-finish", f"{sf}/methods/passkey/finish/", json_only),
        Row("accounts:second-factor-add-passkey-finish", f"{sf}/methods/passkey/finish/",
            everyone(BAD_REQUEST, anonymous=FORBIDDEN), method="post"),
        Row("accounts:second-factor-add-passkey-options", f"{sf}/methods/passkey/options/", json_only),
        Row("accounts:second-factor-add-passkey-options", f"{sf}/methods/passkey/options/",
            everyone(OK, anonymous=FORBIDDEN), method="post", data={"name": "Laptop"}),
        Row("accounts:second-factor-passkey-finish", f"{sf}/check/passkey/finish/", json_only),
        Row("accounts:second-factor-passkey-finish", f"{sf}/check/passkey/finish/",
            everyone(BAD_REQUEST, anonymous=FORBIDDEN), method="post"),
        Row("accounts:second-factor-passkey-options", f"{sf}/check/passkey/options/", json_only),
        Row("accounts:second-factor-passkey-options", f"{sf}/check/passkey/options/",
            everyone(OK, anonymous=FORBIDDEN), method="post"),
        # Back to the methods page: someone else's passkey is not found, one's own goes (staff
        # keep their last method, and are told why).
        Row("accounts:second-factor-remove", f"{sf}/methods/passkey/{stranger}/remove/", everyone(REDIRECT),
            method="post"),
        Row("accounts:second-factor-remove", own, everyone(REDIRECT), method="post"),
    ]


def _session_of(person):
    """The id of a session of `person` in another browser, signed in afresh."""
    browser = Client()
    browser.force_login(person)
    return UserSession.objects.get(session_key=browser.session.session_key).pk


def rows(people):
    pending = InvitationFactory()
    valid = Invitation(email="new.member@example.org", display_name="New Member")
    token = valid.new_token()
    valid.save()
    stranger = _session_of(UserFactory())
    return [
        Row("accounts:sessions", "/accounts/profile/sessions/?page=2", everyone(OK)),
        Row("accounts:session-end", f"/accounts/profile/sessions/{stranger}/end/",
            everyone(NOT_FOUND), method="post"),
        Row("accounts:session-end", lambda role: (
            f"/accounts/profile/sessions/{_session_of(people[role]) if role in people else stranger}/end/"),
            everyone(REDIRECT), method="post"),
        Row("accounts:session-end", f"/accounts/profile/sessions/{stranger}/end/",
            everyone(NOT_ALLOWED, anonymous=NOT_ALLOWED)),
        Row("accounts:sessions-end-others", "/accounts/profile/sessions/end-others/", everyone(REDIRECT),
            method="post"),
        Row("accounts:sessions-end-others", "/accounts/profile/sessions/end-others/",
            everyone(NOT_ALLOWED, anonymous=NOT_ALLOWED)),
        Row("accounts:login", "/accounts/sign-in/", everyone(REDIRECT, anonymous=OK)),
        Row("accounts:logout", "/accounts/sign-out/", everyone(LOGIN, anonymous=LOGIN), method="post"),
        Row("accounts:profile", "/accounts/profile/", everyone(OK)),
        Row("accounts:personal-data", "/accounts/profile/my-data.json", everyone(OK)),
        Row("accounts:notices-read", "/accounts/notices/read/", everyone(REDIRECT), method="post"),
        Row("accounts:notices-read", "/accounts/notices/read/", everyone(NOT_ALLOWED, anonymous=NOT_ALLOWED)),
        Row("accounts:password-change", "/accounts/profile/password/", everyone(OK)),
        Row("accounts:password-change-done", "/accounts/profile/password/done/", everyone(OK)),
        Row("accounts:password-reset", "/accounts/password-reset/", everyone(OK, anonymous=OK)),
        Row("accounts:password-reset-sent", "/accounts/password-reset/sent/",
            everyone(OK, anonymous=OK)),
        Row("accounts:password-reset-confirm", "/accounts/password-reset/MQ/bad-token/",
            everyone(OK, anonymous=OK)),
        Row("accounts:password-reset-complete", "/accounts/password-reset/done/",
            everyone(OK, anonymous=OK)),
        Row("accounts:invitations", "/accounts/invitations/", admins_only()),
        Row("accounts:people", "/accounts/people/?q=a&page=2", admins_only()),
        Row("accounts:person-edit", f"/accounts/people/{people['tenant'].pk}/", admins_only()),
        Row("accounts:person-edit", f"/accounts/people/{people['tenant'].pk}/", admins_only(),
            method="post"),
        Row("accounts:person-edit", f"/accounts/people/{people['tenant'].pk}/", admins_only(REDIRECT),
            method="post", data=lambda role: {
                "role": "tenant", "is_active": "on",
                "version": User.objects.get(pk=people["tenant"].pk).version}),
        Row("accounts:resend-invitation", f"/accounts/invitations/{pending.pk}/resend/",
            admins_only(REDIRECT), method="post"),
        Row("accounts:resend-invitation", f"/accounts/invitations/{pending.pk}/resend/",
            everyone(NOT_ALLOWED, anonymous=NOT_ALLOWED)),
        Row("accounts:accept-invitation", f"/accounts/invitation/{token}/", everyone(OK, anonymous=OK)),
        Row("accounts:accept-invitation", "/accounts/invitation/not-a-real-token/",
            everyone(GONE, anonymous=GONE)),
        *passkey_rows(people),
        *_second_factor_rows(people),
    ]


def _second_factor_rows(people):
    """The second factor's pages, for sessions that have passed it (the password-only state is
    checked for every URL in tests/test_permissions.py)."""
    sf = "/accounts/second-factor"
    person = people["tenant"].pk
    return [
        # Passed already: back where the person was going.
        Row("accounts:second-factor-step", f"{sf}/check/", everyone(REDIRECT)),
        Row("accounts:second-factor-check", f"{sf}/check/authenticator/", everyone(REDIRECT),
            method="post"),
        Row("accounts:second-factor-methods", f"{sf}/methods/", everyone(OK)),
        Row("accounts:second-factor-add-authenticator", f"{sf}/methods/authenticator/", everyone(OK)),
        # The QR code of the key the page above just made for the person.
        Row("accounts:second-factor-authenticator-qr", f"{sf}/methods/authenticator/qr.svg",
            everyone(OK)),
        # Codes are made by POST and shown once; nobody here has a method to back up yet.
        Row("accounts:second-factor-recovery-codes", f"{sf}/methods/recovery-codes/", everyone(REDIRECT)),
        Row("accounts:second-factor-recovery-codes", f"{sf}/methods/recovery-codes/", everyone(REDIRECT),
            method="post"),
        Row("accounts:second-factor-recovery-codes-download", f"{sf}/methods/recovery-codes.txt",
            everyone(NOT_FOUND)),
        Row("accounts:second-factor-remove", f"{sf}/methods/authenticator/999999/remove/",
            everyone(REDIRECT), method="post"),
        Row("accounts:second-factor-remove", f"{sf}/methods/authenticator/999999/remove/",
            everyone(NOT_ALLOWED, anonymous=NOT_ALLOWED)),
        Row("accounts:second-factor-reset", f"/accounts/people/{person}/second-factor/reset/",
            admins_only(REDIRECT), method="post"),
        Row("accounts:second-factor-reset", f"/accounts/people/{person}/second-factor/reset/",
            everyone(NOT_ALLOWED, anonymous=NOT_ALLOWED)),
    ]
