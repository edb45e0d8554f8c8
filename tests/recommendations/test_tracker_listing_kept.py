"""Which recommendations a page of the tracker lists, and its filter fields, are kept under the
versions of what they are drawn from (recommendations/tracker_rows.py, filter_fields.py): a change
they show lists or draws afresh, a change elsewhere leaves them kept, and nobody is shown another
person's listing or choices."""

import re

import pytest
from django.contrib.auth.models import update_last_login
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.accounts import UserFactory
from tests.factories.panels import PanelFactory
from tests.factories.recommendations import RecommendationFactory
from tests.factories.reviews import FindingFactory, ReviewFactory, ServiceAreaFactory

TRACKER = "/recommendations/"


def visit(client, query=""):
    """The page, whether it listed afresh (the narrow query of the page's ids) and whether it read
    the choices of its filters (the panels offered)."""
    with CaptureQueriesContext(connection) as queries:
        page = client.get(TRACKER + query).content.decode()
    sqls = [q["sql"] for q in queries]
    listed = any(sql.startswith('SELECT "recommendations_recommendation"."id" AS "pk"') for sql in sqls)
    chose = any('FROM "panels_panel"' in sql and "ORDER BY" in sql for sql in sqls)
    return page, listed, chose


def listed_texts(page):
    return re.findall(r"<br>([^<]+)</td>", page)


@pytest.fixture
def seen(client, world, make_rec):
    world.first = make_rec("submitted", text="Name the team in letters.")
    world.other_panel = PanelFactory(name="Repairs Group")
    world.other = RecommendationFactory(review=ReviewFactory(panel=world.other_panel, title="Repairs"),
                                        status="submitted", created_by=world.member)
    client.force_login(world.member)  # sees their own panel's recommendations alone
    visit(client)
    return world


def test_the_second_visit_lists_and_offers_from_the_cache(client, seen):
    page, listed, chose = visit(client)
    assert not listed and not chose and "Name the team in letters." in page


def test_a_recommendation_of_the_panel_lists_afresh(client, seen, make_rec):
    make_rec("submitted", text="Phone back within a day.")
    page, listed, _ = visit(client)
    assert listed and "Phone back within a day." in page


def test_a_recommendation_of_another_panel_leaves_the_listing_kept(client, seen):
    RecommendationFactory(review=seen.other.review, status="submitted", created_by=seen.member)
    assert not visit(client)[1]


def test_a_sort_asked_for_lists_in_its_order(client, seen, make_rec):
    make_rec("submitted", text="Answer within a week.", priority="high")
    seen.first.priority = "low"
    seen.first.save()
    assert listed_texts(visit(client, "?sort=priority")[0])[:2] == [
        "Answer within a week.", "Name the team in letters."]


def test_a_tenant_is_never_listed_what_a_manager_was(client, seen):
    client.force_login(seen.manager)
    assert "Repairs Group" in visit(client)[0]
    client.force_login(seen.member)
    page, _, _ = visit(client)
    assert "Repairs Group" not in page and "Repairs" not in listed_texts(page)


@pytest.mark.parametrize("change,offered", [
    (lambda w: PanelFactory(name="Estates Panel"), "Estates Panel"),
    (lambda w: ServiceAreaFactory(name="Grounds maintenance"), "Grounds maintenance"),
    (lambda w: ReviewFactory(panel=w.panel, title="Estate walkabouts"), "Estate walkabouts"),
    (lambda w: UserFactory(role="officer", display_name="Ines Novak"), "Ines Novak"),
], ids=["a panel", "a service area", "a review of their panel", "an officer"])
def test_a_new_choice_is_offered_at_once(client, seen, change, offered):
    client.force_login(seen.manager)
    visit(client)
    change(seen)
    page, _, chose = visit(client)
    assert chose and offered in page


@pytest.mark.parametrize("change", [
    lambda w: update_last_login(None, w.member),
    lambda w: FindingFactory(review=w.review),
    lambda w: RecommendationFactory(review=w.review, status="submitted", created_by=w.member),
], ids=["a sign-in", "a finding", "a recommendation"])
def test_a_change_the_choices_do_not_show_leaves_them_kept(client, seen, change):
    change(seen)
    assert not visit(client)[2]
