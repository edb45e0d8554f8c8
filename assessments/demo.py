"""Demo data: the 96-outcome engagement framework (placeholder wording) scored by 12 people with
realistic disagreement, a second round in progress, and two years of Charter figures. Idempotent."""

import random
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from accounts.models import User
from assessments import imports, samples
from assessments.models import (
    Assessor,
    Framework,
    ImprovementAction,
    Indicator,
    IndicatorValue,
    Outcome,
    Perspective,
    Score,
    SelfAssessment,
)
from assessments.selectors import default_year, pooled_results

FRAMEWORK_NAME = "Engagement standards (our copy, sample wording)"
TENANTS = ["tenant", "sure_chair", "sure_member", "catriona", "douglas", "isla", "jean"]
STAFF = ["officer", "gillian", "karen", "stuart", "ruth"]
# How well each of the 8 standards is really met (1-4), and how much tenants and staff disagree:
# staff rate communication and scrutiny higher than tenants do; tenants rate community work higher.
LEVEL = {1: 3.2, 2: 2.4, 3: 2.0, 4: 3.4, 5: 2.8, 6: 1.8, 7: 3.0, 8: 2.6}
STAFF_LEAN = {1: 0.2, 2: 0.8, 3: 0.9, 4: 0.0, 5: 0.1, 6: 0.6, 7: -0.5, 8: 0.0}
CHARTER_FIGURES = {  # code: (last year, this year, target, Scottish average), all made up
    "7": ("88.9", "91.4", "95", "85.0"),
    "11": ("4.2", "3.8", "4", "3.9"),
    "12": ("9.6", "8.1", "8", "8.7"),
    "13": ("88.4", "90.1", "92", "87.8"),
    "16": ("86.0", "83.5", "90", "87.3"),
    "23": ("51.2", "44.6", "40", "45.0"),
}


def _framework(admin: User) -> Framework:
    existing = Framework.objects.filter(name=FRAMEWORK_NAME).first()
    if existing:
        return existing
    return imports.import_framework(
        by=admin,
        data=samples.ninety_six_csv().encode(),
        filename="sample.csv",
        name=FRAMEWORK_NAME,
        source="Sample file shipped with Scrutiny",
    )


def _assessors(sa: SelfAssessment, people: dict[str, User], keys: list[str]) -> list[Assessor]:
    rows = []
    for key in keys:
        user = people.get(key)
        if user is None:
            continue
        perspective = Perspective.TENANT if user.role == "tenant" else Perspective.STAFF
        row, _ = Assessor.objects.get_or_create(
            self_assessment=sa, user=user, defaults={"perspective": perspective}
        )
        rows.append(row)
    return rows


def _score(rng: random.Random, standard: int, perspective: str) -> int | None:
    if rng.random() < (0.12 if perspective == Perspective.STAFF else 0.06):
        return None  # don't know: staff outside tenant involvement say so more often
    level = LEVEL[standard] + (STAFF_LEAN[standard] if perspective == Perspective.STAFF else 0)
    return max(1, min(4, round(rng.gauss(level, 0.7))))


def _fill(
    sa: SelfAssessment, assessors: list[Assessor], outcomes: list[Outcome], rng: random.Random,
    share: float = 1.0,
) -> None:
    have = set(Score.objects.filter(assessor__in=assessors).values_list("assessor_id", "outcome_id"))
    new = []
    for assessor in assessors:
        for outcome in outcomes[: int(len(outcomes) * share)]:
            if (assessor.pk, outcome.pk) not in have:
                standard = int(outcome.code.split(".")[0])
                new.append(
                    Score(
                        assessor=assessor, outcome=outcome, value=_score(rng, standard, assessor.perspective)
                    )
                )
    Score.objects.bulk_create(new)


def seed(*, password: str, people: dict[str, User]) -> dict[str, User]:
    today = timezone.localdate()
    admin = people["admin"]
    framework = _framework(admin)
    outcomes = list(framework.outcomes.select_related("standard").order_by("standard__position", "position"))
    rng = random.Random(2016)

    done, _ = SelfAssessment.objects.get_or_create(
        framework=framework,
        title="Tenant engagement self-assessment 2025",
        defaults={
            "opens_on": today - timedelta(days=120),
            "closes_on": today - timedelta(days=90),
            "created_by": people.get("officer"),
            "panel": None,
        },
    )
    assessors = _assessors(done, people, TENANTS + STAFF)
    _fill(done, assessors, outcomes, rng)
    Assessor.objects.filter(self_assessment=done, finished_at__isnull=True).update(
        finished_at=timezone.now() - timedelta(days=92)
    )
    if not done.actions.exists():
        for row in pooled_results(assessment=done).weaknesses[:2]:
            ImprovementAction.objects.create(
                self_assessment=done,
                outcome_id=row.outcome_id,
                owner=people.get("gillian") or admin,
                what="Ask the panel what would make this work for tenants and agree three changes with them.",
                due_date=today + timedelta(days=45),
                created_by=people.get("officer"),
            )

    current, _ = SelfAssessment.objects.get_or_create(
        framework=framework,
        title="Tenant engagement self-assessment 2026",
        defaults={
            "opens_on": today - timedelta(days=10),
            "closes_on": today + timedelta(days=21),
            "created_by": people.get("officer"),
        },
    )
    open_assessors = _assessors(current, people, TENANTS + STAFF)
    # Some have made a start; the demo tenant has scored the first standard.
    _fill(current, [a for a in open_assessors if a.user == people["tenant"]], outcomes[:12], rng)
    _fill(current, open_assessors[1:6], outcomes, rng, share=0.5)

    charter = Framework.objects.filter(code="scottish-social-housing-charter-2022").first()
    if charter:
        year = default_year()
        for code, (last, this, target, average) in CHARTER_FIGURES.items():
            indicator = Indicator.objects.filter(framework=charter, code=code).first()
            if indicator is None:
                continue
            for y, value in ((year - 1, last), (year, this)):
                IndicatorValue.objects.get_or_create(
                    indicator=indicator,
                    year=y,
                    defaults={
                        "value": Decimal(value),
                        "target": Decimal(target),
                        "peer_average": Decimal(average),
                        "updated_by": people.get("officer"),
                    },
                )
    return {}
