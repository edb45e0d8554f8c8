"""Hostile or odd input gets a message on the page, never a 500: ids too big for the database
in a multiple choice, line breaks in titles and names, and the evidence list's year filter."""

import inspect
import pkgutil
import re
from importlib import import_module

import pytest
from django import forms

from scrutiny.forms import SafeModelMultipleChoiceField, SingleLineCharField
from tests.db_unchanged import assert_db_unchanged
from tests.factories.reviews import ReviewFactory

TOO_BIG = str(2**63)


@pytest.mark.parametrize(("path", "data", "field"), [
    ("evidence/add/interview/", {"interviewee_role": "Complaints officer", "date": "2025-01-10",
                                 "notes": "Said a lot."}, "interviewers"),
    ("evidence/add/site-visit/", {"place": "Reception", "date": "2025-01-10", "notes": "Clean."},
     "visitors"),
    ("findings/add/", {"kind": "weakness", "statement": "Letters are late."}, "evidence"),
])
def test_an_id_too_big_for_the_database_is_an_invalid_choice(client, world, path, data, field):
    client.force_login(world.member)
    response = client.post(f"/reviews/{world.review.pk}/{path}", {**data, field: [TOO_BIG]})
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page and "is not one of the available choices" in page
    assert data[next(iter(data))] in page  # what was typed is kept


def test_an_id_too_big_is_an_invalid_finding_on_a_recommendation(client, world):
    client.force_login(world.member)
    response = client.post(f"/recommendations/reviews/{world.review.pk}/new/", {
        "text": "Name the officer.", "priority": "medium", "findings": [TOO_BIG, "-" + TOO_BIG],
    })
    assert response.status_code == 200
    assert "is not one of the available choices" in response.content.decode()


def _form_classes():
    for app in ("accounts", "panels", "assessments", "comparisons", "reviews", "mysteryshop",
                "recommendations", "reports", "scrutiny"):
        package = import_module(app)
        for info in pkgutil.walk_packages(package.__path__, f"{app}."):
            if "migrations" in info.name or "tests" in info.name:
                continue
            module = import_module(info.name)
            for _, cls in inspect.getmembers(module, inspect.isclass):
                if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__:
                    yield cls


def test_every_multiple_choice_of_records_in_the_project_refuses_impossible_ids():
    found = []
    for cls in _form_classes():
        for name, field in getattr(cls, "base_fields", {}).items():
            if isinstance(field, forms.ModelMultipleChoiceField):
                found.append(f"{cls.__name__}.{name}")
                assert isinstance(field, SafeModelMultipleChoiceField), f"{cls.__name__}.{name}"
    assert {"InterviewForm.interviewers", "SiteVisitForm.visitors", "FindingForm.evidence",
            "RecommendationForm.findings"} <= set(found)


def test_a_review_title_with_line_breaks_is_saved_on_one_line(client, world):
    client.force_login(world.admin)
    client.post("/reviews/new/", {
        "panel": world.panel.pk, "title": "How we handle\r\ncomplaints\n", "kind": "scrutiny_review",
    })
    assert world.panel.reviews.filter(title="How we handle complaints").exists()


def test_a_name_with_line_breaks_is_saved_on_one_line(client, world):
    client.force_login(world.member)
    client.post("/accounts/profile/", {
        "display_name": "Morag\r\nFraser", "email": world.member.email, "contact_preference": "email",
    })
    world.member.refresh_from_db()
    assert world.member.display_name == "Morag Fraser"


def test_the_evidence_year_filter_is_labelled(client, world):
    ReviewFactory(panel=world.panel)
    client.force_login(world.member)
    page = client.get("/reviews/evidence/").content.decode()
    assert "[invalid name]" not in page
    label = re.search(r'<label[^>]*for="id_year"[^>]*>\s*([^<]*?)\s*<', page)
    assert label and label.group(1) == "Year"


def test_the_site_icon_is_served(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # the ICO header


SINGLE_LINE_NAMES = {"title", "name", "display_name", "landlord_name"}


def test_every_title_and_name_in_the_project_is_kept_on_one_line():
    found = []
    for cls in _form_classes():
        for name, field in getattr(cls, "base_fields", {}).items():
            if name in SINGLE_LINE_NAMES and isinstance(field, forms.CharField) and not isinstance(
                field.widget, forms.Textarea
            ):
                found.append(f"{cls.__name__}.{name}")
                assert isinstance(field, SingleLineCharField), f"{cls.__name__}.{name}"
    expected = {"ReviewForm.title", "ProfileForm.display_name", "PanelForm.name", "MeetingForm.title"}
    assert expected <= set(found)


# "²" is a digit to str.isdigit() but not to int(): guards written with isdigit() let it through.
SUPERSCRIPT = "²"


@pytest.mark.parametrize("evidence", [SUPERSCRIPT, "-" + SUPERSCRIPT])
def test_a_superscript_digit_in_a_multiple_choice_is_an_invalid_choice(client, world, evidence):
    client.force_login(world.member)
    response = client.post(f"/reviews/{world.review.pk}/findings/add/", {
        "kind": "weakness", "statement": "Letters are late.", "evidence": [evidence],
    })
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page and "is not a valid value" in page
    assert "Letters are late." in page


def test_a_superscript_digit_in_a_link_to_log_a_finding_is_ignored(client, world):
    client.force_login(world.member)
    response = client.get(f"/reviews/{world.review.pk}/findings/add/?evidence={SUPERSCRIPT}")
    assert response.status_code == 200


def test_a_draft_for_a_superscript_digit_is_not_found(client, world):
    client.force_login(world.member)
    with assert_db_unchanged():
        response = client.post("/reviews/drafts/save/", {
            "_draft_form": "finding-add", "_draft_object": SUPERSCRIPT, "statement": "x",
        })
    assert response.status_code == 404


def test_marking_notice_superscript_digit_read_marks_them_all_and_goes_home(client, world):
    client.force_login(world.member)
    response = client.post("/accounts/notices/read/", {"notice": SUPERSCRIPT})
    assert response.status_code == 302 and response["Location"] == "/"
