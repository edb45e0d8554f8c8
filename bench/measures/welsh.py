"""The main pages in Welsh beside the same pages in English (issue: within 10 %).

Each page is timed in English and then in Welsh, as the same person, with the baselines in turn
(Bench.time_page); the Welsh line adds `x_english_cpu`, the Welsh page's CPU time over the
English one's, measured minutes apart on the same data."""

from __future__ import annotations

from collections.abc import Iterable

from bench.core import Bench, Result

ORDER = 60


def measure(bench: Bench) -> Iterable[Result]:
    ids = bench.ids
    pages = [
        ("home", "tenant", "/"),
        ("tracker", "manager", "/recommendations/"),
        ("review page (typical)", "tenant", f"/reviews/{ids['typical_review']}/"),
        ("review page (1,500 findings)", "officer", f"/reviews/{ids['large_review']}/"),
        ("panel page (very active)", "tenant", f"/panels/{ids['active_panel']}/"),
        ("recommendation", "manager", f"/recommendations/{ids['recommendation']}/"),
        ("you said, we did", "tenant", "/recommendations/you-said-we-did/"),
    ]
    for name, role, path in pages:
        english = bench.time_page(f"{name} (English)", role, path)
        yield english
        welsh = bench.time_page(f"{name} (Welsh)", role, "/cy" + path)
        welsh.values["x_english_cpu"] = round(welsh.values["cpu_ms"] / english.values["cpu_ms"], 2)
        welsh.values["x_english_median"] = round(welsh.values["median_ms"] / english.values["median_ms"], 2)
        yield welsh
