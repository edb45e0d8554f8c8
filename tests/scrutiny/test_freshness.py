"""Versions of the data (scrutiny/freshness.py): renewed at once and again at commit, once per
transaction however many writes, and all at once after migrating."""

import threading
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client

from reviews.models import Finding
from scrutiny import freshness
from scrutiny.freshness import renew, versions
from scrutiny.models import SiteSettings
from tests.conftest import need_service
from tests.factories.accounts import UserFactory
from tests.factories.panels import MembershipFactory, PanelFactory
from tests.factories.reviews import FindingFactory, ReviewFactory


def test_a_version_is_kept_until_renewed_and_others_are_left_alone():
    first, second = versions("a"), versions("b")
    assert versions("a") == first
    renew("a")
    assert versions("a") != first
    assert versions("b") == second


@pytest.mark.django_db(transaction=True)
def test_a_renewal_in_a_transaction_is_made_at_once_and_again_at_commit_once_per_version():
    before = versions("a")
    with mock.patch("scrutiny.freshness._start", wraps=freshness._start) as started:
        with transaction.atomic():
            renew("a")
            renew("a", "b")
            during = versions("a")
            assert [c.args[0] for c in started.call_args_list] == ["a", "a", "b"]  # at once
        assert sorted(c.args[0] for c in started.call_args_list[3:]) == ["a", "b"]  # and at commit
    assert before != during != versions("a")


@pytest.mark.django_db(transaction=True)
def test_a_transaction_rolled_back_does_not_stop_the_next_one_renewing_at_commit():
    with pytest.raises(RuntimeError), transaction.atomic():
        renew("a")
        raise RuntimeError
    with transaction.atomic():
        renew("b")
        during = versions("b")
    assert versions("b") != during


@pytest.mark.django_db
def test_migrating_renews_every_version():
    before = versions("a")
    call_command("migrate", verbosity=0)
    assert versions("a") != before


@pytest.mark.django_db(transaction=True)
def test_a_section_drawn_while_a_change_is_uncommitted_is_not_kept_as_current():
    """Another request draws the review's page while a finding is changed but not committed: it
    shows the finding before the change, and must not be kept as current once it commits."""
    need_service(connection.vendor == "postgresql", "needs PostgreSQL: two connections at once")
    panel = PanelFactory()
    member = UserFactory()
    MembershipFactory(panel=panel, user=member)
    review = ReviewFactory(panel=panel)
    finding = FindingFactory(review=review, statement="Before the change.")
    SiteSettings.load()
    client = Client()
    client.force_login(member)
    path = f"/reviews/{review.pk}/"
    written, drawn = threading.Event(), threading.Event()

    def change():
        try:
            with transaction.atomic():
                changed = Finding.objects.get(pk=finding.pk)
                changed.statement = "After the change."
                changed.save()
                written.set()
                drawn.wait(timeout=240)
        finally:
            connection.close()

    writer = threading.Thread(target=change)
    writer.start()
    assert written.wait(timeout=240)
    assert "Before the change." in client.get(path).content.decode()  # drawn, and kept, meanwhile
    drawn.set()
    writer.join(timeout=240)
    assert "After the change." in client.get(path).content.decode()


def test_versions_read_along_come_in_the_same_cache_call_and_change_when_renewed():
    with freshness.read_along("site") as read:
        assert read == {}  # nothing read yet
        with mock.patch.object(freshness.cache, "get_many", wraps=freshness.cache.get_many) as get_many:
            page = versions("page")
    assert get_many.call_count == 1 and set(read) == {freshness.EPOCH_KEY, "site"}
    assert versions("page") == page  # outside the block, as before
    renew("site")
    with freshness.read_along("site") as again:
        versions("page")
    assert again["site"] != read["site"] and again[freshness.EPOCH_KEY] == read[freshness.EPOCH_KEY]
