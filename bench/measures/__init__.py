"""The benchmark's measures: every module here with a `measure(bench)` function is run.

To add one, drop a module in this folder:

    ORDER = 50  # optional: lower runs earlier (pages are 10)

    def measure(bench: Bench) -> Iterable[Result]:
        yield bench.time_page("my dashboard", "manager", "/my/dashboard/")
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def load(only: list[str] | None = None) -> list[ModuleType]:
    """The measure modules, in ORDER then name; only those named if `only` is given."""
    modules = [
        importlib.import_module(f"{__name__}.{info.name}")
        for info in pkgutil.iter_modules(__path__)
        if not info.name.startswith("_") and (not only or info.name in only)
    ]
    return sorted(modules, key=lambda m: (getattr(m, "ORDER", 50), m.__name__))
