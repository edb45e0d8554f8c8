"""The scale landlord's last finished report year, so the Annual Report page and PDF are measured
on it (bench/measures/annual_report.py): 12 reviews completed in the year, a mystery-shopping
programme of 400 visits made in it, and the panel's approved and published report with its own
words on every section. Verified recommendations and a closed self-assessment fall in every
year of the scale data already (recommendations/scale.py, assessments/scale.py).

Each part does nothing when its rows are there, so running seed_scale again changes nothing in
the same year. The site's "You said, we did" is made public with the report."""

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from mysteryshop.models import Answer, Channel, Visit, VisitStatus
from mysteryshop.scale import scale_checklist, scale_sites
from reports.annual import current_year, year_of
from reports.annual.sections import ASSESSABLE, COMPLETED, _completed_reviews
from reports.models import AnnualReport, AssessmentSection
from reviews.models import Review, ReviewKind, ServiceArea, Stage, StageChange
from scrutiny.dates import Period
from scrutiny.models import SiteSettings
from scrutiny.scale import Plan, bulk

COMPLETED_REVIEWS = 12
PROGRAMME = "Scale: Mystery shopping in the report year"
VISITS = 400
CHANNELS = [Channel.PHONE, Channel.PHONE, Channel.IN_PERSON, Channel.INSPECTION]
TEXT = ("The panel checked these figures against what tenants told us. Repairs got quicker, but "
        "tenants still wait too long to hear back about complaints, and we will keep asking why.")


def seed(plan: Plan) -> None:
    year = year_of(current_year() - 1)
    start = timezone.make_aware(datetime.combine(year.period.start, time(10)))
    days = (year.period.end - year.period.start).days
    _complete_reviews(plan, year.period, start, days)
    _programme(plan, start, days)
    _annual_report(plan, year.start_year)


def _complete_reviews(plan: Plan, period: Period, start: datetime, days: int) -> None:
    """Date the stage changes of finished reviews so that 12 went to the landlord in the year."""
    missing = COMPLETED_REVIEWS - _completed_reviews(period).count()
    if missing <= 0:
        return
    reviews = list(Review.objects.filter(stage__in=COMPLETED, title__startswith="Scale: ")
                   .exclude(kind=ReviewKind.MYSTERY_SHOPPING)
                   .exclude(pk__in=_completed_reviews(period).values("pk"))
                   .order_by("pk")[:missing])
    stages = list(Stage.values)
    for n, review in enumerate(reviews):
        completed = start + timedelta(days=days * (n + 1) // (len(reviews) + 1))
        reached = stages.index(Stage.RESPONSE)
        for change in StageChange.objects.filter(review=review):
            # Each stage a month before the next; the report went to the landlord on `completed`.
            moved = completed + timedelta(days=30 * (stages.index(change.to_stage) - reached))
            StageChange.objects.filter(pk=change.pk).update(changed_at=moved)
    plan.note(f"{len(reviews)} reviews completed in the report year")


def _programme(plan: Plan, start: datetime, days: int) -> None:
    """A programme of VISITS mystery shops and inspections, every one made in the year."""
    if Visit.objects.filter(review__title=PROGRAMME).exists():
        return
    people = plan.made["people"]
    checklist, standards = scale_checklist()
    sites = scale_sites(plan)
    review = Review.objects.create(
        title=PROGRAMME, panel_id=plan.made["active_panel"], kind=ReviewKind.MYSTERY_SHOPPING,
        service_area=ServiceArea.objects.get_or_create(name="Customer service")[0],
        scope="How offices answer the phone and greet people, and how clean the estates are.",
        stage=Stage.CLOSED, lead_member_id=people["tenant"][0], supporting_officer_id=people["officer"][0],
    )
    rnd = plan.random
    visits, results = [], []
    for n in range(plan.fixed(VISITS, least=10)):  # the year's, so not times the years seeded
        when = start + timedelta(days=rnd.randint(0, days), hours=rnd.randint(0, 6))
        passed = [rnd.random() < 0.78 for _ in standards]
        points = Decimal(sum(passed))
        visits.append(Visit(
            review=review, checklist=checklist, site=rnd.choice(sites), channel=CHANNELS[n % len(CHANNELS)],
            visited_at=when, shopper_id=rnd.choice(people["tenant"]), status=VisitStatus.SUBMITTED,
            submitted_at=when + timedelta(hours=2), points=points, max_points=Decimal(len(standards)),
            score=(points * 100 / len(standards)).quantize(Decimal("0.1")),
        ))
        results.append(passed)
    visits = bulk(Visit, visits)
    bulk(Answer, [
        Answer(visit=visit, standard=standard, choice="yes" if ok else "no", passed=ok,
               points=Decimal(1 if ok else 0), max_points=Decimal(1), answered_by_id=visit.shopper_id)
        for visit, passed in zip(visits, results, strict=True)
        for standard, ok in zip(standards, passed, strict=True)
    ])
    plan.note(f"1 programme of {len(visits)} visits in the report year")


def _annual_report(plan: Plan, year: int) -> None:
    """The panel's own words on every section, approved by its chair and published."""
    # A landlord that publishes its report opens "You said, we did" to everyone too: both are
    # the public pages `make bench-load` measures.
    site = SiteSettings.load()
    if not site.public_you_said_we_did:
        site.public_you_said_we_did = True
        site.save()
    record, _ = AnnualReport.objects.get_or_create(year=year)
    if record.approved_at and record.published:
        return
    chair = plan.made["people"]["tenant"][0]
    for key, _title in ASSESSABLE:
        AssessmentSection.objects.get_or_create(annual_report=record, section=key,
                                                defaults={"text": TEXT, "updated_by_id": chair})
    AnnualReport.objects.filter(pk=record.pk).update(
        approved_at=timezone.now(), approved_by_id=chair, published=True,
    )
    plan.note(f"the Annual Report to Tenants {year}, approved and published")
