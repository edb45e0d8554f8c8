"""The tracker's rows are kept under the versions of what they show (recommendations/tracker_rows.py):
a change they show draws them afresh, a change elsewhere leaves them kept."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import update_last_login
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories.panels import PanelFactory
from tests.factories.recommendations import ActionFactory, RecommendationFactory
from tests.factories.reviews import FindingFactory, ReviewFactory

TRACKER = "/recommendations/"
ONE_DAY = datetime.timedelta(days=1)


def rename(obj, field, value):
    setattr(obj, field, value)
    obj.save()


def rows_read(queries) -> list:
    """The query reading the page's recommendations whole (none when the rows were kept)."""
    return [q for q in queries if '"recommendations_recommendation"."text"' in q["sql"]]


def visit(client):
    with CaptureQueriesContext(connection) as queries:
        page = client.get(TRACKER).content.decode()
    return page, rows_read(queries)


@pytest.fixture
def seen(client, world, make_rec):
    world.rec = make_rec("in_progress", text="Name the team in letters.",
                         due_date=timezone.localdate() + datetime.timedelta(days=3))
    other = ReviewFactory(panel=PanelFactory(name="Repairs Group"), title="Repairs")
    world.other = RecommendationFactory(review=other, status="submitted", created_by=world.member)
    client.force_login(world.member)  # sees their own panel's recommendations alone
    cache.clear()
    return world


SHOWN = {
    "the recommendation reworded": (lambda w: rename(w.rec, "text", "Sign letters."), "Sign letters."),
    "its review retitled": (lambda w: rename(w.review, "title", "Complaints, again"), "Complaints, again"),
    "its panel renamed": (lambda w: rename(w.panel, "name", "SURE Panel"), "SURE Panel"),
    "its owner renamed": (lambda w: rename(w.owner, "display_name", "Priya S."), "Priya S."),
    "an action of it overdue": (
        lambda w: ActionFactory(recommendation=w.rec, due_date=timezone.localdate() - ONE_DAY),
        "status-tag--danger\">Overdue"),
}
NOT_SHOWN = {
    "a recommendation of another panel": lambda w: rename(w.other, "text", "Fix boilers."),
    "another panel renamed": lambda w: rename(w.other.review.panel, "name", "Repairs Panel"),
    "a finding of the review": lambda w: FindingFactory(review=w.review),
    "a sign-in": lambda w: update_last_login(None, w.member),
}


@pytest.mark.parametrize("change,word", SHOWN.values(), ids=SHOWN.keys())
def test_a_change_the_rows_show_draws_them_afresh(client, seen, change, word):
    first, drawn = visit(client)
    assert drawn and word not in first
    assert not visit(client)[1]  # kept
    change(seen)
    after, drawn = visit(client)
    assert drawn and word in after


@pytest.mark.parametrize("change", NOT_SHOWN.values(), ids=NOT_SHOWN.keys())
def test_a_change_the_rows_do_not_show_leaves_them_kept(client, seen, change):
    visit(client)
    change(seen)
    after, drawn = visit(client)
    assert not drawn and "Name the team in letters." in after


def test_a_new_day_draws_them_afresh_as_work_falls_overdue(client, seen):
    assert "status-tag--danger\">Overdue" not in visit(client)[0]
    with time_machine.travel(timezone.now() + datetime.timedelta(days=5)):
        client.force_login(seen.member)  # the session of five days ago has ended
        page, drawn = visit(client)
    assert drawn and "status-tag--danger\">Overdue" in page


def test_a_new_recommendation_is_listed_at_once(client, seen, make_rec):
    visit(client)
    make_rec("submitted", text="Phone back within a day.")
    assert "Phone back within a day." in visit(client)[0]
