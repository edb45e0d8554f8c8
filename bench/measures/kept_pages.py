"""The main pages seen again: kept for the person in the page cache (scrutiny/page_cache.py).

bench/measures/pages.py measures every page drawn afresh, as the first view after any change
to the data is. These are the same main pages as each role sees them again before anything
changes: served from the shared cache, after one request that drew and kept them."""

from __future__ import annotations

from collections.abc import Iterable

from bench.core import Bench, Result
from bench.measures.pages import ROLES

ORDER = 11


def measure(bench: Bench) -> Iterable[Result]:
    ids = bench.ids
    large, typical, panel = ids["large_review"], ids["typical_review"], ids["active_panel"]
    for role in ROLES:
        yield bench.time_page("home (kept)", role, "/", kept=True)
        yield bench.time_page("tracker (kept)", role, "/recommendations/", kept=True)
        yield bench.time_page("review page (1,500 findings, kept)", role, f"/reviews/{large}/", kept=True)
        yield bench.time_page("review page (typical, kept)", role, f"/reviews/{typical}/", kept=True)
        yield bench.time_page("panel page (very active, kept)", role, f"/panels/{panel}/", kept=True)
