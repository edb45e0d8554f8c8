"""Administrators build checklists on the product's own pages."""

import pytest

from mysteryshop.models import AnswerType, Checklist
from tests.factories.accounts import UserFactory
from tests.factories.mysteryshop import SectionFactory, StandardFactory, VisitFactory

pytestmark = pytest.mark.django_db


def test_admin_adds_a_number_standard_with_a_pass_mark(client):
    client.force_login(UserFactory(role="admin"))
    section = SectionFactory(title="Getting through")
    checklist = section.checklist
    url = f"/mystery-shopping/checklists/{checklist.pk}/sections/{section.pk}/standards/add/"
    response = client.post(url, {
        "version": checklist.version, "question": "How many rings before an answer?",
        "answer_type": AnswerType.NUMBER, "threshold": "5", "lower_is_better": "on",
        "unit": "rings", "weight": "2", "required": "on",
    })
    assert response.status_code == 302
    standard = checklist.standards.get()
    assert (standard.threshold, standard.lower_is_better, standard.weight) == (5, True, 2)


def test_number_without_pass_mark_is_refused_with_the_text_kept(client):
    client.force_login(UserFactory(role="admin"))
    section = SectionFactory()
    response = client.post(
        f"/mystery-shopping/checklists/{section.checklist.pk}/sections/{section.pk}/standards/add/",
        {"version": section.checklist.version, "question": "Minutes waited in reception",
         "answer_type": AnswerType.NUMBER, "weight": "1"},
    )
    assert response.status_code == 200
    assert "Give a pass mark" in response.content.decode()
    assert "Minutes waited in reception" in response.content.decode()


def test_editing_a_used_checklist_on_the_page_says_a_new_version_was_made(client):
    client.force_login(UserFactory(role="admin"))
    standard = StandardFactory()
    VisitFactory(checklist=standard.checklist)
    response = client.post(
        f"/mystery-shopping/checklists/{standard.checklist.pk}/edit/",
        {"version": standard.checklist.version, "title": "Phone shop", "purpose": "phone"},
        follow=True,
    )
    new = Checklist.objects.get(family=standard.checklist.family, is_current=True)
    assert new.number == 2 and new.title == "Phone shop"
    assert "made version 2" in response.content.decode()


def test_a_stale_edit_shows_both_versions(client):
    client.force_login(UserFactory(role="admin"))
    section = SectionFactory(title="Reception")
    checklist = section.checklist
    url = f"/mystery-shopping/checklists/{checklist.pk}/sections/{section.pk}/edit/"
    client.post(url, {"version": checklist.version, "title": "Reception area"})
    response = client.post(url, {"version": checklist.version, "title": "Front desk"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "while you were editing it" in body and "Front desk" in body
    assert "Reception area" in body  # the saved title, shown above the form
    assert body.count('id="saved-version"') == 1  # once, from the shared include
