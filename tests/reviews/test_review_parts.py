"""The review page keeps the parts everyone who may see the review sees alike (details, stages,
scope, evidence): never out of date, never kept across reviews, never holding anyone's buttons."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reviews import services
from reviews.models import Stage
from tests.factories.reviews import DocumentFactory, FindingFactory, ReviewFactory


def page(client, review) -> str:
    response = client.get(f"/reviews/{review.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def parts_read(queries) -> list:
    tables = ("reviews_stagechange", "reviews_scopequestion", "reviews_evidence")
    return [q for q in queries if any(table in q["sql"] for table in tables)]


def test_the_second_view_reads_the_parts_from_the_cache(client, world):
    DocumentFactory(review=world.review, title="Call log, March", added_by=world.second)
    client.force_login(world.member)
    cache.clear()
    with CaptureQueriesContext(connection) as first:
        html = page(client, world.review)
    assert "Call log, March" in html and "Are complaints recorded?" in html and "SURE Team" in html
    with CaptureQueriesContext(connection) as second:
        html = page(client, world.review)
    assert "Call log, March" in html and "added by Aileen Stewart" in html
    assert parts_read(first) and not parts_read(second)
    assert len(second) < len(first) - 3


def test_every_change_the_parts_show_is_seen_at_once(client, world):
    client.force_login(world.member)
    page(client, world.review)

    services.move_stage(review=world.review, to_stage=Stage.EVIDENCE, by=world.chair)
    world.review.refresh_from_db()
    html = page(client, world.review)
    assert "Evidence gathering:\n    current stage" in html and "(Iain Robertson)" in html

    document = DocumentFactory(review=world.review, title="Call log, March", added_by=world.second)
    assert "Call log, March" in page(client, world.review)
    document.title = "Call log, April"
    document.save()
    assert "Call log, April" in page(client, world.review)

    world.second.display_name = "Aileen S."
    world.second.save()
    assert "added by Aileen S." in page(client, world.review)

    world.panel.name = "SURE Panel"
    world.panel.save()
    assert "SURE Panel" in page(client, world.review)

    services.update_review(review=world.review, by=world.chair, title=world.review.title,
                           kind=world.review.kind, scope="Only stage 2 complaints.",
                           questions=["Is every call logged?"])
    html = page(client, world.review)
    assert "Only stage 2 complaints." in html and "Is every call logged?" in html
    assert "Are complaints answered on time?" not in html

    document.delete()
    assert "Call log, April" not in page(client, world.review)


def test_a_change_to_another_review_leaves_the_parts_kept(client, world):
    other = ReviewFactory(title="Repairs")
    client.force_login(world.member)
    cache.clear()
    page(client, world.review)  # drawn and kept
    DocumentFactory(review=other, title="Repairs log")
    FindingFactory(review=other, statement="Repairs are late.")
    other.title = "Repairs, again"
    other.save()
    with CaptureQueriesContext(connection) as queries:
        page(client, world.review)
    assert not parts_read(queries)


def test_each_person_sees_their_own_buttons_beside_the_kept_parts(client, world):
    client.force_login(world.chair)
    html = page(client, world.review)  # drawn and kept as the chair sees it
    assert "Move the review to another stage" in html and "Add a document" in html

    client.force_login(world.manager)
    html = page(client, world.review)
    assert "Are complaints recorded?" in html
    assert "Move the review to another stage" not in html and "Add a document" not in html
    assert "Change the review" not in html and "Log a finding" not in html


def test_the_kept_stage_form_offers_the_stages_from_where_the_review_is(client, world):
    client.force_login(world.chair)
    assert '<option value="evidence" selected>' in page(client, world.review)  # scoping: next is evidence
    services.move_stage(review=world.review, to_stage=Stage.EVIDENCE, by=world.chair)
    html = page(client, world.review)
    assert '<option value="analysis" selected>' in html and '<option value="evidence"' not in html


def test_the_person_who_proposed_is_named_on_a_proposed_review(client, world):
    proposed = ReviewFactory(panel=world.panel, stage=Stage.PROPOSED, created_by=world.second)
    client.force_login(world.member)
    html = page(client, proposed)
    assert "Proposed by Aileen Stewart" in html and "Confirm the review" not in html
    client.force_login(world.chair)
    assert "Confirm the review" in page(client, proposed)


def test_someone_who_may_not_see_the_review_gets_nothing_from_the_cache(client, world):
    DocumentFactory(review=world.review, title="Call log, March")
    client.force_login(world.member)
    page(client, world.review)  # kept in the cache
    client.force_login(world.outsider)
    response = client.get(f"/reviews/{world.review.pk}/")
    assert response.status_code in (403, 404)
    assert "Call log, March" not in response.content.decode()


def test_a_welsh_page_never_gets_the_english_parts(client, world):
    client.force_login(world.member)
    assert "Questions the review sets out to answer" in page(client, world.review)  # kept in English
    html = client.get(f"/cy/reviews/{world.review.pk}/").content.decode()
    assert "Cwestiynau y mae'r adolygiad yn ceisio eu hateb" in html
    assert "Questions the review sets out to answer" not in html
