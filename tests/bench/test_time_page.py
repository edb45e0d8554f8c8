"""The benchmark's page timing (bench/core.py): pages drawn afresh unless measured kept."""

import pytest
from django.test import Client

from bench.core import Bench
from bench.measures import kept_pages, pages
from scrutiny.models import SiteSettings
from tests.reviews.conftest import world as world  # the fixture


@pytest.mark.django_db
def test_a_page_is_measured_drawn_afresh_unless_it_is_measured_kept(world):
    SiteSettings.load()  # made by the first page otherwise: a write, after which nothing is kept
    bench = Bench(runs=2)
    bench.clients["tenant"] = Client()
    bench.clients["tenant"].force_login(world.member)
    path = f"/reviews/{world.review.pk}/"

    kept = bench.time_page("review page (kept)", "tenant", path, kept=True)
    # The same page, already kept for this person, is still drawn when measured drawn.
    drawn = bench.time_page("review page", "tenant", path)

    assert kept.values["status"] == drawn.values["status"] == 200
    # A kept page reads only the session and the person; a drawn one runs the view's queries.
    assert kept.values["queries"] <= 2 < drawn.values["queries"]
    assert kept.values["kb"] == drawn.values["kb"]
    assert kept.line().startswith("review page (kept)") and path in kept.line()


class Recorder(Bench):
    def time_page(self, measure, role, path, *, runs=None, kept=False):
        self.results.append((measure, role, path, kept))
        return None


def test_the_main_pages_of_every_role_are_also_measured_kept_and_named_so():
    ids = {"large_review": 1, "typical_review": 2, "active_panel": 3, "recommendation": 4}
    drawn, kept = Recorder(ids=ids), Recorder(ids=ids)
    list(pages.measure(drawn))
    list(kept_pages.measure(kept))

    assert not any(was_kept for *_, was_kept in drawn.results)
    assert all(was_kept and "kept)" in name for name, *_, was_kept in kept.results)
    main = [(role, path) for _, role, path, _ in drawn.results[:20]]
    assert [(role, path) for _, role, path, _ in kept.results] == main
    names = {name.split(" (")[0] for name, *_ in kept.results}
    assert names == {"home", "tracker", "review page", "panel page"}
