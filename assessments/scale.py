"""Self-assessments of the scale landlord: the 96-outcome engagement framework (placeholder
wording) scored ten times by 40 assessors each, and five years of indicator figures."""

from datetime import timedelta
from decimal import Decimal

from accounts.models import User
from assessments import imports, samples
from assessments.models import (
    Assessor,
    Framework,
    Indicator,
    IndicatorValue,
    Perspective,
    Score,
    SelfAssessment,
)
from scrutiny.scale import Plan, bulk

FRAMEWORK = "Scale: engagement standards (96 outcomes)"
LARGE_ASSESSMENT = "Scale: engagement self-assessment (latest)"
ROUNDS = 10
ASSESSORS = 40
YEARS_OF_FIGURES = 5


def seed(plan: Plan) -> None:
    """Make the framework, the rounds and the figures once; note the latest round's id."""
    if not Framework.objects.filter(name=FRAMEWORK).exists():
        _make(plan)
    plan.made["large_self_assessment"] = SelfAssessment.objects.get(title=LARGE_ASSESSMENT).pk


def _make(plan: Plan) -> None:
    rnd = plan.random
    people = plan.made["people"]
    admin = User.objects.get(pk=people["admin"][0])
    framework = imports.import_framework(
        by=admin,
        data=samples.ninety_six_csv().encode(),
        filename="scale.csv",
        name=FRAMEWORK,
        source="Sample file shipped with Scrutiny",
    )
    outcomes = list(framework.outcomes.order_by("pk").values_list("pk", flat=True))
    pool = [(pk, Perspective.TENANT) for pk in people["tenant"]] + [
        (pk, Perspective.STAFF) for pk in people["officer"] + people["manager"]
    ]
    rounds = plan.fixed(ROUNDS, least=2)
    size = min(len(pool), plan.fixed(ASSESSORS, least=5))
    for n in range(rounds):
        closes = plan.today - timedelta(days=30 + 365 * (rounds - 1 - n))
        title = LARGE_ASSESSMENT if n == rounds - 1 else f"Scale: engagement self-assessment {n + 1}"
        sa = SelfAssessment.objects.create(
            framework=framework,
            title=title,
            opens_on=closes - timedelta(days=28),
            closes_on=closes,
            created_by=admin,
        )
        chosen = rnd.sample(pool, size)
        assessors = bulk(
            Assessor,
            [
                Assessor(self_assessment=sa, user_id=pk, perspective=view, finished_at=None)
                for pk, view in chosen
            ],
        )
        bulk(
            Score,
            [
                Score(assessor=a, outcome_id=o, value=None if rnd.random() < 0.08 else rnd.randint(1, 4))
                for a in assessors
                for o in outcomes
            ],
        )
    values = []
    first_year = plan.today.year - YEARS_OF_FIGURES
    for indicator in Indicator.objects.filter(framework__is_seeded=True):
        level = rnd.uniform(60, 95)
        for year in range(first_year, first_year + YEARS_OF_FIGURES):
            level = max(0, level + rnd.uniform(-4, 4))
            values.append(
                IndicatorValue(
                    indicator=indicator,
                    year=year,
                    value=Decimal(f"{level:.1f}"),
                    target=Decimal("90.0"),
                    peer_average=Decimal(f"{level + 1.5:.1f}"),
                )
            )
    bulk(IndicatorValue, values)
    plan.note(
        f"{rounds} self-assessments of {len(outcomes)} outcomes by {size} assessors; "
        f"{len(values)} indicator figures"
    )
