"""Mystery shopping of the scale landlord: ONE programme of 10,000 visits of 30 answers each,
the size the programme dashboard is measured at (bench/measures/dashboards.py)."""

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.db import connection
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
from reviews.models import Review, ReviewKind, ServiceArea, Stage
from scrutiny.scale import Plan, bulk, chunks

PROGRAMME = "Scale: Mystery shopping programme (10,000 visits)"
CHECKLIST = "Scale: telephone contact"
VISITS = 10_000
SECTIONS = 3
STANDARDS_PER_SECTION = 10
SITES = 20
MONTHS = 12
# Answers are written a few thousand visits at a time, so memory stays small.
VISITS_PER_BATCH = 1_000


def seed(plan: Plan) -> None:
    """Make the programme, its checklist, sites, visits and answers once."""
    if Review.objects.filter(title=PROGRAMME, visits__isnull=False).exists():
        return
    checklist, standards = scale_checklist()
    sites = scale_sites(plan)
    review = _programme(plan)
    shoppers = plan.made["people"]["tenant"]
    rnd = plan.random
    count = plan.count(VISITS, least=10)
    # Sites differ in how good they are, and every site gets a little better each month, so the
    # dashboard's trend lines and failing standards look like a real programme's.
    quality = {site.pk: rnd.uniform(0.55, 0.9) for site in sites}
    made = 0
    for batch in chunks(range(count), VISITS_PER_BATCH):
        visits, results = [], []
        for _ in batch:
            site = rnd.choice(sites)
            days_ago = rnd.randint(0, MONTHS * 30)
            chance = min(0.98, quality[site.pk] + (MONTHS * 30 - days_ago) / 3000)
            passed = [rnd.random() < chance for _ in standards]
            when = timezone.make_aware(
                datetime.combine(plan.today - timedelta(days=days_ago), time(rnd.randint(9, 16)))
            )
            points = Decimal(sum(passed))
            visits.append(Visit(
                review=review, checklist=checklist, site=site,
                channel=rnd.choice((Channel.PHONE, Channel.IN_PERSON)), visited_at=when,
                shopper_id=rnd.choice(shoppers), status=VisitStatus.SUBMITTED,
                submitted_at=when + timedelta(hours=2), points=points,
                max_points=Decimal(len(standards)),
                score=(points * 100 / len(standards)).quantize(Decimal("0.1")),
            ))
            results.append(passed)
        visits = bulk(Visit, visits)
        bulk(Answer, [
            Answer(visit=visit, standard=standard, choice="yes" if ok else "no", passed=ok,
                   points=Decimal(1 if ok else 0), max_points=Decimal(1),
                   answered_by_id=visit.shopper_id)
            for visit, passed in zip(visits, results, strict=True)
            for standard, ok in zip(standards, passed, strict=True)
        ])
        made += len(visits)
    if connection.vendor == "postgresql":
        # Fresh planner statistics: right after a bulk insert PostgreSQL still thinks the tables
        # are nearly empty and picks plans (nested loops over 300,000 answers) that take seconds.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE mysteryshop_visit, mysteryshop_answer")
    plan.note(f"1 programme of {made} visits, {made * len(standards)} answers")


def scale_checklist() -> tuple[Checklist, list[Standard]]:
    checklist = Checklist.objects.filter(title=CHECKLIST, is_current=True).first()
    if checklist is None:
        checklist = Checklist.objects.create(title=CHECKLIST, purpose=ChecklistPurpose.PHONE)
        sections = bulk(Section, [Section(checklist=checklist, position=n, title=f"Part {n}")
                                  for n in range(1, SECTIONS + 1)])
        bulk(Standard, [
            Standard(checklist=checklist, section=section, position=n,
                     question=f"{section.title}: was step {n} done well?")
            for section in sections for n in range(1, STANDARDS_PER_SECTION + 1)
        ])
    return checklist, list(checklist.standards.order_by("section__position", "position"))


def scale_sites(plan: Plan) -> list[Site]:
    kinds = (SiteKind.OFFICE, SiteKind.SERVICE)
    return [
        Site.objects.get_or_create(name=f"Scale: office {n}", defaults={"kind": plan.random.choice(kinds)})[0]
        for n in range(SITES)
    ]


def _programme(plan: Plan) -> Review:
    people = plan.made["people"]
    review, _ = Review.objects.get_or_create(title=PROGRAMME, defaults={
        "panel_id": plan.made["active_panel"], "kind": ReviewKind.MYSTERY_SHOPPING,
        "service_area": ServiceArea.objects.get_or_create(name="Customer service")[0],
        "scope": "How the local offices answer the phone and greet people at the counter.",
        "method": "Mystery shopping by phone and in person against the telephone checklist.",
        "planned_start": plan.today - timedelta(days=MONTHS * 31),
        "planned_end": plan.today + timedelta(days=30), "stage": Stage.EVIDENCE,
        "lead_member_id": people["tenant"][0], "supporting_officer_id": people["officer"][0],
    })
    return review
