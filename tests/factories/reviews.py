import io

import factory
from django.core.files.base import ContentFile
from PIL import Image

from reviews.models import (
    CommentKind,
    Document,
    Finding,
    FindingComment,
    FindingKind,
    Interview,
    PerformanceFigure,
    Review,
    ScopeQuestion,
    ServiceArea,
    SiteVisit,
    SiteVisitPhoto,
)
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


# Evidence of each kind, for tests that need a review with evidence in place.

def small_jpeg():
    out = io.BytesIO()
    Image.new("RGB", (20, 20), "blue").save(out, format="JPEG")
    return out.getvalue()


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    review = factory.SubFactory(ReviewFactory)
    title = factory.Sequence(lambda n: f"Complaints policy {n}")
    source = "Housing Services"
    file = factory.LazyFunction(
        lambda: ContentFile(b"Stage 1 complaints are answered within 5 working days.", name="policy.txt")
    )
    original_name = "policy.txt"
    size = 55


class PerformanceFigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PerformanceFigure

    review = factory.SubFactory(ReviewFactory)
    title = factory.LazyAttribute(lambda o: o.measure)
    measure = factory.Sequence(lambda n: f"Stage 1 complaints answered on time {n}")
    value = 78
    unit = "%"
    period = "2015/16"
    target = 90


class InterviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interview

    review = factory.SubFactory(ReviewFactory)
    title = factory.LazyAttribute(lambda o: f"Interview with {o.interviewee_role}")
    interviewee_role = "Customer service adviser"
    questions = "When do you record a complaint?"
    notes = "Only when the tenant uses the word complaint."


class SiteVisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SiteVisit

    review = factory.SubFactory(ReviewFactory)
    title = factory.LazyAttribute(lambda o: f"Visit to {o.place}")
    place = "North area housing office"
    notes = "No private space at reception."


class SiteVisitPhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SiteVisitPhoto

    site_visit = factory.SubFactory(SiteVisitFactory)
    file = factory.LazyFunction(lambda: ContentFile(small_jpeg(), name="photo.jpg"))
    description = "The reception counter"


class FindingCommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FindingComment

    finding = factory.SubFactory(FindingFactory)
    kind = CommentKind.AGREE
    text = ""
