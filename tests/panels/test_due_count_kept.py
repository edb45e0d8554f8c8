"""A panel's page counts members due refresher training once and keeps the count under the
panel's figures version: training of its members changes it, a change elsewhere leaves it kept."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from panels.selectors import page_due_count
from tests.factories.accounts import UserFactory
from tests.factories.panels import MembershipFactory, PanelFactory, TrainingFactory

pytestmark = pytest.mark.django_db


def counted(panel):
    """The count, and whether it was worked out afresh (a query on training) or kept."""
    with CaptureQueriesContext(connection) as queries:
        count = page_due_count(panel)
    return count, any("panels_training" in q["sql"] for q in queries)


def test_training_of_a_member_counts_afresh_and_other_panels_training_does_not():
    panel, other = PanelFactory(), PanelFactory()
    member, outsider = UserFactory(role="tenant"), UserFactory(role="tenant")
    MembershipFactory(panel=panel, user=member)
    MembershipFactory(panel=other, user=outsider)
    cache.clear()
    assert counted(panel) == (0, True)
    assert counted(panel) == (0, False)  # kept

    soon = timezone.localdate() + datetime.timedelta(days=10)
    TrainingFactory(user=outsider, expires_on=soon)
    assert counted(panel) == (0, False)  # another panel's member: still kept

    TrainingFactory(user=member, expires_on=soon)
    assert counted(panel) == (1, True)
