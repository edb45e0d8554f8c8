"""Optimistic locking for checklist, visit and answer edits: the same contract as the
project's shared helper (a `version` that goes up on every saved edit; a save naming an older
version is refused with a message saying who saved when)."""

import datetime
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format

M = TypeVar("M", bound=models.Model)


class EditConflict(ValidationError):
    """Someone else saved the item after this person started editing it."""

    def __init__(self, message: str, *, current: models.Model) -> None:
        super().__init__(message, code="conflict")
        self.current = current


def when(moment: datetime.datetime) -> str:
    local = timezone.localtime(moment)
    if local.date() == timezone.localdate():
        return date_format(local, "H:i")
    return date_format(local, "j F Y, H:i")


def claim(instance: M, *, version: int | None, noun: str) -> M:
    """Re-read the row under a lock and return it with its next version; refuse with
    EditConflict if it was saved after `version` (None: code, not a form, so no check)."""
    current = type(instance)._default_manager.select_for_update().get(pk=instance.pk)
    if version is not None and current.version != int(version):
        saved = getattr(current, "updated_at", None)
        at = f" at {when(saved)}" if saved else ""
        raise EditConflict(
            f"Someone else saved a change to this {noun}{at} while you were editing it.",
            current=current,
        )
    current.version += 1
    return current
