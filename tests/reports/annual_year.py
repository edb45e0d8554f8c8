"""A year of work for the Annual Report to Tenants, at a size the test chooses: reviews completed
in the year with findings and recommendations (some verified, answered by the landlord), mystery
shops, meetings, training, a closed self-assessment with its to-do list, and the country's
framework with figures for the year and the one before."""

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from assessments.models import Indicator, IndicatorValue
from recommendations.models import Decision, Response, Status
from reports.annual import year_of
from reviews.models import Stage, StageChange
from scrutiny.models import SiteSettings
from tests.factories.accounts import UserFactory
from tests.factories.assessments import (
    AssessorFactory,
    ImprovementActionFactory,
    OutcomeFactory,
    ScoreFactory,
    SelfAssessmentFactory,
)
from tests.factories.mysteryshop import VisitFactory
from tests.factories.panels import AttendanceFactory, MeetingFactory, MembershipFactory, TrainingFactory
from tests.factories.recommendations import RecommendationFactory
from tests.factories.reviews import FindingFactory, ReviewFactory


def moment(year: int, day: int) -> datetime:
    """Noon on the given day of the financial year starting in `year`."""
    start = year_of(year).period.start + timedelta(days=day)
    return datetime.combine(start, time(12), tzinfo=timezone.get_current_timezone())


def complete(review, at: datetime) -> None:
    """The review's report went to the landlord at `at`."""
    change = StageChange.objects.create(review=review, from_stage=Stage.REPORTING, to_stage=Stage.RESPONSE)
    StageChange.objects.filter(pk=change.pk).update(changed_at=at)


def build(*, year: int, panel, size: int) -> None:
    """`size` of each thing the report counts, dated in the financial year starting in `year`."""
    site = SiteSettings.load()
    site.country = "scotland"
    site.save()
    for n in range(size):
        review = ReviewFactory(panel=panel, title=f"Review {n}", stage=Stage.RESPONSE)
        complete(review, moment(year, 10 + n))
        FindingFactory(review=review)
        rec = RecommendationFactory(review=review, status=Status.VERIFIED, submitted_at=moment(year, 20 + n),
                                    implemented_at=moment(year, 30 + n), verified_at=moment(year, 40 + n))
        Response.objects.update_or_create(recommendation=rec, defaults={
            "decision": Decision.ACCEPTED, "responded_at": moment(year, 25)})
        VisitFactory(visited_at=moment(year, 50 + n), status="submitted", score=Decimal(70 + n))
        member = UserFactory(role="tenant")
        MembershipFactory(panel=panel, user=member)
        meeting = MeetingFactory(panel=panel, date=moment(year, 60 + n).date())
        AttendanceFactory(meeting=meeting, user=member)
        TrainingFactory(user=member, completed_on=moment(year, 70 + n).date())
    charter = Indicator.objects.filter(framework__code="scottish-social-housing-charter-2022")
    for indicator in charter.order_by("position")[:size]:
        IndicatorValue.objects.update_or_create(indicator=indicator, year=year,
                                                defaults={"value": Decimal(80), "target": Decimal(85)})
        IndicatorValue.objects.update_or_create(indicator=indicator, year=year - 1,
                                                defaults={"value": Decimal(78)})
    assessment = SelfAssessmentFactory(opens_on=moment(year, 80).date(), closes_on=moment(year, 90).date())
    for n in range(size):
        outcome = OutcomeFactory(framework=assessment.framework, standard__framework=assessment.framework)
        ScoreFactory(assessor=AssessorFactory(self_assessment=assessment), outcome=outcome, value=1 + n % 4)
        ImprovementActionFactory(self_assessment=assessment, outcome=outcome)
