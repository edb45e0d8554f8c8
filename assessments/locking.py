"""Optimistic locking for forms two people can open: each save names the version it started
from; if someone saved in between, the save is refused and both texts are shown."""

from django.core.exceptions import ValidationError


class EditConflict(ValidationError):
    """Someone else saved the record after this person opened it."""


def check_version(current, version, what: str) -> None:
    """Refuse the save if `current` (locked with select_for_update) moved past `version`."""
    if current.version != int(version or 0):
        raise EditConflict(
            f"Someone else saved a change to this {what} while you were editing it.", code="conflict"
        )


def bump(current) -> None:
    current.version = current.version + 1
