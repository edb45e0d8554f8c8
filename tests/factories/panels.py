import datetime

import factory
from django.utils import timezone

from panels.models import (
    Attendance,
    AttendanceStatus,
    Meeting,
    Membership,
    Panel,
    PanelKind,
    PanelRole,
    Training,
)
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


class MeetingFactory(factory.django.DjangoModelFactory):
    """A meeting a week from now by default; pass date= for one in the past."""

    class Meta:
        model = Meeting

    panel = factory.SubFactory(PanelFactory)
    title = "Panel meeting"
    date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=7))
    start_time = datetime.time(10, 0)
    end_time = datetime.time(12, 0)
    place = "Housing Office, 14 North Road"
    agenda = "1. Welcome and apologies\n2. Complaints review: findings"


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(MeetingFactory)
    user = factory.SubFactory(UserFactory)
    status = AttendanceStatus.PRESENT
    hours = factory.LazyAttribute(
        lambda o: o.meeting.length_hours if o.status == AttendanceStatus.PRESENT else None
    )


class TrainingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Training

    user = factory.SubFactory(UserFactory)
    course = "Introduction to tenant scrutiny"
    provider = "Tenant Information Service"
    completed_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
