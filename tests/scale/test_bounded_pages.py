"""Pages stay the same size however much data there is: a review with 100 or 1,000 findings,
a tracker over 100 or 1,000 reviews, shows the same number of rows and makes the same queries."""

import re
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from panels.models import PanelRole
from recommendations import selectors
from recommendations.models import Recommendation, Status
from reviews.models import Finding, FindingComment, FindingKind, Review
from reviews.selectors import FINDINGS_PER_PAGE, REPORT_FINDINGS_PER_PAGE
from scrutiny.widgets import DATALIST_SIZE
from tests.factories.accounts import UserFactory
from tests.factories.panels import MembershipFactory, PanelFactory
from tests.factories.reviews import ReviewFactory, ScopeQuestionFactory

pytestmark = pytest.mark.django_db
FINDING_ITEM = "Open the finding<span"


def review_with_findings(panel, member, n: int) -> Review:
    review = ReviewFactory(panel=panel, title=f"Review with {n} findings")
    questions = [ScopeQuestionFactory(review=review, number=i, text=f"Question {i}?") for i in (1, 2, 3)]
    findings = Finding.objects.bulk_create(
        Finding(review=review, kind=FindingKind.values[i % 3], statement=f"Finding number {i}.",
                question=questions[i % 4] if i % 4 < 3 else None, raised_by=member)
        for i in range(n)
    )
    FindingComment.objects.bulk_create(
        FindingComment(finding=f, author=member, kind="agree") for f in findings
    )
    return review


def get(client, url: str) -> tuple[str, int]:
    cache.clear()  # counted uncached: the tracker keeps its figures for a minute
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


@pytest.fixture
def member(db):
    panel = PanelFactory(name="SURE Team")
    person = UserFactory(role="tenant")
    MembershipFactory(panel=panel, user=person, role=PanelRole.CHAIR)
    return panel, person


@pytest.mark.parametrize("path,per_page", [
    ("/reviews/{pk}/", FINDINGS_PER_PAGE),
    ("/reviews/{pk}/?group=type", FINDINGS_PER_PAGE),
    ("/reviews/{pk}/report/", REPORT_FINDINGS_PER_PAGE),
])
def test_a_review_page_shows_one_page_of_findings_at_any_size(client, member, path, per_page):
    panel, person = member
    small, large = (review_with_findings(panel, person, n) for n in (per_page * 2, per_page * 20))
    client.force_login(person)
    client.get(path.format(pk=small.pk))  # warm up: session, site settings
    small_page, small_queries = get(client, path.format(pk=small.pk))
    large_page, large_queries = get(client, path.format(pk=large.pk))
    marker = FINDING_ITEM if "report" not in path else "<strong>Finding "
    assert small_page.count(marker) == large_page.count(marker) == per_page
    assert small_queries == large_queries
    assert "Page 1 of 20" in large_page
    # Within a few per cent: only numbers (counts, page numbers) differ in length.
    assert abs(len(large_page) - len(small_page)) < len(small_page) * 0.05


def test_the_last_page_of_findings_holds_the_rest_and_every_finding_is_shown_once(client, member):
    panel, person = member
    review = review_with_findings(panel, person, FINDINGS_PER_PAGE + 7)
    client.force_login(person)
    seen = []
    for page in (1, 2):
        html = client.get(f"/reviews/{review.pk}/?page={page}").content.decode()
        seen += [f for f in Finding.objects.filter(review=review) if f">{f.statement}<" in html]
    assert len(seen) == len({f.pk for f in seen}) == FINDINGS_PER_PAGE + 7


def tracker_world(n_reviews: int):
    panel = PanelFactory()
    manager = UserFactory(role="manager")
    reviews = Review.objects.bulk_create(Review(panel=panel, title=f"Review {i}") for i in range(n_reviews))
    Recommendation.objects.bulk_create(
        Recommendation(review=r, number=1, text="Tell tenants.", status=Status.SUBMITTED) for r in reviews
    )
    for i in range(min(n_reviews, DATALIST_SIZE + 5)):
        UserFactory(role="officer", display_name=f"Officer {i}")
    return manager


@pytest.mark.parametrize("n", [DATALIST_SIZE * 2, DATALIST_SIZE * 20])
def test_the_tracker_suggests_a_bounded_number_of_reviews_and_owners(client, n):
    manager = tracker_world(n)
    client.force_login(manager)
    page = client.get("/recommendations/").content.decode()
    assert page.count("<option value=\"Review ") == DATALIST_SIZE
    assert "<select name=\"review\"" not in page and "<select name=\"owner\"" not in page


def test_the_tracker_makes_the_same_queries_and_rows_for_100_or_1000_reviews(client):
    manager = tracker_world(100)
    client.force_login(manager)
    client.get("/recommendations/")
    small_page, small_queries = get(client, "/recommendations/")
    panel = PanelFactory()
    more = Review.objects.bulk_create(Review(panel=panel, title=f"More {i}") for i in range(900))
    Recommendation.objects.bulk_create(
        Recommendation(review=r, number=1, text="Tell tenants.", status=Status.SUBMITTED) for r in more
    )
    large_page, large_queries = get(client, "/recommendations/")
    assert small_queries == large_queries
    assert small_page.count("<tr") == large_page.count("<tr")


def titles(response):
    """The reviews' titles of the recommendations the tracker lists (its page holds their ids)."""
    return [Recommendation.objects.get(pk=pk).review.title for pk in response.context["page"].object_list]


def test_the_tracker_filters_by_part_of_a_review_title_and_an_owner_name(client):
    manager = tracker_world(3)
    client.force_login(manager)
    response = client.get("/recommendations/?review_title=view 1")
    assert titles(response) == ["Review 1"]
    owner = UserFactory(role="officer", display_name="Jo Smith")
    Recommendation.objects.filter(review__title="Review 2").update(owner=owner)
    response = client.get("/recommendations/?owner_name=jo smi")
    assert titles(response) == ["Review 2"]


@pytest.mark.parametrize("path", ["/panels/{pk}/", "/panels/{pk}/members/"])
def test_panel_pages_show_a_bounded_number_of_members(client, path):
    from tests.factories.panels import MembershipFactory as Member

    sizes = {}
    for n in (60, 200):
        panel = PanelFactory(name=f"Panel of {n}")
        chair = Member(panel=panel, role=PanelRole.CHAIR).user
        for _ in range(n):
            Member(panel=panel)
        client.force_login(chair)
        client.get(path.format(pk=panel.pk))
        html, queries = get(client, path.format(pk=panel.pk))
        sizes[n] = (html.count('<h3 class="h6 mb-1">'), queries)
        assert f"({n + 1})" in html  # the heading still counts everyone
    assert sizes[60] == sizes[200]


def test_the_tracker_figures_come_from_the_cache_until_a_recommendation_changes(client):
    manager = tracker_world(5)
    client.force_login(manager)
    with mock.patch("recommendations.selectors.summary", wraps=selectors.summary) as worked_out:
        assert client.get("/recommendations/").context["summary"]["awaiting"] == 5
        assert client.get("/recommendations/").context["summary"]["awaiting"] == 5
        assert worked_out.call_count == 1
        first = Recommendation.objects.order_by("pk").first()
        first.status = Status.DRAFT
        first.save()
        assert client.get("/recommendations/").context["summary"]["awaiting"] == 4
        assert worked_out.call_count == 2


def test_the_tracker_figures_are_worked_out_again_when_a_recommendation_is_deleted(client):
    manager = tracker_world(5)
    client.force_login(manager)
    assert client.get("/recommendations/").context["summary"]["awaiting"] == 5
    Recommendation.objects.order_by("updated_at").first().delete()
    assert client.get("/recommendations/").context["summary"]["awaiting"] == 4


def test_the_tracker_figures_are_worked_out_again_when_their_version_is_lost(client):
    from recommendations.selectors import ALL_KEY

    manager = tracker_world(5)
    client.force_login(manager)
    assert client.get("/recommendations/").context["summary"]["awaiting"] == 5
    # Redis restarted, say, and came back empty but for the figures: a new version, new figures.
    with mock.patch("recommendations.signals.forget_figures"):
        Recommendation.objects.order_by("updated_at").first().delete()
    cache.delete(ALL_KEY)
    assert client.get("/recommendations/").context["summary"]["awaiting"] == 4


def test_the_tracker_knows_its_figures_are_current_without_reading_the_tables_again(client):
    manager = tracker_world(5)
    client.force_login(manager)
    client.get("/recommendations/")
    with CaptureQueriesContext(connection) as ctx:
        client.get("/recommendations/")
    sqls = [q["sql"] for q in ctx.captured_queries]
    assert not [sql for sql in sqls if sql.startswith('SELECT COUNT("recommendations_')]
    assert not [sql for sql in sqls if '"updated_at" DESC' in sql or "MAX(" in sql]


def training_panel(n: int):
    """A panel of n members, each with two courses, one of them due a refresher."""
    from datetime import timedelta

    from django.utils import timezone

    from panels.models import Membership, Training

    today = timezone.localdate()
    panel = PanelFactory(name=f"Trained panel of {n}")
    chair = MembershipFactory(panel=panel, role=PanelRole.CHAIR).user
    people = [UserFactory(display_name=f"Member {i:04}") for i in range(n)]
    Membership.objects.bulk_create(Membership(panel=panel, user=p, joined_on=today) for p in people)
    Training.objects.bulk_create(
        Training(user=p, course=course, completed_on=today - timedelta(days=400), expires_on=expires)
        for p in people
        for course, expires in (("Data protection", today + timedelta(days=10)), ("Chairing", None))
    )
    return panel, chair


def test_the_panel_training_page_shows_a_bounded_number_of_members_and_refreshers(client):
    from panels.views.people import TRAINING_PER_PAGE

    sizes = {}
    for n in (TRAINING_PER_PAGE + 10, TRAINING_PER_PAGE * 4):
        panel, chair = training_panel(n)
        client.force_login(chair)
        client.get(f"/panels/{panel.pk}/training/")
        html, queries = get(client, f"/panels/{panel.pk}/training/")
        members = html.count('<h3 class="h6 mb-1">')
        refreshers = html.count(": Data protection <span")
        assert members == refreshers == TRAINING_PER_PAGE
        assert f"<td>{n} of {n + 1}</td>" in html  # counted in the database, over every member
        assert f"Due for refresher training ({n})" in html
        sizes[n] = (members, refreshers, queries, len(html))
    small, large = sizes.values()
    assert small[:3] == large[:3]  # rows of members, rows of refreshers, queries
    assert abs(large[3] - small[3]) < small[3] * 0.05  # HTML length: only numbers differ


def review_with_evidence(panel, member, n: int):
    """A review with n pieces of evidence and a finding resting on the three oldest."""
    from reviews.models import Evidence

    review = ReviewFactory(panel=panel, title=f"Review with {n} pieces of evidence")
    items = Evidence.objects.bulk_create(
        Evidence(review=review, kind="document", title=f"Item {i:04}") for i in range(n)
    )
    finding = Finding.objects.create(review=review, kind="weakness", statement="Letters are late.",
                                     raised_by=member)
    finding.evidence.set(items[:3])
    return review, finding, items


def edit_url(review, finding) -> str:
    return f"/reviews/{review.pk}/findings/{finding.pk}/edit/"


def test_a_finding_form_shows_a_bounded_number_of_evidence_boxes_linked_ones_included(client, member):
    from reviews.selectors import EVIDENCE_CHOICES_SHOWN

    panel, person = member
    client.force_login(person)
    sizes = {}
    for n in (EVIDENCE_CHOICES_SHOWN + 10, EVIDENCE_CHOICES_SHOWN * 10):
        review, finding, items = review_with_evidence(panel, person, n)
        client.get(edit_url(review, finding))
        html, queries = get(client, edit_url(review, finding))
        boxes = html.count('name="evidence"')
        assert boxes == EVIDENCE_CHOICES_SHOWN + 3  # the most recent, and the three already linked
        assert len(re.findall(r'<input[^>]*name="evidence"[^>]*checked', html)) == 3
        assert "Item 0000" in html and f"of the review's {n} pieces of evidence" in html
        sizes[n] = (boxes, queries, len(html))
        # Saving without touching the boxes keeps every link, the oldest included.
        response = client.post(edit_url(review, finding), {
            "kind": "weakness", "statement": "Letters are late.", "version": finding.version,
            "evidence": [e.pk for e in items[:3]],
        })
        assert response.status_code == 302
        assert set(finding.evidence.values_list("pk", flat=True)) == {e.pk for e in items[:3]}
    small, large = sizes.values()
    assert small[:2] == large[:2]  # boxes, queries
    assert abs(large[2] - small[2]) < small[2] * 0.05


def test_a_finding_form_finds_older_evidence_by_title_and_links_it(client, member):
    panel, person = member
    client.force_login(person)
    review, finding, items = review_with_evidence(panel, person, 300)
    html = client.get(edit_url(review, finding) + "?evidence_search=item 0100").content.decode()
    assert html.count('name="evidence"') == 4  # the match, and the three already linked
    assert "Document: Item 0100" in html and 'value="item 0100"' in html
    client.post(edit_url(review, finding), {
        "kind": "weakness", "statement": "Letters are late.", "version": finding.version,
        "evidence": [e.pk for e in items[:3]] + [items[100].pk],
    })
    assert finding.evidence.count() == 4


def test_a_finding_form_still_refuses_impossible_evidence_and_keeps_the_links(client, member):
    panel, person = member
    client.force_login(person)
    review, finding, items = review_with_evidence(panel, person, 60)
    response = client.post(edit_url(review, finding), {
        "kind": "weakness", "statement": "My words.", "version": finding.version,
        "evidence": [items[0].pk, str(2**70), "x"],
    })
    html = response.content.decode()
    assert response.status_code == 200 and "Select a valid choice" in html and "My words." in html
    assert finding.evidence.count() == 3


def test_the_second_page_of_training_holds_the_rest_of_the_members_each_once(client):
    from panels.views.people import TRAINING_PER_PAGE

    panel, chair = training_panel(TRAINING_PER_PAGE + 7)
    client.force_login(chair)
    names = []
    for page in (1, 2):
        html = client.get(f"/panels/{panel.pk}/training/?page={page}").content.decode()
        names += re.findall(r">(Member \d{4})</", html)
    assert len(names) == len(set(names)) == TRAINING_PER_PAGE + 7
