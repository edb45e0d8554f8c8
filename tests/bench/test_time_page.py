"""The benchmark's page timing (bench/core.py): every page drawn afresh."""

import pytest
from django.test import Client

from bench.core import Bench
from bench.measures import pages
from tests.reviews.conftest import world as world  # the fixture


@pytest.mark.django_db
def test_a_page_is_measured_drawn_afresh_with_its_own_queries(world):
    bench = Bench(runs=2)
    bench.clients["tenant"] = Client()
    bench.clients["tenant"].force_login(world.member)
    path = f"/reviews/{world.review.pk}/"

    first = bench.time_page("review page", "tenant", path)
    again = bench.time_page("review page", "tenant", path)

    assert first.values["status"] == again.values["status"] == 200
    # Seen again, the page still runs the view's queries: nothing keeps the whole page.
    assert again.values["queries"] > 2
    assert first.values["kb"] == again.values["kb"]
    assert first.line().startswith("review page") and path in first.line()


class Recorder(Bench):
    def time_page(self, measure, role, path, *, runs=None):
        self.results.append((measure, role, path))
        return None


def test_the_main_pages_of_every_role_are_measured():
    ids = {"large_review": 1, "typical_review": 2, "active_panel": 3, "recommendation": 4}
    recorder = Recorder(ids=ids)
    list(pages.measure(recorder))

    main = {name.split(" (")[0] for name, role, _ in recorder.results[:20]}
    assert main == {"home", "tracker", "review page", "panel page"}
    assert {role for _, role, _ in recorder.results[:20]} == set(pages.ROLES)
