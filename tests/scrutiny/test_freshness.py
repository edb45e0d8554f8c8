"""The data's generation (scrutiny/freshness.py): new after every write, and again at commit."""

import threading
from unittest import mock

import pytest
from django.db import connection, transaction
from django.test import Client

from reviews.models import Review
from scrutiny import freshness
from scrutiny.freshness import generation, is_write
from scrutiny.models import AuditEvent, SiteSettings
from tests.conftest import need_service
from tests.factories.accounts import UserFactory
from tests.factories.panels import MembershipFactory, PanelFactory
from tests.factories.reviews import ReviewFactory


@pytest.mark.parametrize(("sql", "writes"), [
    ('SELECT "reviews_review"."id" FROM "reviews_review"', False),
    ('SAVEPOINT "s1_x1"', False),
    ('RELEASE SAVEPOINT "s1_x1"', False),
    ('INSERT INTO "reviews_finding" ("text") VALUES (%s)', True),
    ('UPDATE "recommendations_recommendation" SET "status" = %s', True),
    ('DELETE FROM "reviews_review" WHERE "id" = %s', True),
    ('ROLLBACK TO SAVEPOINT "s1_x1"', True),  # what the rolled-back statements did is undone
    ('WITH gone AS (DELETE FROM "reviews_finding" RETURNING 1) SELECT 1', True),
    ('TRUNCATE "reviews_finding"', True),
    ('UPDATE "django_session" SET "session_data" = %s', False),
    ('INSERT INTO "scrutiny_auditevent" ("what") VALUES (%s)', False),
    ('INSERT INTO "axes_accessattempt" ("username") VALUES (%s)', False),
])
def test_what_counts_as_a_write(sql, writes):
    assert is_write(sql) is writes


@pytest.mark.django_db(transaction=True)
def test_a_write_in_a_transaction_starts_a_generation_at_once_and_again_at_commit():
    review = ReviewFactory()
    before = generation()
    starts = mock.patch("scrutiny.freshness.start_new_generation", wraps=freshness.start_new_generation)
    with starts as started:
        with transaction.atomic():
            Review.objects.filter(pk=review.pk).update(title="Renamed")
            Review.objects.filter(pk=review.pk).update(title="Renamed again")
            during = generation()
            assert started.call_count == 2  # one a write, at once
        assert started.call_count == 3  # and one more at commit, however many writes
    assert before != during != generation()


@pytest.mark.django_db
def test_a_session_or_audit_event_written_while_reading_starts_nothing():
    person = UserFactory()
    SiteSettings.load()
    before = generation()
    AuditEvent.objects.create(kind="export", actor=person, detail="Downloaded the tracker")
    client = Client()
    client.force_login(person)  # writes the session (and the sign-in time: a write)
    after_sign_in = generation()
    client.get("/")
    client.session.save()
    assert generation() == after_sign_in
    assert before != after_sign_in


@pytest.mark.django_db(transaction=True)
def test_a_page_drawn_while_a_change_is_uncommitted_is_not_kept_as_current():
    """Another request draws the page while a change is written but not committed: it shows
    the data before the change, and must not be kept as current once the change commits."""
    need_service(connection.vendor == "postgresql", "needs PostgreSQL: two connections at once")
    panel = PanelFactory()
    member = UserFactory()
    MembershipFactory(panel=panel, user=member)
    review = ReviewFactory(panel=panel, title="Before")
    SiteSettings.load()
    client = Client()
    client.force_login(member)
    path = f"/reviews/{review.pk}/"
    written, drawn = threading.Event(), threading.Event()

    def change():
        try:
            with transaction.atomic():
                Review.objects.filter(pk=review.pk).update(title="After")
                written.set()
                drawn.wait(timeout=240)
        finally:
            connection.close()

    writer = threading.Thread(target=change)
    writer.start()
    assert written.wait(timeout=240)
    assert "Before" in client.get(path).content.decode()  # drawn, and kept, meanwhile
    drawn.set()
    writer.join(timeout=240)
    assert "After" in client.get(path).content.decode()
