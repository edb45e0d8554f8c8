"""Places for measures other parts of the product bring: each reports "not built yet" until
the module that measures it replaces its entry here (see bench/measures/__init__.py)."""

from __future__ import annotations

from collections.abc import Iterable

from bench.core import Bench, Result

ORDER = 90
# measure name -> the module that, once it exists in bench/measures/, reports it instead.
SLOTS = {
    "annual report (time, peak memory, size)": "annual_report",
    "self-assessment pooling": "pooling",
    "dashboards": "dashboards",
}


def measure(bench: Bench) -> Iterable[Result]:
    from bench import measures

    present = {m.__name__.rsplit(".", 1)[-1] for m in measures.load()}
    for name, module in SLOTS.items():
        if module not in present:
            yield Result(name, note=f"not measured yet: add bench/measures/{module}.py")
