"""Dates and numbers no one could mean (a visit in year 1 or 9999, Customer Approved until 9999,
a pass mark below 0 or above 100) are refused with a message beside the field, the rest of what
was typed kept; a decision note is limited like every other long text."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from mysteryshop import services
from mysteryshop.models import CheckedDocument, DocumentStatus, Standard, Visit
from reviews.models import ReviewKind
from tests.factories.accounts import UserFactory
from tests.factories.mysteryshop import CheckedDocumentFactory
from tests.factories.panels import MembershipFactory, PanelFactory
from tests.factories.reviews import ReviewFactory

pytestmark = pytest.mark.django_db


def _bounds(back, ahead):
    today = timezone.localdate()
    return (f"{today.replace(year=today.year - back):%-d %B %Y}",
            f"{today.replace(year=today.year + ahead):%-d %B %Y}")


@pytest.mark.parametrize("when", ["0001-01-01T10:30", "9999-12-31T10:30", "1900-06-01T09:00"])
def test_a_visit_on_a_date_no_one_could_mean_is_refused(client, shop, when):
    client.force_login(shop.shopper)
    response = client.post(f"/mystery-shopping/programmes/{shop.review.pk}/visits/new/", {
        "checklist": shop.phone.pk, "site": shop.office.pk, "channel": "phone",
        "visited_at": when, "notes": "Rang the Perth office",
    })
    page = response.content.decode()
    earliest, latest = _bounds(30, 1)
    assert response.status_code == 200
    assert f"Enter the date of the visit between {earliest} and {latest}." in page
    assert "Rang the Perth office" in page
    assert not Visit.objects.exists()


def test_changing_a_visit_to_year_9999_is_refused_and_the_visit_kept(client, shop):
    when = timezone.now() - datetime.timedelta(days=2)
    visit = services.start_visit(by=shop.shopper, review=shop.review, checklist=shop.phone,
                                 site=shop.office, channel="phone", visited_at=when)
    client.force_login(shop.shopper)
    response = client.post(f"/mystery-shopping/visits/{visit.pk}/edit/", {
        "site": shop.office.pk, "channel": "phone", "visited_at": "9999-01-01T10:00",
        "notes": "", "version": visit.version,
    })
    assert response.status_code == 200
    assert "Enter the date of the visit between" in response.content.decode()
    visit.refresh_from_db()
    assert (visit.visited_at, visit.version) == (when, 1)


def test_a_visit_from_ten_years_ago_is_still_recorded(client, shop):
    client.force_login(shop.shopper)
    response = client.post(f"/mystery-shopping/programmes/{shop.review.pk}/visits/new/", {
        "checklist": shop.phone.pk, "site": shop.office.pk, "channel": "phone",
        "visited_at": f"{timezone.localdate().year - 10}-01-14T10:30", "notes": "",
    })
    assert response.status_code == 302 and Visit.objects.count() == 1


@pytest.fixture
def document_panel():
    panel = PanelFactory(name="Quality Panel")
    chair = UserFactory(role="tenant")
    MembershipFactory(panel=panel, user=chair, role="chair")
    review = ReviewFactory(panel=panel, kind=ReviewKind.DOCUMENT_REVIEW)
    return chair, CheckedDocumentFactory(review=review)


def test_customer_approved_until_9999_is_refused(client, document_panel):
    chair, document = document_panel
    client.force_login(chair)
    response = client.post(f"/mystery-shopping/documents/{document.pk}/decide/", {
        "decision": "approve", "expires_on": "9999-12-31", "note": "Clear and friendly",
        "version": document.version,
    })
    page = response.content.decode()
    earliest, latest = _bounds(30, 10)
    assert response.status_code == 400
    assert f"Enter the date it is approved until between {earliest} and {latest}." in page
    assert "Clear and friendly" in page
    assert CheckedDocument.objects.get(pk=document.pk).status == DocumentStatus.CHECKING


def test_a_decision_note_over_5000_characters_is_refused_and_kept(client, document_panel):
    chair, document = document_panel
    client.force_login(chair)
    note = ("Please explain arrears. " * 250).strip()  # 5,999 characters
    response = client.post(f"/mystery-shopping/documents/{document.pk}/decide/", {
        "decision": "send_back", "expires_on": "", "note": note, "version": document.version,
    })
    page = response.content.decode()
    assert response.status_code == 400
    assert "Your note is 5,999 characters long. Shorten it to 5,000 characters or fewer." in page
    assert note in page
    assert 'maxlength="5000"' in page
    saved = CheckedDocument.objects.get(pk=document.pk)
    assert (saved.status, saved.decision_note) == (DocumentStatus.CHECKING, "")


@pytest.mark.parametrize("mark", ["-1", "100.01", "1000"])
def test_a_number_pass_mark_below_0_or_above_100_is_refused(client, shop, mark):
    standard = shop.phone.standards.get(question__startswith="How many times")
    client.force_login(shop.admin)
    url = f"/mystery-shopping/checklists/{shop.phone.pk}/standards/{standard.pk}/edit/"
    response = client.post(url, {
        "question": standard.question, "guidance": "", "answer_type": "number", "threshold": mark,
        "lower_is_better": "on", "unit": "rings", "weight": "2", "required": "on",
        "version": shop.phone.version,
    })
    assert response.status_code in (200, 400)
    assert "For a number, the pass mark is from 0 to 100." in response.content.decode()
    assert Standard.objects.get(pk=standard.pk).threshold == 5


def test_visit_notes_over_5000_characters_are_refused_and_kept(client, shop):
    notes = ("The phone rang out twice. " * 200).strip()  # 5,199 characters
    client.force_login(shop.shopper)
    response = client.post(f"/mystery-shopping/programmes/{shop.review.pk}/visits/new/", {
        "checklist": shop.phone.pk, "site": shop.office.pk, "channel": "phone",
        "visited_at": f"{timezone.localdate():%Y-%m-%d}T09:00", "notes": notes,
    })
    page = response.content.decode()
    assert response.status_code == 200
    assert "Your notes are 5,199 characters long. Shorten them to 5,000 characters or fewer." in page
    assert notes in page and 'maxlength="5000"' in page
    assert not Visit.objects.exists()


@pytest.mark.parametrize("mark", [-1, 101])
def test_the_database_refuses_a_pass_mark_outside_0_to_100(shop, mark):
    standard = shop.phone.standards.get(question__startswith="How many times")
    with pytest.raises(IntegrityError), transaction.atomic():
        Standard.objects.filter(pk=standard.pk).update(threshold=mark)
    assert Standard.objects.get(pk=standard.pk).threshold == 5
