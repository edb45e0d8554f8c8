"""Two people open the same edit form; the second save must not silently overwrite the first.

Every edit form two people can open uses scrutiny/locking.py: the second person is told, their
own text stays in the form, the saved text is shown above it, and saving again replaces it.
"""

import datetime
import html
import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.utils import timezone

from recommendations.models import Status
from tests.factories.accounts import UserFactory
from tests.factories.panels import MeetingFactory, PanelFactory
from tests.factories.recommendations import ActionFactory, RecommendationFactory
from tests.factories.reviews import ReviewFactory, ServiceAreaFactory

SOON = (timezone.localdate() + datetime.timedelta(days=10)).isoformat()


@dataclass
class Case:
    url: str
    field: str  # the text both people change
    data: dict  # the rest of a valid form
    saved: Callable[[], str]  # the text as it is in the database now


def _draft():
    rec = RecommendationFactory(status=Status.DRAFT)
    return Case(
        f"/recommendations/{rec.pk}/edit/", "text", {"priority": "high"},
        lambda: type(rec).objects.get(pk=rec.pk).text,
    )


def _action():
    action = ActionFactory()
    return Case(
        f"/recommendations/{action.recommendation_id}/actions/{action.pk}/", "what",
        {"owner": action.owner_id, "due_date": SOON, "status": "underway"},
        lambda: type(action).objects.get(pk=action.pk).what,
    )


def _meeting():
    meeting = MeetingFactory()
    return Case(
        f"/panels/meetings/{meeting.pk}/edit/", "minutes",
        {"title": "Panel meeting", "date": SOON, "start_time": "10:00", "end_time": "12:00",
         "place": "Housing Office"},
        lambda: type(meeting).objects.get(pk=meeting.pk).minutes,
    )


def _review():
    review = ReviewFactory()
    return Case(
        f"/reviews/{review.pk}/edit/", "scope", {"title": "Complaints", "kind": "scrutiny_review"},
        lambda: type(review).objects.get(pk=review.pk).scope,
    )


def _panel():
    panel = PanelFactory()
    return Case(
        f"/panels/{panel.pk}/edit/", "purpose",
        {"name": "Complaints panel", "kind": "scrutiny_panel", "is_active": "on"},
        lambda: type(panel).objects.get(pk=panel.pk).purpose,
    )


def _service_area():
    area = ServiceAreaFactory(name="Complaints")
    return Case(
        f"/reviews/service-areas/{area.pk}/", "name", {"is_active": "yes"},
        lambda: type(area).objects.get(pk=area.pk).name,
    )


# A person's role and account (radio choices, not text) have their own test in
# tests/accounts/test_people.py.
CASES = {"draft recommendation": _draft, "action": _action, "meeting": _meeting,
         "review details and scope": _review, "panel details": _panel,
         "service area": _service_area}


def _version(page: str) -> str:
    match = re.search(r'name="version" value="(\d+)"', page)
    assert match, "the edit form carries no version"
    return match.group(1)


@pytest.mark.django_db
@pytest.mark.parametrize("make", CASES.values(), ids=CASES.keys())
def test_second_save_is_told_of_the_first_and_keeps_both_texts(client, make):
    case = make()
    alice = UserFactory(role="admin", display_name="Alice Brown")
    bob = UserFactory(role="admin", display_name="Bob Green")

    client.force_login(alice)
    alice_version = _version(client.get(case.url).content.decode())
    client.force_login(bob)
    bob_version = _version(client.get(case.url).content.decode())

    client.force_login(alice)
    response = client.post(case.url, {**case.data, case.field: "Text Alice saved first",
                                      "version": alice_version})
    assert response.status_code == 302
    assert case.saved() == "Text Alice saved first"

    client.force_login(bob)
    response = client.post(case.url, {**case.data, case.field: "Text Bob typed meanwhile",
                                      "version": bob_version})
    page = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert "while you were editing it" in page and "Your text is still in the form" in page
    assert page.count("id=\"saved-version\"") == 1 and "Text Alice saved first" in page
    assert re.search(rf'name="{case.field}"[^>]*>\s*Text Bob typed meanwhile<|'
                     rf'name="{case.field}"[^>]*value="Text Bob typed meanwhile"', page)
    assert case.saved() == "Text Alice saved first"

    # Having seen both, Bob saves again on purpose: his text replaces Alice's.
    response = client.post(case.url, {**case.data, case.field: "Text Bob typed meanwhile",
                                      "version": _version(page)})
    assert response.status_code == 302
    assert case.saved() == "Text Bob typed meanwhile"


@pytest.mark.django_db
def test_a_form_sent_without_its_version_is_treated_as_out_of_date(client):
    case = _panel()
    client.force_login(UserFactory(role="admin"))
    response = client.post(case.url, {**case.data, case.field: "No version sent"})
    assert response.status_code == 200
    assert "while you were editing it" in response.content.decode()
    assert case.saved() != "No version sent"
