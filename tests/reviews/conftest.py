from types import SimpleNamespace

import pytest

from panels.models import PanelRole
from tests.factories.accounts import UserFactory
from tests.factories.panels import MembershipFactory, PanelFactory
from tests.factories.reviews import ReviewFactory, ScopeQuestionFactory


@pytest.fixture
def world(db):
    """The SURE Team's review with two questions, two members, a chair, the supporting officer,
    an outsider tenant, an officer, a manager and an admin."""
    panel = PanelFactory(name="SURE Team")
    review = ReviewFactory(panel=panel, title="Complaints handling")
    member = UserFactory(role="tenant", display_name="Morag Fraser")
    second = UserFactory(role="tenant", display_name="Aileen Stewart")
    chair = UserFactory(role="tenant", display_name="Iain Robertson")
    supporting = UserFactory(role="officer", display_name="Daniel Okafor")
    MembershipFactory(panel=panel, user=member)
    MembershipFactory(panel=panel, user=second)
    MembershipFactory(panel=panel, user=chair, role=PanelRole.CHAIR)
    MembershipFactory(panel=panel, user=supporting, role=PanelRole.SUPPORTING_OFFICER)
    return SimpleNamespace(
        panel=panel,
        review=review,
        q1=ScopeQuestionFactory(review=review, number=1, text="Are complaints recorded?"),
        q2=ScopeQuestionFactory(review=review, number=2, text="Are complaints answered on time?"),
        member=member,
        second=second,
        chair=chair,
        supporting_officer=supporting,
        outsider=UserFactory(role="tenant", display_name="Alex Outsider"),
        officer=UserFactory(role="officer", display_name="Priya Shah"),
        manager=UserFactory(role="manager", display_name="Helen Baird"),
        admin=UserFactory(role="admin", display_name="Sam Patel"),
    )
