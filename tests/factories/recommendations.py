import datetime

import factory
from django.db.models import Max
from django.utils import timezone

from recommendations.models import Action, Decision, Recommendation, Response, Status
from tests.factories.accounts import UserFactory
from tests.factories.reviews import ReviewFactory

RESPONDED = {
    Status.ACCEPTED: Decision.ACCEPTED,
    Status.PARTLY_ACCEPTED: Decision.PARTLY_ACCEPTED,
    Status.REJECTED: Decision.REJECTED,
    Status.IN_PROGRESS: Decision.ACCEPTED,
    Status.IMPLEMENTED: Decision.ACCEPTED,
    Status.VERIFIED: Decision.ACCEPTED,
}
PLANNED = {Status.IN_PROGRESS, Status.IMPLEMENTED, Status.VERIFIED}


class RecommendationFactory(factory.django.DjangoModelFactory):
    """A recommendation already in `status`, with what that status implies (response, owner, dates).

    Tests of the lifecycle itself go through the services; this only sets the scene.
    """

    class Meta:
        model = Recommendation
        skip_postgeneration_save = True

    review = factory.SubFactory(ReviewFactory)
    number = factory.LazyAttribute(
        lambda o: (Recommendation.objects.filter(review=o.review).aggregate(n=Max("number"))["n"] or 0) + 1
    )
    text = factory.Sequence(lambda n: f"Tell tenants who is dealing with their complaint ({n}).")
    rationale = "Tenants said they did not know who to chase."
    status = Status.DRAFT
    service_area = factory.LazyAttribute(lambda o: o.review.service_area)
    submitted_at = factory.LazyAttribute(
        lambda o: None if o.status == Status.DRAFT else timezone.now() - datetime.timedelta(days=30)
    )
    owner = factory.LazyAttribute(lambda o: UserFactory(role="officer") if o.status in PLANNED else None)
    due_date = factory.LazyAttribute(
        lambda o: timezone.localdate() + datetime.timedelta(days=30) if o.status in PLANNED else None
    )
    implemented_at = factory.LazyAttribute(
        lambda o: timezone.now() - datetime.timedelta(days=2)
        if o.status in (Status.IMPLEMENTED, Status.VERIFIED) else None
    )
    implementation_summary = factory.LazyAttribute(
        lambda o: "Letters now name the team." if o.implemented_at else ""
    )
    verified_at = factory.LazyAttribute(lambda o: timezone.now() if o.status == Status.VERIFIED else None)
    impact_statement = factory.LazyAttribute(
        lambda o: "Tenants know who to call." if o.status == Status.VERIFIED else ""
    )

    @factory.post_generation
    def response(obj, create, extracted, **kwargs):
        if create and obj.status in RESPONDED:
            Response.objects.create(
                recommendation=obj, decision=RESPONDED[obj.status],
                reason="" if RESPONDED[obj.status] == Decision.ACCEPTED else "Not all of it is affordable.",
                responded_at=obj.submitted_at + datetime.timedelta(days=10),
            )


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    recommendation = factory.SubFactory(RecommendationFactory, status=Status.IN_PROGRESS)
    what = "Add the team's name to complaint acknowledgement letters"
    owner = factory.LazyAttribute(lambda o: o.recommendation.owner or UserFactory(role="officer"))
    due_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))
