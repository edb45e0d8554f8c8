"""The report draft page keeps its body in the cache: never out of date, never shown to someone
who may not see the review, escaped as ever."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.services import erase_person
from reviews import services
from tests.factories.reviews import (
    DocumentFactory,
    FindingFactory,
    InterviewFactory,
    ServiceAreaFactory,
    SiteVisitFactory,
    SiteVisitPhotoFactory,
)


def page(client, world) -> str:
    response = client.get(f"/reviews/{world.review.pk}/report/")
    assert response.status_code == 200
    return response.content.decode()


def body_queries(queries) -> list:
    return [q for q in queries if "reviews_finding" in q["sql"] or "reviews_evidence" in q["sql"]]


def test_the_second_view_reads_the_report_body_from_the_cache(client, world):
    FindingFactory(review=world.review, question=world.q1, statement="Calls go unlogged.")
    DocumentFactory(review=world.review, title="Call log, March")
    client.force_login(world.member)
    cache.clear()
    with CaptureQueriesContext(connection) as first:
        assert "Calls go unlogged." in page(client, world)
    with CaptureQueriesContext(connection) as second:
        html = page(client, world)
    assert "Calls go unlogged." in html and "Call log, March" in html
    assert body_queries(first)
    assert not body_queries(second)
    assert len(second) < len(first) - 5


def test_every_change_the_body_shows_is_seen_at_once(client, world):
    finding = FindingFactory(review=world.review, question=world.q1, raised_by=world.member,
                             statement="Calls go unlogged.")
    client.force_login(world.chair)
    assert "Calls go unlogged." in page(client, world)

    finding.statement = "Calls are logged late."
    finding.save()
    assert "Calls are logged late." in page(client, world)

    FindingFactory(review=world.review, question=world.q2, statement="Replies miss the deadline.")
    assert "Replies miss the deadline." in page(client, world)

    document = DocumentFactory(review=world.review, title="Call log, March")
    assert "1 document read" in page(client, world)
    finding.evidence.add(document)
    assert "(Evidence: Call log, March.)" in page(client, world)
    document.title = "Call log, April"
    document.save()
    assert "Call log, April" in page(client, world)

    interview = InterviewFactory(review=world.review, interviewee_role="Repairs manager")
    assert "with Repairs manager" in page(client, world)  # a job title as typed
    interview.interviewers.add(world.member)
    assert "by Morag Fraser" in page(client, world)

    visit = SiteVisitFactory(review=world.review, place="North area office")
    assert "North area office" in page(client, world)
    SiteVisitPhotoFactory(site_visit=visit)
    assert "(1 photo)" in page(client, world)

    world.panel.name = "Tenants' Scrutiny Panel"
    world.panel.save()
    assert "by Tenants&#x27; Scrutiny Panel" in page(client, world)

    area = ServiceAreaFactory(name="Customer Contact")
    services.update_review(review=world.review, by=world.chair, title=world.review.title,
                           kind=world.review.kind, service_area=area, scope="Every call, every channel.",
                           questions=["Is every call logged?", world.q2.text])
    html = page(client, world)
    assert "of Customer Contact" in html and "Every call, every channel." in html
    assert "Is every call logged?" in html  # questions are renumbered by bulk updates
    area.name = "Contact Centre"
    area.save()
    assert "of Contact Centre" in page(client, world)

    erase_person(user=world.member)
    assert "Morag Fraser" not in page(client, world)

    finding.delete()
    assert "Calls are logged late." not in page(client, world)


def test_someone_who_may_not_see_the_review_gets_nothing_from_the_cache(client, world):
    FindingFactory(review=world.review, question=world.q1, statement="Calls go unlogged.")
    client.force_login(world.member)
    page(client, world)  # kept in the cache
    client.force_login(world.outsider)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/reviews/{world.review.pk}/report/")
    assert response.status_code in (403, 404)
    assert "Calls go unlogged." not in response.content.decode()
    assert not body_queries(queries)


def test_kept_report_body_stays_escaped(client, world):
    FindingFactory(review=world.review, question=world.q1, statement="<script>alert(1)</script>")
    client.force_login(world.member)
    page(client, world)
    html = page(client, world)  # from the cache
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
