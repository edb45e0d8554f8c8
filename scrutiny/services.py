"""Changes to the site settings, made on the product's own Administration pages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from scrutiny import extensions, switches
from scrutiny.locking import claim
from scrutiny.models import SiteSettings
from scrutiny.permissions import ADMIN_REFUSAL, can_administer, require
from scrutiny.translated import ENGLISH, column

if TYPE_CHECKING:
    # The stubs' placeholder for settings.AUTH_USER_MODEL (read by mypy as the site's own User).
    from django.contrib.auth.models import _User as User


def _luminance(hex_colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_with_white(hex_colour: str) -> float:
    """WCAG contrast ratio of white text on this colour (1 to 21)."""
    return 1.05 / (_luminance(hex_colour) + 0.05)


def _checked_codes(fields: dict[str, Any]) -> dict[str, Any]:
    """The regulator's codes and tenures as later apps check them (extensions.SITE_SETTINGS_CHECKS)."""
    for check in extensions.functions(extensions.SITE_SETTINGS_CHECKS):
        fields = check(fields)
    return fields


@transaction.atomic
def update_site_settings(
    *, by: User, version: int, fields: dict[str, Any], switch_values: dict[str, bool]
) -> SiteSettings:
    """Save the landlord's name, logo, colours, contact details and switches."""
    require(can_administer(by), ADMIN_REFUSAL)
    # The record exists from the first time anyone asked for it.
    current = claim(SiteSettings.load(), version=version, by=by, noun="site's settings")
    colour = fields.get("brand_colour", current.brand_colour)
    if contrast_with_white(colour) < 4.5:
        raise ValidationError({"brand_colour": gettext(
            "White text on %(colour)s is too hard to read (contrast %(contrast)s to 1; it must be at least "
            "4.5 to 1). Choose a darker colour."
        ) % {"colour": colour, "contrast": f"{contrast_with_white(colour):.1f}"}})
    fields = dict(fields)
    fields = _checked_codes(fields)
    logo = fields.pop("logo", None)
    if logo is False:
        current.logo = ""
    elif logo:
        current.logo = logo
    alt_text = column("logo_alt_text", ENGLISH)
    if current.logo and not (fields.get(alt_text, getattr(current, alt_text)) or "").strip():
        raise ValidationError({alt_text: gettext("Say what the logo says, for people who cannot see it.")})
    for name, value in fields.items():
        setattr(current, name, value)
    known = {s.key for s in switches.registered()}
    current.switches = {**current.switches, **{k: v for k, v in switch_values.items() if k in known}}
    current.save()
    return current
