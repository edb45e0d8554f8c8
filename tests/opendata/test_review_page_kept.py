"""The review page's publishing section keeps whether the report is public and the review's
evidence files under the review's version and its publications': a change it shows draws it
afresh on the next visit, a change to another review's leaves it kept, and only those who may
publish ever see it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from opendata import services
from tests.factories.reviews import DocumentFactory


def visit(client, review):
    """The page, and whether it read the review's publications (not when they were kept)."""
    with CaptureQueriesContext(connection) as queries:
        page = client.get(review.get_absolute_url()).content.decode()
    return page, any('FROM "opendata_publication"' in q["sql"] for q in queries)


def rename(document, title):
    document.title = title
    document.save()


# Each change the section shows, and the words the page shows after it.
SHOWN = {
    "published": (lambda w: services.publish(review=w.review, by=w.admin),
                  "The report has been public since"),
    "a document made public": (
        lambda w: services.mark_evidence(evidence=w.shown, by=w.chair, public_now=True),
        "Complaints policy: public",
    ),
    "a document added": (lambda w: DocumentFactory(review=w.review, title="Call recordings"),
                         "Call recordings"),
    "a document renamed": (lambda w: rename(w.shown, "Complaints policy 2026"), "Complaints policy 2026"),
}
NOT_SHOWN = {
    "another review published": lambda w, o: services.publish(review=o, by=w.admin),
    "a document of another review": lambda w, o: DocumentFactory(review=o, title="Elsewhere"),
}


@pytest.fixture
def other(world):
    """Another completed review of the same panel."""
    world.under_way.stage = world.review.stage
    world.under_way.save()
    return world.under_way


def test_the_section_is_read_once_then_kept(client, world):
    client.force_login(world.chair)

    first, read_first = visit(client, world.review)
    again, read_again = visit(client, world.review)

    assert read_first and not read_again
    assert "Publish the report" in again and "Complaints policy: private" in again


@pytest.mark.parametrize("change", SHOWN)
def test_a_change_the_section_shows_draws_it_afresh(client, world, change):
    write, shown = SHOWN[change]
    client.force_login(world.chair)
    assert shown not in visit(client, world.review)[0]

    write(world)

    page, read = visit(client, world.review)
    assert read and shown in page


def test_taking_the_report_down_shows_at_once(client, world):
    services.publish(review=world.review, by=world.admin)
    client.force_login(world.chair)
    assert "Take the report down" in visit(client, world.review)[0]

    services.unpublish(review=world.review, by=world.chair)

    page, read = visit(client, world.review)
    assert read and "Take the report down" not in page and "Publish the report" in page


@pytest.mark.parametrize("change", NOT_SHOWN)
def test_a_change_to_another_review_leaves_it_kept(client, world, other, change):
    client.force_login(world.chair)
    visit(client, world.review)

    NOT_SHOWN[change](world, other)

    page, read = visit(client, world.review)
    assert not read and "Publish the report" in page and "Elsewhere" not in page


def test_only_those_who_may_publish_see_the_kept_section(client, world):
    client.force_login(world.chair)
    assert "Publish the report" in visit(client, world.review)[0]

    for person, may in ((world.member, False), (world.manager, False), (world.admin, True)):
        client.force_login(person)
        page = visit(client, world.review)[0]
        assert ("Publish the report" in page) == may and ("Make it public" in page) == may
