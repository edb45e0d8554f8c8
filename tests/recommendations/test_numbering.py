"""Recommendations are numbered R1, R2, ... within their review, and keep their number for life."""

import pytest
from django.db import IntegrityError

from recommendations import services
from recommendations.models import Recommendation
from tests.factories.reviews import ReviewFactory


def test_numbers_run_within_each_review(world):
    first = services.create(review=world.review, by=world.member, text="One")
    second = services.create(review=world.review, by=world.member, text="Two")
    other = services.create(review=ReviewFactory(panel=world.panel), by=world.member, text="Elsewhere")
    assert (first.code, second.code, other.code) == ("R1", "R2", "R1")


def test_numbers_are_never_reused_or_changed(world):
    first = services.create(review=world.review, by=world.member, text="One")
    services.create(review=world.review, by=world.member, text="Two")
    services.update_draft(recommendation=first, by=world.member, text="One, reworded")
    Recommendation.objects.filter(text="Two").delete()  # an admin removes one
    third = services.create(review=world.review, by=world.member, text="Three")
    first.refresh_from_db()
    assert (first.code, third.code) == ("R1", "R3")


def test_the_database_refuses_a_duplicate_number(world):
    services.create(review=world.review, by=world.member, text="One")
    with pytest.raises(IntegrityError):
        Recommendation.objects.create(review=world.review, number=1, text="Clash")


def test_findings_must_come_from_the_same_review(world):
    from django.core.exceptions import ValidationError

    from tests.factories.reviews import FindingFactory

    mine = FindingFactory(review=world.review)
    other = FindingFactory()
    rec = services.create(review=world.review, by=world.member, text="One", findings=[mine])
    assert list(rec.findings.all()) == [mine]
    with pytest.raises(ValidationError):
        services.create(review=world.review, by=world.member, text="Two", findings=[other])


@pytest.mark.django_db(transaction=True)
def test_two_people_saving_at_once_get_different_numbers():
    """Real concurrency needs a database with row locks; SQLite locks the whole file instead."""
    import threading

    from django.db import connection, connections

    from tests.conftest import need_service
    from tests.factories.accounts import UserFactory
    from tests.factories.panels import MembershipFactory

    need_service(connection.vendor == "postgresql", "row locks are tested on PostgreSQL: set DATABASE_URL")
    review = ReviewFactory()
    people = [UserFactory(role="tenant") for _ in range(4)]
    for person in people:
        MembershipFactory(panel=review.panel, user=person)
    barrier = threading.Barrier(len(people))
    errors = []

    def write(person):
        try:
            barrier.wait()
            services.create(review=review, by=person, text=f"From {person.pk}")
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(p,)) for p in people]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(review.recommendations.values_list("number", flat=True)) == [1, 2, 3, 4]
