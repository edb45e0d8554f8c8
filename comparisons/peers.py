"""Choosing by name the landlords to compare with, instead of those like us by type, size and region."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from comparisons.models import Landlord, PeerChoice

REFUSAL = "Only an administrator can choose the landlords to compare with."


def codes_in(text: str) -> list[str]:
    """The codes typed, one a line or separated by commas or spaces, each once, in the order typed."""
    return list(dict.fromkeys(code for code in re.split(r"[\s,;]+", text or "") if code))


def choose_peers(*, codes: list[str]) -> PeerChoice:
    """Compare with these landlords from now on (none: with landlords like us again). Every code
    must be one in the regulator's imported figures."""
    known = set(Landlord.objects.filter(code__in=codes).values_list("code", flat=True))
    unknown = [code for code in codes if code not in known]
    if unknown:
        raise ValidationError(_("These codes are not in the regulator's figures: %(codes)s. Check them "
                                "against the imported landlords' codes.") % {"codes": ", ".join(unknown)},
                              code="unknown")
    choice, _created = PeerChoice.objects.update_or_create(pk=1, defaults={"peer_codes": codes})
    return choice
