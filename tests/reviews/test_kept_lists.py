"""The review list and the evidence list keep their rows and their filters in the cache: a change
a row or a filter shows is seen at once, a change elsewhere leaves them kept, and nobody is shown
a choice or a value that is someone else's."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reviews import filter_form
from tests.factories.panels import PanelFactory
from tests.factories.reviews import DocumentFactory, FindingFactory, ReviewFactory


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def get(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def rows_read(queries, table: str) -> list:
    return [q for q in queries if f'"{table}"' in q["sql"] and "COUNT(*)" not in q["sql"]]


def test_the_review_lists_rows_are_drawn_once_and_follow_their_findings(client, world):
    other = ReviewFactory(panel=PanelFactory(name="Quality Panel"), title="Empty homes standard")
    FindingFactory(review=world.review)
    client.force_login(world.member)
    assert "1 finding" in get(client, "/reviews/")
    with CaptureQueriesContext(connection) as queries:
        get(client, "/reviews/")
    assert not rows_read(queries, "reviews_finding")

    FindingFactory(review=other)  # another panel's review, not listed for this member
    with CaptureQueriesContext(connection) as queries:
        get(client, "/reviews/")
    assert not rows_read(queries, "reviews_finding")

    FindingFactory(review=world.review)
    assert "2 findings" in get(client, "/reviews/")
    world.panel.name = "SURE Panel"
    world.panel.save()
    assert "SURE Panel" in get(client, "/reviews/")


def test_the_evidence_lists_rows_are_drawn_once_and_follow_what_they_show(client, world):
    other = ReviewFactory(panel=PanelFactory(name="Quality Panel"))
    document = DocumentFactory(review=world.review, title="Call log, March", added_by=world.second)
    client.force_login(world.member)

    def items_read(queries) -> list:
        return [q for q in queries
                if '"accounts_user"."display_name"' in q["sql"] and "reviews_evidence" in q["sql"]]

    with CaptureQueriesContext(connection) as first:
        assert "Call log, March" in get(client, "/reviews/evidence/")
    DocumentFactory(review=other, title="Voids log")  # not listed for this member
    with CaptureQueriesContext(connection) as queries:
        html = get(client, "/reviews/evidence/")
    assert "Voids log" not in html and "added by Aileen Stewart" in html
    assert items_read(first) and not items_read(queries)

    document.title = "Call log, April"
    document.save()
    assert "Call log, April" in get(client, "/reviews/evidence/")
    world.second.display_name = "Aileen S."
    world.second.save()
    assert "added by Aileen S." in get(client, "/reviews/evidence/")
    world.review.title = "Complaints, again"
    world.review.save()
    assert "Complaints, again" in get(client, "/reviews/evidence/")


def test_the_filters_are_kept_through_a_finding_and_drawn_again_for_a_new_panel(client, world):
    client.force_login(world.manager)
    get(client, "/reviews/")
    with mock.patch("reviews.filter_form.draw", wraps=filter_form.draw) as drawn:
        FindingFactory(review=world.review)
        get(client, "/reviews/")
        assert drawn.call_count == 0
        PanelFactory(name="Quality Panel")
        assert "Quality Panel" in get(client, "/reviews/")
        assert drawn.call_count == 1


def test_a_tenant_never_gets_the_staffs_panels_or_anyones_typed_words(client, world):
    PanelFactory(name="Quality Panel")
    client.force_login(world.manager)
    assert "Quality Panel" in get(client, "/reviews/evidence/")
    assert 'value="rent arrears"' in get(client, "/reviews/evidence/?q=rent+arrears")

    client.force_login(world.member)
    html = get(client, "/reviews/evidence/")
    assert "SURE Team" in html and "Quality Panel" not in html
    assert 'value="rent arrears"' not in html


def test_the_welsh_list_gets_welsh_filters(client, world):
    client.force_login(world.member)
    assert "All panels" in get(client, "/reviews/")
    html = get(client, "/cy/reviews/")
    assert "Pob panel" in html and "All panels" not in html


def test_the_kept_filters_keep_their_search_box_help_and_suggested_reviews(client, world):
    client.force_login(world.member)
    get(client, "/reviews/evidence/")  # drawn and kept
    html = get(client, "/reviews/evidence/")
    assert 'type="search"' in html and "Words from the title, description, notes or measure." in html
    assert '<option value="Complaints handling">' in html  # this member's review, suggested
    html = get(client, "/reviews/?q=late")  # filtered: the form is made to check what was typed
    assert 'type="search"' in html and "title, scope or findings." in html


def test_a_page_of_reviews_is_counted_in_the_query_that_reads_it(client, world):
    for n in range(22):
        ReviewFactory(panel=world.panel, title=f"Walkabout {n}")
    client.force_login(world.member)
    get(client, "/reviews/?q=walkabout")
    with CaptureQueriesContext(connection) as queries:
        html = get(client, "/reviews/?q=walkabout&page=2")
    assert "22 reviews" in html and "Page 2 of 2" in html and html.count("<h3") == 2
    assert not [q for q in queries if "COUNT(*)" in q["sql"] and "reviews_review" in q["sql"]]
    html = get(client, "/reviews/?q=walkabout&page=9")  # past the end: the last page
    assert "Page 2 of 2" in html
    assert "No reviews match" in get(client, "/reviews/?q=nothing+like+it")
