"""The regulator's TSM workbook imported as the worker does it (bench/tsm_import.py): time and
peak memory."""

from __future__ import annotations

from collections.abc import Iterable

from bench.core import Bench, Result

ORDER = 85


def measure(bench: Bench) -> Iterable[Result]:
    from bench import tsm_import

    figures = tsm_import.run()
    yield Result("TSM workbook import (time, memory)", "", figures, note="targets: < 60 s, < 500 MB")
