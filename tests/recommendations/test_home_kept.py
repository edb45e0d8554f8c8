"""What waits for managers on their home page (responses to give, owners to name) is the same
for every manager and kept under the version of every recommendation and the panels' names:
a change it shows reads it afresh, a change it does not show leaves it kept."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.accounts import UserFactory
from tests.factories.reviews import FindingFactory


def waiting_read(queries) -> bool:
    """Whether the page read the recommendations awaiting a response (none when kept)."""
    return any('ORDER BY "recommendations_recommendation"."submitted_at"' in q["sql"] for q in queries)


def visit(client):
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/").content.decode()
    return page, waiting_read(queries)


@pytest.fixture
def seen(client, world, make_rec):
    make_rec("submitted", text="Answer me.")
    client.force_login(world.manager)
    cache.clear()
    page, read = visit(client)
    assert read and "Answer me." in page
    assert not visit(client)[1]  # kept
    return world


def rename(obj, field, value):
    setattr(obj, field, value)
    obj.save()


def test_another_managers_home_finds_them_kept(client, seen):
    client.force_login(UserFactory(role="manager"))
    page, read = visit(client)
    assert not read and "Answer me." in page


@pytest.mark.parametrize("change,word", [
    (lambda w, make: make("submitted", text="And me."), "And me."),
    (lambda w, make: make("accepted", text="Own me."), "Own me."),
    (lambda w, make: rename(w.review, "title", "Complaints, again"), "Complaints, again"),
    (lambda w, make: rename(w.panel, "name", "SURE Panel"), "SURE Panel"),
], ids=["a recommendation submitted", "one accepted", "its review retitled", "its panel renamed"])
def test_a_change_they_show_reads_them_afresh(client, seen, make_rec, change, word):
    change(seen, make_rec)
    page, read = visit(client)
    assert read and word in page


def test_a_finding_leaves_them_kept(client, seen):
    FindingFactory(review=seen.review)
    assert not visit(client)[1]
