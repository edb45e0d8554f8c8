"""Recommendations of the scale landlord: 6,000 with the landlord's responses, 20,000 actions,
progress updates and 30,000 status changes."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from recommendations.models import (
    Action,
    ActionStatus,
    Decision,
    Priority,
    ProgressUpdate,
    Recommendation,
    Response,
    Status,
    Transition,
)
from reviews.models import Stage
from scrutiny.scale import Plan, bulk

RECOMMENDATIONS = 6_000
ACTIONS = 20_000
# The path each recommendation has taken so far, and how common each end point is.
PATHS = [
    ([Status.SUBMITTED], 1),
    ([Status.SUBMITTED, Status.REJECTED], 1),
    ([Status.SUBMITTED, Status.ACCEPTED], 1),
    ([Status.SUBMITTED, Status.ACCEPTED, Status.IN_PROGRESS], 3),
    ([Status.SUBMITTED, Status.PARTLY_ACCEPTED, Status.IN_PROGRESS], 1),
    ([Status.SUBMITTED, Status.ACCEPTED, Status.IN_PROGRESS, Status.IMPLEMENTED], 2),
    ([Status.SUBMITTED, Status.ACCEPTED, Status.IN_PROGRESS, Status.IMPLEMENTED, Status.VERIFIED], 6),
]
DECISIONS = {Status.ACCEPTED: Decision.ACCEPTED, Status.PARTLY_ACCEPTED: Decision.PARTLY_ACCEPTED,
             Status.REJECTED: Decision.REJECTED}


def seed(plan: Plan) -> None:
    """Make the recommendations and their history once."""
    if Recommendation.objects.filter(review_id__in=[r[0] for r in plan.made["reviews"]]).exists():
        return
    rnd = plan.random
    people = plan.made["people"]
    staff = people["officer"] + people["manager"]
    reported = [r for r in plan.made["reviews"] if Stage.position(r[2]) >= Stage.position(Stage.REPORTING)]
    reported = reported or plan.made["reviews"]
    paths = [path for path, weight in PATHS for _ in range(weight)]
    recs, routes = [], []
    numbers: dict[int, int] = {}
    for _ in range(plan.count(RECOMMENDATIONS, least=10)):
        review_id, _panel, stage, area = rnd.choice(reported)
        numbers[review_id] = numbers.get(review_id, 0) + 1
        route = rnd.choice(paths) if stage != Stage.REPORTING else [Status.DRAFT]
        submitted = _moment(plan.day(years_ago_max=plan.years - 0.3))
        implemented = submitted + timedelta(days=rnd.randint(90, 500))
        recs.append(Recommendation(
            review_id=review_id, number=numbers[review_id], service_area_id=area,
            text="Tell tenants when a repair will be late, and why.",
            rationale="Tenants said they were not told when repairs slipped.",
            priority=rnd.choice(Priority.values), status=route[-1], owner_id=rnd.choice(staff),
            due_date=(submitted + timedelta(days=rnd.randint(120, 720))).date(),
            submitted_at=submitted if route[0] == Status.SUBMITTED else None,
            implemented_at=implemented if Status.IMPLEMENTED in route else None,
            verified_at=implemented + timedelta(days=30) if Status.VERIFIED in route else None,
            implementation_summary=(
                "Repairs texts now say when and why." if Status.IMPLEMENTED in route else ""
            ),
            impact_statement="Tenants now hear when a repair slips." if Status.VERIFIED in route else "",
        ))
        routes.append(route)
    recs = bulk(Recommendation, recs)
    responses, transitions, actions = [], [], []
    with_plans = []
    for rec, route in zip(recs, routes, strict=True):
        at = rec.submitted_at or _moment(plan.day())
        transitions.append(Transition(recommendation=rec, from_status="", to_status=Status.DRAFT, at=at,
                                      by_id=rec.owner_id))
        previous = Status.DRAFT
        for step in route:
            if step == Status.DRAFT:
                continue
            if step in DECISIONS:
                at = at + timedelta(days=rnd.randint(5, 90))
                responses.append(Response(recommendation=rec, decision=DECISIONS[step], responded_at=at,
                                          responded_by_id=rnd.choice(people["manager"]),
                                          reason="" if step == Status.ACCEPTED else "Costs too much."))
            elif step == Status.IMPLEMENTED:
                at = rec.implemented_at or at  # always set on a recommendation that reached this step
            elif step == Status.VERIFIED:
                at = rec.verified_at or at
            elif step == Status.IN_PROGRESS:
                at = at + timedelta(days=rnd.randint(5, 40))
                with_plans.append(rec)
            transitions.append(Transition(recommendation=rec, from_status=previous, to_status=step, at=at,
                                          by_id=rec.owner_id, notified_at=at))
            previous = step
    bulk(Response, responses)
    bulk(Transition, transitions)
    share, extra = divmod(plan.count(ACTIONS), max(1, len(with_plans)))
    for index, rec in enumerate(with_plans):
        done = rec.status in (Status.IMPLEMENTED, Status.VERIFIED)
        per_plan = max(1, share + (index < extra))
        for n in range(per_plan):
            actions.append(Action(
                recommendation=rec, what=f"Step {n + 1}: change the repairs letters", owner_id=rec.owner_id,
                due_date=rec.due_date - timedelta(days=30 * (per_plan - n)),
                status=ActionStatus.DONE if done else rnd.choice(
                    [ActionStatus.NOT_STARTED, ActionStatus.UNDERWAY, ActionStatus.DONE]),
            ))
    bulk(Action, actions)
    updates = [
        ProgressUpdate(recommendation=rec, text="The new letter is drafted and with the legal team.",
                       written_by_id=rec.owner_id, created_at=rec.submitted_at + timedelta(days=60))
        for rec in with_plans
    ]
    bulk(ProgressUpdate, updates)
    plan.note(
        f"{len(recs)} recommendations, {len(responses)} responses, {len(actions)} actions, "
        f"{len(updates)} progress updates, {len(transitions)} status changes"
    )


def _moment(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10)))
