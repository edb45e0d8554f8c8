"""Who the site is to a passkey: its domain (the relying party id), its name, and the addresses
a passkey may be used from (settings.py says where each comes from)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest
from django_otp_webauthn.helpers import WebAuthnHelper

from scrutiny.models import SiteSettings


def _site_url() -> str:
    return settings.SITE_URL.rstrip("/")


def rp_id(request: HttpRequest) -> str:
    """WEBAUTHN_RP_ID, else SITE_URL's host, else the host this request was made to."""
    if settings.WEBAUTHN_RP_ID:
        return settings.WEBAUTHN_RP_ID
    return urlsplit(_site_url()).hostname or request.get_host().rsplit(":", 1)[0].strip("[]")


def rp_name(request: HttpRequest) -> str:
    """The name a browser may show when it asks to make or use a passkey."""
    return f"{SiteSettings.load().landlord_name} tenant scrutiny"


def origins(request: HttpRequest) -> list[str]:
    """WEBAUTHN_ORIGINS, else SITE_URL, else this request's own scheme and host."""
    if settings.WEBAUTHN_ORIGINS:
        return list(settings.WEBAUTHN_ORIGINS)
    if _site_url():
        parts = urlsplit(_site_url())
        return [f"{parts.scheme}://{parts.netloc}"]
    return [f"{request.scheme}://{request.get_host()}"]


class PasskeyHelper(WebAuthnHelper):
    """The library's helper, with the allowed origins worked out per request (above)."""

    def get_allowed_origins(self) -> list[str]:
        return origins(self.request)
