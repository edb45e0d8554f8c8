"""The Annual Report page makes the same number of queries for a quiet year and a busy one, and
only the person's session and account once it is kept."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.panels import PanelFactory
from tests.reports.annual_year import build


def _page_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return [q["sql"] for q in queries.captured_queries]


def _drawn_afresh(client, path):
    cache.clear()
    return _page_queries(client, path)


@pytest.mark.parametrize("large_print", [False, True])
def test_the_annual_report_page_queries_do_not_grow_with_the_year(client, world, large_print):
    world.member.large_print_documents = large_print
    world.member.save()
    client.force_login(world.member)
    path = f"/reports/annual/{world.year}/"
    build(year=world.year, panel=PanelFactory(), size=2)
    client.get(path)
    small = _drawn_afresh(client, path)
    build(year=world.year, panel=PanelFactory(), size=12)
    large = _drawn_afresh(client, path)
    page = client.get(path).content.decode()
    assert "Review 11" in page and "14 changes that tenants asked for" in page
    assert len(small) == len(large), "\n".join(q[:160] for q in large)


def test_a_kept_annual_report_page_costs_only_the_persons_session_and_account(client, world):
    client.force_login(world.member)
    path = f"/reports/annual/{world.year}/"
    build(year=world.year, panel=PanelFactory(), size=3)
    client.get(path)
    kept = _page_queries(client, path)
    # The session is read from the cache where the cache is shared (scrutiny/sessions.py).
    assert 1 <= len(kept) <= 2 and all("django_session" in q or "accounts_user" in q for q in kept)
