"""Who may import the regulator's figures: administrators only, as the figures are the site's own."""

from __future__ import annotations

from scrutiny.permissions import Person, is_admin


def can_import(user: Person) -> bool:
    """Only administrators upload, preview and apply the regulator's data."""
    return is_admin(user)
