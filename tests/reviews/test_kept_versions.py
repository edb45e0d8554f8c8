"""A review's kept sections (findings, report body) are kept under the review's own versions:
every change they show renews them, and a change anywhere else, another review's above all,
leaves them kept."""

import pytest
from django.contrib.auth.models import update_last_login
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reviews.findings_section import version
from reviews.models import Stage, StageChange
from tests.factories.accounts import UserFactory
from tests.factories.panels import MeetingFactory, PanelFactory
from tests.factories.recommendations import RecommendationFactory
from tests.factories.reviews import (
    DocumentFactory,
    FindingCommentFactory,
    FindingFactory,
    InterviewFactory,
    ReviewFactory,
    ServiceAreaFactory,
    SiteVisitFactory,
    SiteVisitPhotoFactory,
)


@pytest.fixture
def other(world):
    """Another panel's review, with a finding and a site visit of its own."""
    review = ReviewFactory(panel=PanelFactory(name="Repairs Group"), title="Repairs")
    return {"review": review, "finding": FindingFactory(review=review),
            "visit": SiteVisitFactory(review=review)}


def rename(obj, field, value):
    setattr(obj, field, value)
    obj.save()


SHOWN = {
    "a finding logged": lambda w: FindingFactory(review=w.review, question=w.q1),
    "a finding reworded": lambda w: rename(FindingFactory(review=w.review), "statement", "New"),
    "a finding deleted": lambda w: FindingFactory(review=w.review).delete(),
    "a response to a finding": lambda w: FindingCommentFactory(finding=FindingFactory(review=w.review)),
    "a document added": lambda w: DocumentFactory(review=w.review),
    "a finding's evidence linked": lambda w: FindingFactory(review=w.review).evidence.add(
        DocumentFactory(review=w.review)),
    "a site visit's photo": lambda w: SiteVisitPhotoFactory(site_visit=SiteVisitFactory(review=w.review)),
    "an interviewer named": lambda w: InterviewFactory(review=w.review).interviewers.add(w.second),
    "evidence's finding linked": lambda w: DocumentFactory(review=w.review).findings.add(
        FindingFactory(review=w.review)),
    "a question reworded": lambda w: rename(w.q1, "text", "Is every call logged?"),
    "a stage move": lambda w: StageChange.objects.create(review=w.review, to_stage=Stage.EVIDENCE),
    "the review retitled": lambda w: rename(w.review, "title", "Complaints, again"),
    "the panel renamed": lambda w: rename(w.panel, "name", "SURE Panel"),
    "the service area renamed": lambda w: rename(w.review.service_area, "name", "Lettings"),
    "a person renamed": lambda w: rename(w.member, "display_name", "Morag F."),
}
NOT_SHOWN = {
    "a finding in another review": lambda w, o: FindingFactory(review=o["review"]),
    "a response in another review": lambda w, o: FindingCommentFactory(finding=o["finding"]),
    "a document in another review": lambda w, o: DocumentFactory(review=o["review"]),
    "a photo in another review": lambda w, o: SiteVisitPhotoFactory(site_visit=o["visit"]),
    "another review retitled": lambda w, o: rename(o["review"], "title", "Repairs, again"),
    "another panel renamed": lambda w, o: rename(o["review"].panel, "name", "Repairs Panel"),
    "another service area renamed": lambda w, o: rename(ServiceAreaFactory(), "name", "Gardens"),
    "a sign-in": lambda w, o: update_last_login(None, w.member),
    "a person signing up": lambda w, o: UserFactory(),
    "a meeting of the panel": lambda w, o: MeetingFactory(panel=w.panel),
    "a recommendation": lambda w, o: RecommendationFactory(review=o["review"]),
}


@pytest.fixture
def with_area(world):
    world.review.service_area = ServiceAreaFactory(name="Housing management")
    world.review.save()
    return world


@pytest.mark.parametrize("change", SHOWN.values(), ids=SHOWN.keys())
def test_a_change_the_sections_show_renews_the_reviews_versions(with_area, change):
    before = version(with_area.review)
    change(with_area)
    with_area.review.refresh_from_db()
    assert version(with_area.review) != before


@pytest.mark.parametrize("change", NOT_SHOWN.values(), ids=NOT_SHOWN.keys())
def test_a_change_the_sections_do_not_show_leaves_them_kept(with_area, other, change):
    before = version(with_area.review)
    change(with_area, other)
    assert version(with_area.review) == before


def findings_read(queries) -> list:
    return [q for q in queries if "reviews_finding" in q["sql"] and "COUNT" not in q["sql"]]


def test_a_finding_in_another_review_leaves_this_reviews_page_kept(client, world, other):
    FindingFactory(review=world.review, question=world.q1, statement="Calls go unlogged.")
    client.force_login(world.member)
    cache.clear()
    client.get(f"/reviews/{world.review.pk}/")  # drawn and kept
    FindingFactory(review=other["review"], statement="Repairs are late.")
    with CaptureQueriesContext(connection) as queries:
        assert "Calls go unlogged." in client.get(f"/reviews/{world.review.pk}/").content.decode()
    assert not findings_read(queries)

    FindingFactory(review=world.review, question=world.q2, statement="Replies are late.")
    with CaptureQueriesContext(connection) as queries:
        assert "Replies are late." in client.get(f"/reviews/{world.review.pk}/").content.decode()
    assert findings_read(queries)


def test_a_finding_in_another_review_leaves_this_reviews_report_body_kept(client, world, other):
    FindingFactory(review=world.review, question=world.q1, statement="Calls go unlogged.")
    client.force_login(world.chair)
    cache.clear()
    path = f"/reviews/{world.review.pk}/report/"
    client.get(path)  # drawn and kept
    FindingFactory(review=other["review"], statement="Repairs are late.")
    DocumentFactory(review=other["review"], title="Repairs log")
    with CaptureQueriesContext(connection) as queries:
        assert "Calls go unlogged." in client.get(path).content.decode()
    assert not findings_read(queries)

    DocumentFactory(review=world.review, title="Call log, March")
    assert "Call log, March" in client.get(path).content.decode()
