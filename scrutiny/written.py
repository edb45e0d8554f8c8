"""Writes that Django's model signals do not announce: `QuerySet.update()` and `bulk_create()`.

A service that writes rows in bulk calls `announce(Model, rows)` after it, so that whatever keeps
a drawing of those rows (the Annual Report to Tenants, reports/annual/kept.py) hears of it as it
hears of a `save()`. With no rows, the receiver must take it that any row may have changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.dispatch import Signal

rows_written = Signal()  # sender: the model; rows: the rows written (saved values), or None


def announce(model: type, rows: Iterable[Any] | None = None) -> None:
    """Tell receivers that these rows of `model` were written in bulk (None: some rows, unknown)."""
    rows_written.send(sender=model, rows=None if rows is None else list(rows))
