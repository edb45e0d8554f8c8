"""The audit trail: sign-ins, role changes, exports and personal-data downloads are recorded,
and administrators read them on the audit page, filtered and a page at a time."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from scrutiny.models import AuditEvent, AuditKind
from scrutiny.views_audit import PAGE_SIZE
from tests.factories.accounts import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def kinds():
    return list(AuditEvent.objects.order_by("pk").values_list("kind", flat=True))


def test_a_sign_in_a_refused_sign_in_and_a_sign_out_are_recorded(client):
    jo = UserFactory(email="jo@example.org")

    client.post(reverse("accounts:login"), {"username": "jo@example.org", "password": "wrong"})
    client.post(reverse("accounts:login"), {"username": "jo@example.org", "password": PASSWORD},
                REMOTE_ADDR="192.0.2.7")
    client.post(reverse("accounts:logout"))

    assert kinds() == [AuditKind.SIGN_IN_FAILED, AuditKind.SIGN_IN, AuditKind.SIGN_OUT]
    refused, signed_in, _ = AuditEvent.objects.order_by("pk")
    assert refused.subject == jo and refused.actor is None
    assert signed_in.actor == jo and signed_in.ip_address == "192.0.2.7"


def test_a_role_change_records_who_changed_whose_role(client):
    admin = UserFactory(role="admin")
    tenant = UserFactory(role="tenant")
    client.force_login(admin)
    AuditEvent.objects.all().delete()

    tenant.role = "officer"
    tenant.save()

    event = AuditEvent.objects.get()
    assert event.kind == AuditKind.ROLE_CHANGED and event.subject == tenant
    assert event.detail == "from tenant to officer"


def test_saving_a_person_without_changing_their_role_records_nothing():
    tenant = UserFactory(role="tenant")
    tenant.display_name = "New name"
    tenant.save()

    assert not AuditEvent.objects.exists()


def test_personal_data_downloads_and_exports_are_recorded(client):
    manager = UserFactory(role="manager")
    client.force_login(manager)
    AuditEvent.objects.all().delete()

    assert client.get(reverse("accounts:personal-data")).status_code == 200
    assert client.get(reverse("recommendations:export-csv")).status_code == 200

    assert kinds() == [AuditKind.PERSONAL_DATA, AuditKind.EXPORT]
    personal, export = AuditEvent.objects.order_by("pk")
    assert personal.actor == manager and personal.subject == manager
    assert export.detail == "/recommendations/export.csv"


def test_administrators_read_the_trail_filtered_by_kind_and_person(client):
    admin = UserFactory(role="admin", display_name="Sam Patel")
    ann = UserFactory(display_name="Ann Reid", email="ann@example.org")
    bob = UserFactory(display_name="Bob Stone")
    AuditEvent.objects.create(kind=AuditKind.SIGN_IN, actor=ann, subject=ann)
    AuditEvent.objects.create(kind=AuditKind.SIGN_IN, actor=bob, subject=bob)
    AuditEvent.objects.create(kind=AuditKind.EXPORT, actor=ann)
    client.force_login(admin)

    page = client.get(reverse("audit"), {"kind": "sign_in", "person": "ann@"}).content.decode()

    assert "<h1>Audit trail</h1>" in page
    assert "1 event</h2>" in page
    assert "By Ann Reid (ann@example.org)" in page
    assert "Bob Stone" not in page


def test_the_trail_comes_a_page_at_a_time(client):
    admin = UserFactory(role="admin")
    client.force_login(admin)
    AuditEvent.objects.all().delete()  # the sign-in
    AuditEvent.objects.bulk_create(
        AuditEvent(kind=AuditKind.EXPORT, actor=admin) for _ in range(PAGE_SIZE + 5)
    )

    first = client.get(reverse("audit")).content.decode()
    second = client.get(reverse("audit"), {"page": 2}).content.decode()

    assert first.count("<strong>Exported data</strong>") == PAGE_SIZE
    assert "Page 1 of 2" in first
    assert second.count("<strong>Exported data</strong>") == 5


def test_dates_the_wrong_way_round_get_a_clear_message(client):
    client.force_login(UserFactory(role="admin"))
    today = timezone.localdate()

    response = client.get(reverse("audit"), {"since": today, "until": today - timedelta(days=1)})

    assert response.status_code == 200
    assert "The end date must be on or after the start date." in response.content.decode()
