"""The list of "You said, we did" is kept under the page's version (recommendations/public.py): a
change it shows lists afresh, a change it does not show leaves it kept."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.reviews import FindingFactory

URL = "/recommendations/you-said-we-did/"


def visit(client, path=URL):
    """The page and whether its recommendations were read (none when the list was kept)."""
    with CaptureQueriesContext(connection) as queries:
        page = client.get(path).content.decode()
    return page, any('"impact_statement"' in q["sql"] for q in queries)


@pytest.fixture
def verified(client, world, make_rec):
    rec = make_rec("verified", text="Name the team in every letter.",
                   impact_statement="Tenants know who to call.")
    client.force_login(world.member)
    assert visit(client)[1] and not visit(client)[1]  # read, then kept
    return rec


def test_a_verified_recommendation_changed_lists_afresh(client, verified):
    verified.impact_statement = "Tenants reach the right person first time."
    verified.save()
    page, read = visit(client)
    assert read and "Tenants reach the right person first time." in page


def test_its_review_retitled_lists_afresh(client, world, verified):
    world.review.title = "Complaints, again"
    world.review.save()
    page, read = visit(client)
    assert read and "Complaints, again" in page


@pytest.mark.parametrize("change", [
    lambda w, make_rec: make_rec("submitted", text="Phone back within a day."),
    lambda w, make_rec: FindingFactory(review=w.review),
], ids=["a recommendation not verified", "a finding"])
def test_a_change_it_does_not_show_leaves_it_kept(client, world, make_rec, verified, change):
    change(world, make_rec)
    page, read = visit(client)
    assert not read and "Tenants know who to call." in page


def test_each_page_and_language_is_kept_apart(client, verified):
    assert visit(client, URL + "?page=2")[1]  # (past the last page: the last page, drawn for its address)
    welsh, read = visit(client, "/cy" + URL)
    assert read and 'lang="cy"' in welsh
