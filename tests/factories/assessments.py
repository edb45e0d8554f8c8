import datetime

import factory
from django.utils import timezone

from assessments.models import (
    Assessor,
    Framework,
    ImprovementAction,
    Outcome,
    Perspective,
    Score,
    SelfAssessment,
    Standard,
)
from tests.factories.accounts import UserFactory


class FrameworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Framework

    code = factory.Sequence(lambda n: f"framework-{n}")
    name = factory.Sequence(lambda n: f"Test framework {n}")


class StandardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Standard

    framework = factory.SubFactory(FrameworkFactory)
    code = factory.Sequence(lambda n: f"S{n}")
    title = factory.Sequence(lambda n: f"Standard {n}")
    position = factory.Sequence(lambda n: n)


class OutcomeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outcome

    standard = factory.SubFactory(StandardFactory)
    framework = factory.SelfAttribute("standard.framework")
    code = factory.Sequence(lambda n: f"O{n}")
    title = factory.Sequence(lambda n: f"Outcome {n}")
    position = factory.Sequence(lambda n: n)


def framework_with(standards: int, outcomes_each: int) -> Framework:
    """A framework of `standards` standards with `outcomes_each` outcomes in each."""
    framework = FrameworkFactory()
    for s in range(1, standards + 1):
        standard = StandardFactory(framework=framework, code=f"{s}", title=f"Standard {s}", position=s)
        for o in range(1, outcomes_each + 1):
            OutcomeFactory(standard=standard, code=f"{s}.{o}", title=f"Outcome {s}.{o}", position=o)
    return framework


class SelfAssessmentFactory(factory.django.DjangoModelFactory):
    """Open today by default; pass closes_on in the past (or closed_at) for a closed one."""

    class Meta:
        model = SelfAssessment

    framework = factory.SubFactory(FrameworkFactory)
    title = factory.Sequence(lambda n: f"Self-assessment {n}")
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=7))
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=21))
    created_by = factory.SubFactory(UserFactory, role="officer")


class AssessorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assessor

    self_assessment = factory.SubFactory(SelfAssessmentFactory)
    user = factory.SubFactory(UserFactory)
    perspective = factory.LazyAttribute(
        lambda o: Perspective.TENANT if o.user.role == "tenant" else Perspective.STAFF
    )


class ScoreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Score

    assessor = factory.SubFactory(AssessorFactory)
    outcome = factory.SubFactory(OutcomeFactory)
    value = 3


class ImprovementActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImprovementAction

    self_assessment = factory.SubFactory(SelfAssessmentFactory)
    outcome = factory.SubFactory(OutcomeFactory)
    what = "Write a plain-English leaflet about how to get involved."
    owner = factory.SubFactory(UserFactory, role="officer")
    due_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=60))
