"""Logging findings, linking them to evidence, responding to them, and editing them at once."""

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from reviews import services
from reviews.models import Finding, FindingComment
from tests.db_unchanged import assert_db_unchanged
from tests.factories.reviews import (
    DocumentFactory,
    FindingFactory,
    InterviewFactory,
    PerformanceFigureFactory,
    ReviewFactory,
)


def test_member_logs_a_finding_linked_to_evidence_and_a_question(client, world):
    figure = PerformanceFigureFactory(review=world.review, measure="Stage 1 answered on time")
    interview = InterviewFactory(review=world.review)
    client.force_login(world.member)
    response = client.post(f"/reviews/{world.review.pk}/findings/add/", {
        "kind": "weakness", "statement": "  Only 78% of stage 1 complaints were answered on time.  ",
        "question": world.q2.pk, "evidence": [figure.pk, interview.pk],
    })

    finding = Finding.objects.get()
    assert response.status_code == 302
    assert response["Location"] == finding.get_absolute_url()
    assert finding.statement == "Only 78% of stage 1 complaints were answered on time."
    assert finding.raised_by == world.member
    assert finding.question == world.q2
    assert set(finding.evidence.all()) == {figure.evidence_ptr, interview.evidence_ptr}
    assert finding.version == 1

    page = client.get(world.review.get_absolute_url()).content.decode()
    question_heading = page.index("Question 2: Are complaints answered on time?")
    assert page.index("Weaknesses (1)", question_heading) < page.index("Only 78%", question_heading)
    by_type = client.get(world.review.get_absolute_url() + "?group=type").content.decode()
    assert "Answers question 2." in by_type


def test_evidence_page_offers_a_finding_with_the_evidence_ticked(client, world):
    document = DocumentFactory(review=world.review)
    client.force_login(world.member)
    page = client.get(f"/reviews/{world.review.pk}/findings/add/?evidence={document.pk}").content.decode()
    assert re.search(rf'value="{document.pk}"[^>]*checked', page)


def test_evidence_from_another_review_cannot_support_a_finding(client, world):
    elsewhere = DocumentFactory(review=ReviewFactory(panel=world.panel))
    client.force_login(world.member)
    response = client.post(f"/reviews/{world.review.pk}/findings/add/", {
        "kind": "strength", "statement": "Letters are clear.", "evidence": [elsewhere.pk],
    })
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    with pytest.raises(ValidationError, match="evidence gathered for this review"):
        services.add_finding(review=world.review, by=world.member, kind="strength",
                             statement="Letters are clear.", evidence=[elsewhere])
    assert not Finding.objects.exists()


def test_officers_add_evidence_but_not_findings(world):
    with assert_db_unchanged(), pytest.raises(PermissionDenied, match="panel's members and administrators"):
        services.add_finding(review=world.review, by=world.supporting_officer, kind="strength",
                             statement="Good.")
    with assert_db_unchanged(), pytest.raises(PermissionDenied):
        services.add_finding(review=world.review, by=world.outsider, kind="strength", statement="Good.")


def test_an_empty_statement_is_refused_and_the_choices_kept(client, world):
    client.force_login(world.member)
    response = client.post(f"/reviews/{world.review.pk}/findings/add/", {
        "kind": "observation", "statement": "", "question": world.q1.pk,
    })
    page = response.content.decode()
    assert "There is a problem" in page
    assert re.search(r'value="observation"[^>]*checked', page)
    assert re.search(rf'value="{world.q1.pk}"[^>]*selected', page)


def test_members_agree_challenge_and_add_to_a_finding(client, world):
    finding = FindingFactory(review=world.review, raised_by=world.member)
    url = f"/reviews/{world.review.pk}/findings/{finding.pk}/comments/"
    client.force_login(world.second)
    assert client.post(url, {"kind": "agree"}).status_code == 302
    client.force_login(world.chair)
    refused = client.post(url, {"kind": "challenge", "text": ""})
    assert "Say what you challenge or want to add." in refused.content.decode()
    client.post(url, {"kind": "challenge", "text": "The figures were for one office only."})

    assert [(c.author, c.kind) for c in FindingComment.objects.all()] == [
        (world.second, "agree"), (world.chair, "challenge")
    ]
    page = client.get(finding.get_absolute_url()).content.decode()
    assert "The figures were for one office only." in page
    review_page = client.get(world.review.get_absolute_url()).content.decode()
    assert "2 responses (1 agree, 1 challenge)" in review_page


def test_officers_and_managers_read_findings_but_do_not_comment(client, world):
    finding = FindingFactory(review=world.review)
    for person in (world.officer, world.manager):
        client.force_login(person)
        page = client.get(finding.get_absolute_url()).content.decode()
        assert finding.statement in page
        assert "Add your response" not in page
        with assert_db_unchanged():
            refused = client.post(f"{finding.get_absolute_url()}comments/", {"kind": "agree"})
        assert refused.status_code == 403


def test_second_editor_is_told_of_the_conflict_and_keeps_their_text(client, world):
    finding = FindingFactory(review=world.review, statement="Complaints are slow.")
    url = f"/reviews/{world.review.pk}/findings/{finding.pk}/edit/"
    # Both open the form at version 1; the chair saves first.
    client.force_login(world.chair)
    client.post(url, {"kind": "weakness", "statement": "Stage 1 complaints are slow.", "version": 1})
    finding.refresh_from_db()
    assert (finding.statement, finding.version) == ("Stage 1 complaints are slow.", 2)

    client.force_login(world.member)
    mine = "Complaints are slow, and tenants are not told why."
    response = client.post(url, {"kind": "weakness", "statement": mine, "version": 1})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Iain Robertson saved a change to this finding at" in page
    assert f">\n{mine}</textarea>" in page  # their own text, still in the form
    assert "The saved version" in page and "Stage 1 complaints are slow." in page
    assert re.search(r'name="version" value="2"', page)
    finding.refresh_from_db()
    assert finding.statement == "Stage 1 complaints are slow."

    # Having seen both, they save again on purpose: theirs replaces it, and the other is kept.
    client.post(url, {"kind": "weakness", "statement": mine, "version": 2})
    finding.refresh_from_db()
    assert (finding.statement, finding.version) == (mine, 3)
    assert "Stage 1 complaints are slow." in [h.statement for h in finding.history.all()]


def test_second_editor_of_interview_notes_keeps_their_text(client, world):
    interview = InterviewFactory(review=world.review, added_by=world.member, notes="First notes.")
    url = f"/reviews/{world.review.pk}/evidence/{interview.pk}/edit/"
    data = {"interviewee_role": "Complaints officer", "version": 1}
    client.force_login(world.chair)
    assert client.post(url, {**data, "notes": "Chair's notes."}).status_code == 302

    client.force_login(world.member)
    response = client.post(url, {**data, "notes": "My longer notes from the interview."})
    page = response.content.decode()
    assert "Someone else saved a change to this interview" in page
    assert ">\nMy longer notes from the interview.</textarea>" in page
    assert "Chair&#x27;s notes." in page or "Chair's notes." in page
    interview.refresh_from_db()
    assert interview.notes == "Chair's notes."
    assert interview.title == "Interview with Complaints officer"
