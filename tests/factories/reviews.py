import factory

from reviews.models import Finding, FindingKind, Review, ScopeQuestion, ServiceArea
from tests.factories.panels import PanelFactory


class ServiceAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceArea
        django_get_or_create = ["name"]

    name = "Complaints"


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Review

    panel = factory.SubFactory(PanelFactory)
    title = factory.Sequence(lambda n: f"Review of complaints handling {n}")
    service_area = factory.SubFactory(ServiceAreaFactory)
    scope = "How stage 1 complaints are handled and reported to tenants."


class ScopeQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScopeQuestion

    review = factory.SubFactory(ReviewFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = "Are complaints answered within 5 working days?"


class FindingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Finding

    review = factory.SubFactory(ReviewFactory)
    kind = FindingKind.WEAKNESS
    statement = "Tenants were not told who was dealing with their complaint."
