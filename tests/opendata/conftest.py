from types import SimpleNamespace

import pytest

from opendata import public
from panels.models import PanelRole
from recommendations.models import Status
from reviews.models import Stage
from scrutiny.models import SiteSettings
from tests.factories.accounts import UserFactory
from tests.factories.panels import MembershipFactory, PanelFactory
from tests.factories.recommendations import ActionFactory, RecommendationFactory
from tests.factories.reviews import DocumentFactory, FindingFactory, ReviewFactory

SWITCHES = (public.PROGRAMME, public.REPORTS, public.RECOMMENDATIONS, public.OPEN_DATA)


def switch_on(*keys: str) -> None:
    site = SiteSettings.load()
    site.switches = {**site.switches, **dict.fromkeys(keys or SWITCHES, True)}
    site.save()


@pytest.fixture
def world(db):
    """A panel with a chair and a member, a completed review with findings, evidence and
    recommendations in every state, a review under way and one planned."""
    panel = PanelFactory(name="SURE Team")
    chair = UserFactory(role="tenant", display_name="Morag Fraser", email="morag@example.org",
                        phone="07700 900111")
    member = UserFactory(role="tenant", display_name="Iain Reid", email="iain@example.org")
    MembershipFactory(panel=panel, user=chair, role=PanelRole.CHAIR)
    MembershipFactory(panel=panel, user=member, role=PanelRole.MEMBER)
    review = ReviewFactory(panel=panel, title="Complaints handling", stage=Stage.MONITORING,
                           lead_member=member)
    finding = FindingFactory(review=review, raised_by=member)
    secret = DocumentFactory(review=review, title="Interview notes with Iain Reid")
    shown = DocumentFactory(review=review, title="Complaints policy")
    finding.evidence.add(secret, shown)
    accepted = RecommendationFactory(review=review, status=Status.ACCEPTED,
                                     text="Name the complaint handler.")
    ActionFactory(recommendation=accepted, what="Add names to letters")
    RecommendationFactory(review=review, status=Status.PARTLY_ACCEPTED, text="Call back within a day.")
    RecommendationFactory(review=review, status=Status.REJECTED, text="Open on Sundays.")
    RecommendationFactory(review=review, status=Status.VERIFIED, text="Say how to escalate.")
    RecommendationFactory(review=review, status=Status.SUBMITTED, text="Publish complaint figures.")
    RecommendationFactory(review=review, status=Status.DRAFT, text="A draft nobody may see.")
    return SimpleNamespace(
        panel=panel, chair=chair, member=member, review=review, finding=finding, secret=secret, shown=shown,
        under_way=ReviewFactory(panel=panel, title="Repairs communication", stage=Stage.EVIDENCE),
        planned=ReviewFactory(panel=panel, title="Estate walkabouts", stage=Stage.SCOPING),
        proposed=ReviewFactory(panel=panel, title="An idea not yet agreed", stage=Stage.PROPOSED),
        admin=UserFactory(role="admin", display_name="Sam Patel"),
        manager=UserFactory(role="manager", display_name="Helen Baird"),
    )
