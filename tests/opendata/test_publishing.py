"""Publishing a review's report is the chair's or an administrator's deliberate act, and can be undone."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from opendata import services
from opendata.models import Publication
from panels.models import PanelRole
from scrutiny.models import AuditEvent, AuditKind
from tests.factories.accounts import UserFactory
from tests.factories.panels import MembershipFactory
from tests.opendata.conftest import switch_on


def test_the_chair_publishes_a_completed_review_and_it_is_noted(world):
    publication = services.publish(review=world.review, by=world.chair)

    assert publication.published_by == world.chair and publication.is_current
    assert AuditEvent.objects.filter(kind=AuditKind.PUBLISHED, actor=world.chair).exists()


@pytest.mark.parametrize("who", ["member", "vice_chair", "officer", "manager", "outsider_chair"])
def test_nobody_but_the_chair_or_an_administrator_may_publish(world, who):
    if who == "member":
        person = world.member
    elif who == "vice_chair":
        person = MembershipFactory(panel=world.panel, role=PanelRole.VICE_CHAIR).user
    elif who == "outsider_chair":
        person = MembershipFactory(role=PanelRole.CHAIR).user  # chair of another panel
    else:
        person = UserFactory(role=who)

    with pytest.raises(PermissionDenied):
        services.publish(review=world.review, by=person)
    assert not Publication.objects.exists()


def test_a_review_under_way_cannot_be_published(world):
    with pytest.raises(ValidationError):
        services.publish(review=world.under_way, by=world.admin)


def test_the_publish_button_refuses_a_member_with_403(world, client):
    client.force_login(world.member)

    response = client.post(f"/public/reviews/{world.review.pk}/publish")

    assert response.status_code == 403 and not Publication.objects.exists()


def test_the_review_page_offers_publishing_to_the_chair_only(world, client):
    client.force_login(world.chair)
    assert "Publish the report" in client.get(world.review.get_absolute_url()).content.decode()
    client.force_login(world.member)
    assert "Publish the report" not in client.get(world.review.get_absolute_url()).content.decode()


def test_unpublishing_removes_the_page_and_the_open_data_entry_and_keeps_the_record(world, client):
    switch_on()
    services.publish(review=world.review, by=world.admin)
    page = f"/public/reviews/{world.review.pk}/"
    assert client.get(page).status_code == 200
    data = client.get("/open-data/scrutiny.json").content.decode()
    assert f'"report_url":"http://testserver{page}"' in data
    assert "Report published: Complaints handling" in client.get("/open-data/feed.atom").content.decode()

    client.force_login(world.chair)
    response = client.post(f"/public/reviews/{world.review.pk}/unpublish")
    client.logout()

    assert response.status_code == 302
    assert client.get(page).status_code == 404
    assert page not in client.get("/open-data/scrutiny.json").content.decode()
    assert "Report published" not in client.get("/open-data/feed.atom").content.decode()
    record = Publication.objects.get()
    assert record.unpublished_by == world.chair and record.unpublished_at is not None
    assert AuditEvent.objects.filter(kind=AuditKind.UNPUBLISHED, actor=world.chair).exists()


def test_unmarked_evidence_is_never_public_and_marked_evidence_is(world, client):
    switch_on()
    services.publish(review=world.review, by=world.admin)
    services.mark_evidence(evidence=world.shown, by=world.chair, public_now=True)

    page = client.get(f"/public/reviews/{world.review.pk}/").content.decode()

    assert "Complaints policy" in page and "Interview notes" not in page
    assert client.get(f"/public/reviews/{world.review.pk}/evidence/{world.shown.pk}/").status_code == 200
    assert client.get(f"/public/reviews/{world.review.pk}/evidence/{world.secret.pk}/").status_code == 404


def test_a_member_may_not_mark_evidence_public(world):
    with pytest.raises(PermissionDenied):
        services.mark_evidence(evidence=world.secret, by=world.member, public_now=True)
    world.secret.refresh_from_db()
    assert not world.secret.public
