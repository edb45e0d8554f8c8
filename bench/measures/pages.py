"""The main pages, as each role, on the scale landlord (manage.py seed_scale), drawn afresh.

No page is kept whole (the page cache was removed: every write emptied it), so every request
draws its page as real use does."""

from __future__ import annotations

from collections.abc import Iterable

from bench.core import Bench, Result

ORDER = 10
ROLES = ("tenant", "officer", "manager", "admin")


def measure(bench: Bench) -> Iterable[Result]:
    ids = bench.ids
    large, typical, panel = ids["large_review"], ids["typical_review"], ids["active_panel"]
    for role in ROLES:
        yield bench.time_page("home", role, "/")
        yield bench.time_page("tracker", role, "/recommendations/")
        yield bench.time_page("review page (1,500 findings)", role, f"/reviews/{large}/")
        yield bench.time_page("review page (typical)", role, f"/reviews/{typical}/")
        yield bench.time_page("panel page (very active)", role, f"/panels/{panel}/")
    yield bench.time_page("review page by type", "tenant", f"/reviews/{large}/?group=type")
    yield bench.time_page("report draft (1,500 findings)", "tenant", f"/reviews/{large}/report/")
    yield bench.time_page("review list", "manager", "/reviews/")
    yield bench.time_page("review search", "manager", "/reviews/?q=repairs+late")
    yield bench.time_page("evidence list", "manager", "/reviews/evidence/")
    yield bench.time_page("evidence search", "manager", "/reviews/evidence/?q=complaints")
    yield bench.time_page("tracker filtered by panel", "manager", f"/recommendations/?panel={panel}")
    yield bench.time_page("panel members", "admin", f"/panels/{panel}/members/")
    yield bench.time_page("panel meetings", "tenant", f"/panels/{panel}/meetings/")
    yield bench.time_page("recommendation", "manager", f"/recommendations/{ids['recommendation']}/")
    yield bench.time_page("you said, we did", "tenant", "/recommendations/you-said-we-did/")
