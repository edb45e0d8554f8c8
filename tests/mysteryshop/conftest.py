from types import SimpleNamespace

import pytest
from django.conf import settings
from django.utils import translation

from mysteryshop.models import Checklist, Site, SiteKind
from tests.factories.accounts import UserFactory
from tests.factories.mysteryshop import ProgrammeFactory
from tests.factories.panels import MembershipFactory, PanelFactory


@pytest.fixture(autouse=True)
def english_to_start_with():
    """Each test starts in English, whatever language a request of the test before left active
    on this thread (LocaleMiddleware activates the page's and nothing puts it back): queries on
    a translated field (`title=`) are on the active language's column."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


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
