"""The review page, the report draft, the home section, personal data, the admin and the demo."""

import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from reviews import selectors
from reviews.models import Document, Evidence, Finding, Review, Stage
from tests.factories.reviews import (
    DocumentFactory,
    FindingCommentFactory,
    FindingFactory,
    InterviewFactory,
    PerformanceFigureFactory,
    ReviewFactory,
    SiteVisitFactory,
    SiteVisitPhotoFactory,
)


def test_review_page_shows_scope_timeline_evidence_and_findings(client, world):
    DocumentFactory(review=world.review, title="Complaints policy")
    FindingFactory(review=world.review, kind="strength", statement="Letters are clear.", question=world.q1)
    FindingFactory(review=world.review, kind="weakness", statement="Replies are late.", question=world.q2)
    FindingFactory(review=world.review, kind="observation", statement="Few complaints by email.")
    client.force_login(world.member)
    response = client.get(world.review.get_absolute_url())
    page = response.content.decode()

    assert page.count("<h1") == 1
    assert "Scoping:\n    current stage" in page
    assert "Documents: 1" in page
    q1, q2, loose = (page.index(h) for h in (
        "Question 1: Are complaints recorded?", "Question 2: Are complaints answered on time?",
        "Not linked to a question",
    ))
    assert q1 < page.index("Letters are clear.") < q2 < page.index("Replies are late.") < loose
    assert "<caption>Findings by type</caption>" in page
    assert "Log a finding" in page
    assert "Change the review" in page  # members keep changing the scope while it is in scoping
    assert "Move the review to another stage" not in page  # but only its leads move it on


def test_report_draft_sets_out_scope_method_evidence_and_numbered_findings(client, world):
    world.review.method = "Desktop review, interviews and a visit."
    world.review.save()
    DocumentFactory(review=world.review, title="Complaints policy")
    PerformanceFigureFactory(review=world.review, measure="Stage 1 on time", value=78, target=90)
    InterviewFactory(review=world.review, interviewee_role="Complaints officer")
    SiteVisitPhotoFactory(site_visit=SiteVisitFactory(review=world.review, place="North office"))
    second = FindingFactory(review=world.review, kind="weakness", statement="Late.", question=world.q2)
    first = FindingFactory(review=world.review, kind="strength", statement="Recorded.", question=world.q1)
    client.force_login(world.manager)
    page = client.get(reverse("reviews:report", args=[world.review.pk])).content.decode()

    order = [page.index(s) for s in ("1. Scope", "2. Method", "3. Evidence", "4. Findings")]
    assert order == sorted(order)
    assert "Desktop review, interviews and a visit." in page
    assert "4 pieces of evidence" in page
    assert "(with Complaints officer)" in page  # a job title as typed
    assert "78%" in page and "90% (not met)" in page
    assert page.index("<strong>Finding 1.</strong> Recorded.") < page.index(
        "<strong>Finding 2.</strong> Late."
    )
    data = selectors.report(world.review)
    assert [f.pk for f in data["findings"]] == [first.pk, second.pk]


def test_panel_reviews_selector_for_the_panels_page(world):
    FindingFactory(review=world.review)
    FindingFactory(review=world.review)
    DocumentFactory(review=world.review)
    ReviewFactory(title="Someone else's")
    reviews = list(selectors.reviews_for_panel(world.panel))
    assert [(r.title, r.finding_count, r.evidence_count) for r in reviews] == [("Complaints handling", 2, 1)]


def test_home_shows_my_panels_reviews_in_progress(client, world):
    ReviewFactory(panel=world.panel, title="Old review", stage=Stage.CLOSED)
    client.force_login(world.member)
    page = client.get("/").content.decode()
    assert "Reviews in progress" in page
    assert "Complaints handling" in page
    assert "Old review" not in page
    client.force_login(world.outsider)
    assert "Reviews in progress" not in client.get("/").content.decode()


def test_personal_data_lists_what_the_person_wrote(client, world):
    finding = FindingFactory(review=world.review, raised_by=world.member, statement="Replies are late.")
    FindingCommentFactory(finding=finding, author=world.member, kind="add", text="Two weeks late.")
    interview = InterviewFactory(review=world.review, added_by=world.member)
    interview.interviewers.add(world.member)
    client.force_login(world.member)
    client.post("/reviews/drafts/save/", {"_draft_form": "finding-add", "_draft_object": world.review.pk,
                                          "statement": "Unfinished"})
    data = json.loads(client.get("/accounts/profile/my-data.json").content)
    mine = data["Scrutiny reviews"]
    assert mine["findings_raised"][0]["statement"] == "Replies are late."
    assert mine["responses_to_findings"][0]["text"] == "Two weeks late."
    assert mine["interviews_you_carried_out"][0]["interviewee_role"] == "Customer service adviser"
    assert mine["unsaved_drafts"][0]["text"] == {"statement": "Unfinished"}


@pytest.mark.parametrize("model", ["review", "servicearea", "scopequestion", "stagechange", "evidence",
                                   "document", "performancefigure", "interview", "sitevisit",
                                   "sitevisitphoto", "finding", "findingcomment", "draft"])
def test_every_model_has_an_admin_page(client, world, model):
    FindingCommentFactory(finding=FindingFactory(review=world.review))
    SiteVisitPhotoFactory(site_visit=SiteVisitFactory(review=world.review))
    client.force_login(world.admin)
    assert client.get(f"/admin/reviews/{model}/").status_code == 200
    assert client.get(f"/admin/reviews/{model}/add/").status_code == 200


def test_admin_change_pages_open(client, world):
    finding = FindingFactory(review=world.review)
    document = DocumentFactory(review=world.review)
    client.force_login(world.admin)
    for url in (f"/admin/reviews/review/{world.review.pk}/change/",
                f"/admin/reviews/finding/{finding.pk}/change/",
                f"/admin/reviews/finding/{finding.pk}/history/",
                f"/admin/reviews/document/{document.pk}/change/"):
        assert client.get(url).status_code == 200, url


def test_demo_seed_makes_the_sure_teams_reviews_and_is_idempotent(db, settings):
    call_command("seed_demo", stdout=io.StringIO())
    counts = (Review.objects.count(), Evidence.objects.count(), Finding.objects.count())
    call_command("seed_demo", stdout=io.StringIO())
    assert (Review.objects.count(), Evidence.objects.count(), Finding.objects.count()) == counts

    complaints = Review.objects.get(title="Complaints handling", panel__name="SURE Team")
    repairs = Review.objects.get(title="Communications in the repairs service", panel__name="SURE Team")
    for review in (complaints, repairs):
        kinds = set(review.evidence.values_list("kind", flat=True))
        assert kinds == {"document", "figure", "interview", "site_visit"}
        assert review.findings.filter(evidence__isnull=False).exists()
        assert review.questions.count() >= 3
        assert review.stage_changes.count() >= 5
    policy = Document.objects.get(review=complaints, title="Housing complaints policy and procedure")
    with policy.file.open("rb") as f:
        assert f.read(5) == b"%PDF-"
