import factory

from panels.models import Membership, Panel, PanelKind, PanelRole
from tests.factories.accounts import UserFactory


class PanelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Panel

    name = factory.Sequence(lambda n: f"Scrutiny panel {n}")
    kind = PanelKind.SCRUTINY_PANEL
    purpose = "To examine services in depth and recommend improvements."


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    panel = factory.SubFactory(PanelFactory)
    user = factory.SubFactory(UserFactory)
    role = PanelRole.MEMBER
