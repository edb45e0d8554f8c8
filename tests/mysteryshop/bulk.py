"""Many submitted visits with their answers, quickly enough for a test of 10,000 visits.

Every visit answers every scored standard of the phone checklist, scored as the service scores
them (mysteryshop.scoring), and carries the sums of its answers, as services.record_answer keeps
them. Making 100,000 answers one Python object at a time takes longer than the test should, so
47 answer sheets are drawn at random and the visits fill them in in turn: the first visit of each
sheet gets its answers with bulk_create, and one INSERT ... SELECT copies them to the other
visits of that sheet inside the database."""

import datetime
import random
from decimal import Decimal

from django.db import connection
from django.utils import timezone

from mysteryshop.models import Answer, Channel, Site, SiteKind, Standard, Visit, VisitStatus
from mysteryshop.scoring import percentage, score_answer

SHEETS = 47  # prime, so the sheets fall across the three offices, two channels and the months


def _sheet(standards: list[Standard], rng: random.Random) -> tuple[list[dict], Decimal, Decimal]:
    """One visit's answers to the standards, scored, with their points and the most possible."""
    rows, points, max_points = [], Decimal(0), Decimal(0)
    for standard in standards:
        value = {"yes_no": {"choice": rng.choice(["yes", "yes", "no"])},
                 "rating": {"rating": rng.randint(1, 5)},
                 "number": {"number": Decimal(rng.randint(0, 9))}}[standard.answer_type]
        result = score_answer(standard, **value)
        rows.append({"standard": standard, "points": result.points, "max_points": result.max_points,
                     "passed": result.passed, **value})
        points += result.points
        max_points += result.max_points
    return rows, points, max_points


def bulk_visits(shop, count, *, seed=7):
    """`count` submitted visits over five months to three offices, each with its answers."""
    rng = random.Random(seed)
    offices = [Site.objects.get_or_create(name=n, kind=SiteKind.OFFICE)[0]
               for n in ("Perth", "Crieff", "Blairgowrie")]
    standards = [s for s in shop.phone.standards.all() if s.answer_type != "text"]
    sheets = [_sheet(standards, rng) for _ in range(min(SHEETS, count))]
    start = timezone.make_aware(datetime.datetime(2014, 11, 3, 10, 0))
    visits = Visit.objects.bulk_create([
        Visit(review=shop.review, checklist=shop.phone, site=offices[i % 3],
              channel=Channel.PHONE if i % 2 else Channel.IN_PERSON, shopper=shop.shopper,
              visited_at=start + datetime.timedelta(days=(i * 150) // max(count, 1)),
              status=VisitStatus.SUBMITTED, submitted_at=start,
              points=sheets[i % SHEETS][1], max_points=sheets[i % SHEETS][2],
              score=percentage(sheets[i % SHEETS][1], sheets[i % SHEETS][2]))
        for i in range(count)
    ], batch_size=2000)
    firsts = zip(visits, sheets, strict=False)  # each sheet's first visit
    Answer.objects.bulk_create([Answer(visit=visit, **row) for visit, (rows, *_) in firsts for row in rows])
    if count > SHEETS:
        _copy_answers(visits)
    return visits


def _copy_answers(visits: list[Visit]) -> None:
    """Gives visit i the answers of visit i % SHEETS, which bulk_create numbered in order."""
    first, last = visits[0].pk, visits[-1].pk
    assert last - first == len(visits) - 1, "bulk_create numbered the visits out of order"
    # Every column of an answer but its own id and its visit's, taken from the sheet's first visit.
    own = [f.column for f in Answer._meta.concrete_fields if f.name not in ("id", "visit")]
    table, columns, copied = Answer._meta.db_table, ", ".join(own), ", ".join(f"a.{c}" for c in own)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (visit_id, {columns}) SELECT v.id, {copied} "  # noqa: S608  # our names
            f"FROM {Visit._meta.db_table} v JOIN {table} a ON a.visit_id = %s + (v.id - %s) %% {SHEETS} "
            "WHERE v.id > %s AND v.id <= %s",
            [first, first, first + SHEETS - 1, last],
        )
