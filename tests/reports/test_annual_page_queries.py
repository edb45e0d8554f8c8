"""The Annual Report page makes the same number of queries for a quiet year and a busy one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.panels import PanelFactory
from tests.reports.annual_year import build


def _page_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return [q["sql"] for q in queries.captured_queries]


@pytest.mark.parametrize("large_print", [False, True])
def test_the_annual_report_page_queries_do_not_grow_with_the_year(client, world, large_print):
    world.member.large_print_documents = large_print
    world.member.save()
    client.force_login(world.member)
    path = f"/reports/annual/{world.year}/"
    build(year=world.year, panel=PanelFactory(), size=2)
    client.get(path)
    small = _page_queries(client, path)
    build(year=world.year, panel=PanelFactory(), size=12)
    large = _page_queries(client, path)
    page = client.get(path).content.decode()
    assert "Review 11" in page and "14 changes that tenants asked for" in page
    assert len(small) == len(large), "\n".join(q[:160] for q in large)
