"""Shared parts of `manage.py seed_scale`: the size of the landlord and fast bulk inserts.

Each app that has data worth measuring at scale has a `scale.py` with a `seed(plan)` step,
registered as extensions.SCALE_SEEDS (in app order). A step checks whether its rows are already
there and does nothing if so, which makes the command safe to run again and lets a benchmark
seed once and reuse the database.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, TypeVar

from django.db import models

BATCH = 2000
# Every seeded person's email ends with this, so the scale data is easy to find and to tell
# apart from real people and from the demo.
EMAIL_DOMAIN = "scale.example.org"
# Sizes at full scale: a landlord of 50,000 homes, over ten years.
FULL_HOMES = 50_000
FULL_YEARS = 10

M = TypeVar("M", bound=models.Model)


@dataclass
class Plan:
    """How big the landlord is, and what earlier steps made that later steps need."""

    homes: int = FULL_HOMES
    years: int = FULL_YEARS
    factor: float = 1.0
    seed: int = 18
    today: date = field(default_factory=date.today)
    made: dict[str, Any] = field(default_factory=dict)
    log: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.random = random.Random(self.seed)

    @property
    def volume(self) -> float:
        """How many times the full-scale landlord's rows to make (size times years times factor)."""
        return self.homes / FULL_HOMES * self.years / FULL_YEARS * self.factor

    def count(self, full: int, *, least: int = 1) -> int:
        """A full-scale row count scaled to this plan, never below `least`."""
        return max(least, round(full * self.volume))

    def fixed(self, full: int, *, least: int = 1) -> int:
        """A count that grows with the factor but not with size or years (panels, roles)."""
        return max(least, round(full * self.factor))

    def day(self, *, years_ago_max: float | None = None) -> date:
        """A random day within the plan's years, up to today."""
        span = int(365 * (years_ago_max if years_ago_max is not None else self.years))
        return self.today - timedelta(days=self.random.randint(0, max(span, 1)))

    def note(self, text: str) -> None:
        self.log.append(text)


def bulk(model: type[M], objs: Iterable[M]) -> list[M]:
    """Insert the rows in batches and return them with their primary keys set."""
    return model.objects.bulk_create(list(objs), batch_size=BATCH)


def bulk_children(model: type[M], objs: Sequence[M]) -> None:
    """Insert only the child table's rows of a multi-table inherited model whose parent rows
    exist already (bulk_create refuses such models; this is what save() does for the child)."""
    fields = list(model._meta.local_concrete_fields)
    for start in range(0, len(objs), BATCH):
        model._base_manager._insert(objs[start:start + BATCH], fields=fields)


def chunks(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
