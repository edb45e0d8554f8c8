from types import SimpleNamespace

import pytest

from panels.models import PanelRole
from tests.factories.accounts import UserFactory
from tests.factories.panels import MembershipFactory, PanelFactory
from tests.factories.recommendations import RecommendationFactory
from tests.factories.reviews import ReviewFactory


@pytest.fixture
def world(db):
    """A panel and its review, with a member, an owner officer and everyone else who matters."""
    panel = PanelFactory(name="SURE Team")
    review = ReviewFactory(panel=panel, title="Complaints handling")
    member = UserFactory(role="tenant", display_name="Morag Fraser")
    MembershipFactory(panel=panel, user=member)
    supporting = UserFactory(role="officer", display_name="Daniel Okafor")
    MembershipFactory(panel=panel, user=supporting, role=PanelRole.SUPPORTING_OFFICER)
    return SimpleNamespace(
        panel=panel,
        review=review,
        member=member,
        supporting_officer=supporting,
        outsider=UserFactory(role="tenant", display_name="Alex Outsider"),
        owner=UserFactory(role="officer", display_name="Priya Shah"),
        other_officer=UserFactory(role="officer", display_name="Tom Reid"),
        manager=UserFactory(role="manager", display_name="Helen Baird"),
        admin=UserFactory(role="admin", display_name="Sam Patel"),
    )


@pytest.fixture
def make_rec(world):
    """A recommendation of the world's review in a given status (owned by world.owner once planned)."""

    def make(status="draft", **kwargs):
        kwargs.setdefault("review", world.review)
        kwargs.setdefault("created_by", world.member)
        if status in ("in_progress", "implemented", "verified"):
            kwargs.setdefault("owner", world.owner)
        return RecommendationFactory(status=status, **kwargs)

    return make
