import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from mysteryshop.models import (
    AnswerType,
    Channel,
    CheckedDocument,
    Checklist,
    JargonTerm,
    Section,
    Site,
    SiteKind,
    Standard,
    Visit,
)
from reviews.models import ReviewKind
from tests.factories.accounts import UserFactory
from tests.factories.reviews import ReviewFactory


class ProgrammeFactory(ReviewFactory):
    title = factory.Sequence(lambda n: f"Mystery shopping of local offices {n}")
    kind = ReviewKind.MYSTERY_SHOPPING


class ChecklistFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Checklist

    title = factory.Sequence(lambda n: f"Telephone contact {n}")
    purpose = "phone"


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    checklist = factory.SubFactory(ChecklistFactory)
    title = "Getting through"
    position = factory.Sequence(lambda n: n + 1)


class StandardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Standard

    section = factory.SubFactory(SectionFactory)
    checklist = factory.LazyAttribute(lambda o: o.section.checklist)
    question = factory.Sequence(lambda n: f"Did the person give their name? ({n})")
    answer_type = AnswerType.YES_NO
    weight = 1
    position = factory.Sequence(lambda n: n + 1)


def number_standard(**kwargs):
    defaults = {"question": "How many rings before an answer?", "answer_type": AnswerType.NUMBER,
                "threshold": Decimal(5), "lower_is_better": True, "unit": "rings", "weight": 2}
    return StandardFactory(**{**defaults, **kwargs})


class SiteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Site
        django_get_or_create = ["name", "kind"]

    name = factory.Sequence(lambda n: f"Local office {n}")
    kind = SiteKind.OFFICE


class VisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Visit

    review = factory.SubFactory(ProgrammeFactory)
    checklist = factory.SubFactory(ChecklistFactory)
    site = factory.SubFactory(SiteFactory)
    channel = Channel.PHONE
    visited_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    shopper = factory.SubFactory(UserFactory, role="tenant")


class CheckedDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CheckedDocument

    review = factory.SubFactory(ReviewFactory, kind=ReviewKind.DOCUMENT_REVIEW)
    title = factory.Sequence(lambda n: f"Your new tenancy leaflet {n}")
    text = "Welcome to your new home. Call us if you need help. We are here to help you."


class JargonTermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JargonTerm
        django_get_or_create = ["term"]

    term = "arrears"
    plain = "rent owed"


def phone_shop_started():
    """Morag Fraser, a member of the Mystery Shoppers, with a phone shop of the Perth local
    office just started against the seeded "Telephone contact" checklist: (shopper, visit)."""
    from django.apps import apps
    from django.utils import timezone

    from mysteryshop import services
    from mysteryshop.models import Checklist, Site, SiteKind
    from mysteryshop.seed import seed_all
    from tests.factories.accounts import UserFactory
    from tests.factories.panels import MembershipFactory, PanelFactory

    seed_all(apps)
    panel = PanelFactory(name="Mystery Shoppers")
    shopper = UserFactory(role="tenant", display_name="Morag Fraser")
    MembershipFactory(panel=panel, user=shopper)
    review = ProgrammeFactory(panel=panel, title="Local offices 2014/15")
    office, _ = Site.objects.get_or_create(name="Perth local office", kind=SiteKind.OFFICE)
    phone = Checklist.objects.get(title="Telephone contact", is_current=True)
    visit = services.start_visit(by=shopper, review=review, checklist=phone, site=office,
                                 channel="phone", visited_at=timezone.now())
    return shopper, visit
