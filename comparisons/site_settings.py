"""The site settings' regulator codes and tenures, checked against the figures imported so far.

Registered as extensions.SITE_SETTINGS_CHECKS, so that the site settings page (in the scrutiny app) can
check them without importing this app.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from comparisons.models import Figure, Landlord, Regulator, Tenure

TENURE_FIELDS = {"rents_homes": (Tenure.LCRA, "rented homes"),
                 "has_shared_ownership": (Tenure.LCHO, "shared ownership homes")}


def _tidy(code: str | None) -> str:
    return (code or "").strip().upper()


# Each code field, whose register it is checked against, and how that register is named.
CODE_FIELDS = {"regulator_code": (Regulator.RSH, "the regulator's figures"),
               "shr_code": (Regulator.SHR, "the Scottish Housing Regulator's figures")}


def _known(field: str, code: str) -> str:
    """Refused if that regulator's figures have landlords but none with this code."""
    # Before any import there is nothing to check against; the code is kept for when there is.
    regulator, words = CODE_FIELDS[field]
    registered = Landlord.objects.filter(regulator=regulator)
    if code and registered.exists() and not registered.filter(code=code).exists():
        raise ValidationError({field: (
            _("No landlord with code %(code)s is in %(words)s imported so far. Check the code on the "
              "regulator's list, or leave it empty.") % {"code": code, "words": words}
        )})
    return code


def _tenures(code: str, fields: dict[str, Any]) -> None:
    """A tenure ticked must have figures for the landlord, where the landlord has figures at all."""
    figures = Figure.objects.filter(landlord__regulator=Regulator.RSH, landlord__code=code)
    if not code or not figures.exists():
        return
    for name, (tenure, words) in TENURE_FIELDS.items():
        if fields.get(name) and not figures.filter(tenure=tenure).exists():
            raise ValidationError({name: (
                _("The regulator's figures for %(code)s have none for %(words)s. Untick it, or check the "
                  "code.") % {"code": code, "words": words})})


def check(fields: dict[str, Any]) -> dict[str, Any]:
    """The codes as the regulators write them, refused where the imported figures disagree."""
    fields = dict(fields)
    if "regulator_code" in fields:
        fields["regulator_code"] = _known("regulator_code", _tidy(fields["regulator_code"]))
        _tenures(fields["regulator_code"], fields)
    if "shr_code" in fields:
        fields["shr_code"] = _known("shr_code", _tidy(fields["shr_code"]))
    return fields
