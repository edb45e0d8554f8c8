"""The demo: Perth-shaped programmes, made once however often the seed runs."""

import pytest

from mysteryshop import demo, selectors
from mysteryshop.models import CheckedDocument, Visit, VisitPhoto
from reviews.models import Review
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


def test_demo_makes_sixty_shops_inspections_with_photos_and_two_documents_once():
    people = {"tenant": UserFactory(role="tenant"), "admin": UserFactory(role="admin")}
    demo.seed(password="x", people=people)
    demo.seed(password="x", people=people)
    shops = Review.objects.get(title="Mystery shopping of local housing offices")
    assert shops.visits.count() == 60
    assert set(shops.visits.values_list("channel", flat=True)) == {"phone", "in_person"}
    summary = selectors.programme_summary(review=shops)
    assert len(summary.by_site) == 3 and len(summary.months) >= 5
    scores = [r["score"] for r in summary.by_site]
    assert max(scores) - min(scores) > 5  # a realistic spread between offices
    assert Visit.objects.filter(channel="inspection", document__isnull=True).count() == 8
    assert VisitPhoto.objects.count() == 8
    # Empty homes and hostels alike, each inspection with its photo.
    inspected = set(VisitPhoto.objects.values_list("visit__site__kind", flat=True))
    assert inspected == {"property", "hostel"}
    assert sorted(CheckedDocument.objects.values_list("status", flat=True)) == ["approved", "sent_back"]
    # Each document was scored by members against the document-check checklist.
    for document in CheckedDocument.objects.all():
        assert document.visits.filter(checklist__purpose="document", score__isnull=False).exists()
    approved = CheckedDocument.objects.get(status="approved")
    assert approved.expires_on > approved.approved_on
    assert shops.findings.get().visit_source.visits.exists()
