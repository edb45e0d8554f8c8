"""The review page keeps its findings section in the cache: never out of date, never shown to
someone who may not see the review, escaped as ever."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.services import erase_person
from reviews import services
from tests.factories.reviews import DocumentFactory, FindingCommentFactory, FindingFactory


def page(client, world) -> str:
    response = client.get(f"/reviews/{world.review.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_second_view_reads_the_findings_from_the_cache(client, world):
    FindingFactory(review=world.review, question=world.q1, raised_by=world.member,
                   statement="Calls go unlogged.")
    client.force_login(world.member)
    cache.clear()
    with CaptureQueriesContext(connection) as first:
        assert "Calls go unlogged." in page(client, world)
    with CaptureQueriesContext(connection) as second:
        assert "Calls go unlogged." in page(client, world)
    assert len(second) < len(first) - 3
    assert not [q for q in second if "reviews_finding" in q["sql"] and "COUNT" not in q["sql"]]


def test_every_change_the_section_shows_is_seen_at_once(client, world):
    finding = FindingFactory(review=world.review, question=world.q1, raised_by=world.member,
                             statement="Calls go unlogged.")
    client.force_login(world.chair)
    assert "Calls go unlogged." in page(client, world)

    finding.statement = "Calls are logged late."
    finding.save()
    assert "Calls are logged late." in page(client, world)

    FindingCommentFactory(finding=finding, author=world.second, kind="agree")
    assert "1 response (1 agree, 0 challenge)" in page(client, world)

    document = DocumentFactory(review=world.review, title="Call log, March")
    finding.evidence.add(document)
    assert "Call log, March" in page(client, world)
    document.title = "Call log, April"
    document.save()
    assert "Call log, April" in page(client, world)

    erase_person(user=world.member)
    html = page(client, world)
    assert "Morag Fraser" not in html and "Raised by Former member" in html

    # Questions are renumbered with bulk updates, which send no signals.
    services.update_review(review=world.review, by=world.chair, title=world.review.title,
                           kind=world.review.kind, questions=["Is every call logged?", world.q2.text])
    assert "Question 1: Is every call logged?" in page(client, world)

    finding.delete()
    assert "Calls are logged late." not in page(client, world)


def test_someone_who_may_not_see_the_review_gets_nothing_from_the_cache(client, world):
    FindingFactory(review=world.review, question=world.q1, statement="Calls go unlogged.")
    client.force_login(world.member)
    page(client, world)  # kept in the cache
    client.force_login(world.outsider)
    response = client.get(f"/reviews/{world.review.pk}/")
    assert response.status_code in (403, 404)
    assert "Calls go unlogged." not in response.content.decode()


def test_kept_findings_stay_escaped(client, world):
    FindingFactory(review=world.review, question=world.q1, statement="<script>alert(1)</script>")
    client.force_login(world.member)
    page(client, world)
    html = page(client, world)  # from the cache
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_someone_signing_in_leaves_the_kept_section_alone(client, world):
    FindingFactory(review=world.review, question=world.q1, statement="Calls go unlogged.")
    client.force_login(world.member)
    page(client, world)
    client.force_login(world.second)  # saves the person's last_login
    with CaptureQueriesContext(connection) as queries:
        assert "Calls go unlogged." in page(client, world)
    assert not [q for q in queries if "reviews_finding" in q["sql"] and "COUNT" not in q["sql"]]
