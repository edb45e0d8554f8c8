from types import SimpleNamespace

import pytest

from panels.models import PanelRole
from reports.annual import current_year
from tests.factories.accounts import UserFactory
from tests.factories.panels import MembershipFactory, PanelFactory
from tests.factories.reviews import ReviewFactory


@pytest.fixture
def world(db):
    panel = PanelFactory(name="SURE Team")
    chair = UserFactory(role="tenant", display_name="Morag Fraser")
    member = UserFactory(role="tenant", display_name="Iain Reid")
    MembershipFactory(panel=panel, user=chair, role=PanelRole.CHAIR)
    MembershipFactory(panel=panel, user=member, role=PanelRole.MEMBER)
    return SimpleNamespace(
        panel=panel, chair=chair, member=member,
        review=ReviewFactory(panel=panel, title="Complaints handling"),
        manager=UserFactory(role="manager", display_name="Helen Baird"),
        officer=UserFactory(role="officer", display_name="Priya Shah"),
        admin=UserFactory(role="admin", display_name="Sam Patel"),
        outsider=UserFactory(role="tenant", display_name="Alex Outsider"),
        year=current_year() - 1,
    )


@pytest.fixture
def run_tasks(django_capture_on_commit_callbacks):
    """Run what the request queued after commit, as the worker would (tasks are eager in tests)."""

    def run(callable_, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return callable_(*args, **kwargs)

    return run
