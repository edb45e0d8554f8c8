from types import SimpleNamespace

import pytest

from mysteryshop.models import Checklist, Site, SiteKind
from tests.factories.accounts import UserFactory
from tests.factories.mysteryshop import ProgrammeFactory
from tests.factories.panels import MembershipFactory, PanelFactory


@pytest.fixture
def shop(db):
    """A mystery-shopping programme of the Mystery Shoppers panel, its shopper, another
    member, an officer and an admin, the seeded phone checklist and a local office."""
    panel = PanelFactory(name="Mystery Shoppers")
    shopper = UserFactory(role="tenant", display_name="Morag Fraser")
    member = UserFactory(role="tenant", display_name="Aileen Stewart")
    MembershipFactory(panel=panel, user=shopper)
    MembershipFactory(panel=panel, user=member)
    return SimpleNamespace(
        panel=panel, review=ProgrammeFactory(panel=panel, title="Local offices 2014/15"),
        shopper=shopper, member=member,
        officer=UserFactory(role="officer"), admin=UserFactory(role="admin"),
        phone=Checklist.objects.get(title="Telephone contact", is_current=True),
        office=Site.objects.get_or_create(name="Perth local office", kind=SiteKind.OFFICE)[0],
    )
