"""The regulator's code an administrator types in the site settings, checked against the
landlords in the figures imported so far (connected in comparisons/apps.py)."""

from typing import Any

from django.core.exceptions import ValidationError

from comparisons.models import Landlord


def refuse_unknown_regulator_code(sender: Any, *, code: str, **kwargs: Any) -> None:
    """Refuse a code the imported figures do not have. Before any import there is nothing to
    check against; the code is kept for when there is."""
    if Landlord.objects.exists() and not Landlord.objects.filter(code=code).exists():
        raise ValidationError({"regulator_code": (
            f"No landlord with code {code} is in the regulator's figures imported so far. "
            "Check the code on the regulator's list, or leave it empty."
        )})
