"""Mystery shopping of the scale landlord: 10,000 visits of 30 answers each, over the
mystery-shopping reviews seeded by reviews.scale."""

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from mysteryshop.models import (
    Answer,
    Channel,
    Checklist,
    ChecklistPurpose,
    Section,
    Site,
    SiteKind,
    Standard,
    Visit,
    VisitStatus,
)
from reviews.models import Review, ReviewKind
from scrutiny.scale import Plan, bulk

CHECKLIST = "Scale: telephone contact"
VISITS = 10_000
SECTIONS = 3
STANDARDS_PER_SECTION = 10
SITES = 20


def seed(plan: Plan) -> None:
    """Make the checklist, sites, visits and answers once."""
    if Checklist.objects.filter(title=CHECKLIST).exists():
        return
    rnd = plan.random
    checklist = Checklist.objects.create(title=CHECKLIST, purpose=ChecklistPurpose.PHONE)
    sections = bulk(Section, [Section(checklist=checklist, position=n, title=f"Part {n}")
                              for n in range(1, SECTIONS + 1)])
    standards = bulk(Standard, [
        Standard(checklist=checklist, section=section, position=n, question=f"Was step {n} done well?")
        for section in sections for n in range(1, STANDARDS_PER_SECTION + 1)
    ])
    sites = bulk(Site, [
        Site(name=f"Scale: office {n}", kind=rnd.choice(SiteKind.values)) for n in range(SITES)
    ])
    seeded = Review.objects.filter(title__startswith="Scale: ").values_list("pk", "lead_member_id")
    reviews = list(seeded.filter(kind=ReviewKind.MYSTERY_SHOPPING)) or list(seeded[:5])
    shoppers = plan.made["people"]["tenant"]
    visits, results = [], []
    for _ in range(plan.count(VISITS, least=10)):
        review_id, _lead = rnd.choice(reviews)
        passed = [rnd.random() < 0.75 for _ in standards]
        when = timezone.make_aware(datetime.combine(plan.day(), time(11)))
        points = Decimal(sum(passed))
        visits.append(Visit(
            review_id=review_id, checklist=checklist, site=rnd.choice(sites), channel=Channel.PHONE,
            visited_at=when, shopper_id=rnd.choice(shoppers), status=VisitStatus.SUBMITTED,
            submitted_at=when + timedelta(hours=2), points=points, max_points=Decimal(len(standards)),
            score=(points * 100 / len(standards)).quantize(Decimal("0.1")),
        ))
        results.append(passed)
    visits = bulk(Visit, visits)
    answers = [
        Answer(visit=visit, standard=standard, choice="yes" if ok else "no", passed=ok,
               points=Decimal(1 if ok else 0), max_points=Decimal(1), answered_by_id=visit.shopper_id)
        for visit, passed in zip(visits, results, strict=True)
        for standard, ok in zip(standards, passed, strict=True)
    ]
    bulk(Answer, answers)
    plan.note(f"{len(visits)} visits, {len(answers)} answers")
