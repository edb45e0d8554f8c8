"""Demo recommendations: the SURE Team's two reviews and the mystery shoppers' programme, with
recommendations in every status, including overdue actions and a response waiting too long.

Every step goes through the services, as the person whose step it is, so the demo cannot hold
a state they would refuse; each step is then dated in the past (and marked as told, so no email
is sent). Each recommendation is found by its review and wording, so running the seed again
adds nothing.
"""

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.formats import date_format

from accounts.models import User
from panels.models import Membership, Panel, PanelKind, PanelRole
from panels.permissions import MANAGING_ROLES
from recommendations import services
from recommendations.models import (
    Action,
    ActionStatus,
    Decision,
    Priority,
    Recommendation,
    Response,
    Transition,
)
from reviews import services as review_services
from reviews.models import Review, ReviewKind, ServiceArea, Stage, StageChange

H, M, L = Priority.HIGH, Priority.MEDIUM, Priority.LOW


def _panel(name: str, kind: str) -> Panel:
    panel, _ = Panel.objects.get_or_create(name=name, defaults={"kind": kind})
    return panel


def _member(panel: Panel, user: User | None, role: str) -> None:
    if user and not Membership.objects.current().filter(panel=panel, user=user).exists():
        Membership.objects.create(
            panel=panel, user=user, role=role, joined_on=timezone.localdate() - timedelta(days=400)
        )


def _review(
    panel: Panel, title: str, area: str, people: dict[str, User], kind: str = ReviewKind.SCRUTINY_REVIEW
) -> Review:
    """The review, if the reviews seed made it; otherwise proposed by the demo tenant, confirmed
    by the panel's chair (or supporting officer) and moved on to monitoring, through the reviews
    services, with each stage dated in the past."""
    review = Review.objects.filter(title=title, panel=panel).first()
    if review is not None:
        return review
    lead = (
        Membership.objects.current().filter(panel=panel, role__in=MANAGING_ROLES)
        .select_related("user").order_by("role", "pk").first()
    )
    review = review_services.create_review(
        by=people["tenant"], panel=panel, title=title, kind=kind,
        service_area=ServiceArea.objects.get_or_create(name=area)[0],
    )
    lead_user = lead.user if lead else people["officer"]
    if lead is None:  # no chair on the panel: its supporting officer confirms it
        _member(panel, lead_user, PanelRole.SUPPORTING_OFFICER)
    review_services.confirm_review(review=review, by=lead_user)
    for stage in (Stage.EVIDENCE, Stage.ANALYSIS, Stage.REPORTING, Stage.RESPONSE, Stage.MONITORING):
        review_services.move_stage(review=review, to_stage=stage, by=lead_user)
    for ago, change in zip(range(560, 0, -20), review.stage_changes.order_by("pk"), strict=False):
        StageChange.objects.filter(pk=change.pk).update(changed_at=_ago(ago))
    Review.objects.filter(pk=review.pk).update(created_at=_ago(560))
    review.refresh_from_db()
    return review


def _ago(days: int) -> datetime:
    return timezone.now() - timedelta(days=days)


def _in(days: int) -> date:
    return timezone.localdate() + timedelta(days=days)


def _backdate(rec: Recommendation, days: int, **fields: bool) -> datetime:
    """Put the step just taken `days` in the past: its Transition (marked as told, so the demo
    sends no email) and the recommendation's own date fields."""
    when = _ago(days)
    last = Transition.objects.filter(recommendation=rec).order_by("-pk").first()
    if last is None:
        raise ValueError(f"{rec.code} has no step to put in the past.")
    Transition.objects.filter(pk=last.pk).update(at=when, notified_at=when)
    if fields:
        Recommendation.objects.filter(pk=rec.pk).update(**dict.fromkeys(fields, when))
    return when


def _story(
    review: Review, text: str, *, people: dict[str, User], priority: str = M, rationale: str = "",
    benefit: str = "", steps: Sequence[tuple[Any, ...]] = (), actions: Sequence[tuple[str, int, str]] = (),
) -> None:
    """Create one recommendation and play its steps through the services, as the people whose
    step it is, then move each step's date into the past: (step, days ago, details...).

    The services check every step, so the demo cannot hold a state they would refuse. Due dates
    are checked against the day a plan or action was agreed, so they are set to today when the
    step is taken and moved back with the rest of the story."""
    if Recommendation.objects.filter(review=review, text=text).exists():
        return
    tenant, officer, manager = people["tenant"], people["officer"], people["manager"]
    rec = services.create(
        review=review, by=tenant, text=text, rationale=rationale, expected_benefit=benefit,
        priority=priority,
    )
    first = steps[0][1] + 14 if steps else 3
    _backdate(rec, first, created_at=True)
    today = timezone.localdate()
    for step, days, *details in steps:
        if step == "submit":
            services.submit(recommendation=rec, by=tenant)
            _backdate(rec, days, submitted_at=True)
        elif step == "respond":
            decision, reason = details
            services.respond(recommendation=rec, by=manager, decision=decision, reason=reason)
            Response.objects.filter(recommendation=rec).update(responded_at=_backdate(rec, days))
        elif step == "plan":
            (due_in,) = details
            services.agree_plan(recommendation=rec, by=manager, owner=officer, due_date=today)
            planned_at = _backdate(rec, days)
            due = _in(due_in)
            Recommendation.objects.filter(pk=rec.pk).update(due_date=due)
            Transition.objects.filter(recommendation=rec, at=planned_at).update(
                note=f"Owner {officer}, due by {date_format(due, 'j F Y')}."
            )
            _plan_actions(rec, officer, manager, actions, planned_at)
        elif step == "implement":
            (summary,) = details
            # In the story the work is finished: whatever was still open was done.
            services.implement(recommendation=rec, by=officer, summary=summary,
                               evidence=ContentFile(summary.encode(), name="evidence.txt"),
                               what_happened={a.pk: ("done", "") for a in rec.actions.open()})
            when = _backdate(rec, days, implemented_at=True)
            rec.progress_updates.filter(marks_implementation=True, created_at__gt=when).update(
                created_at=when
            )
        elif step == "verify":
            (impact,) = details
            services.verify(recommendation=rec, by=tenant, impact_statement=impact)
            _backdate(rec, days, verified_at=True)
        elif step == "return":
            (reason,) = details
            services.return_to_progress(recommendation=rec, by=tenant, reason=reason)
            _backdate(rec, days)
        rec.refresh_from_db()


def _plan_actions(
    rec: Recommendation, officer: User, manager: User, actions: Sequence[tuple[str, int, str]],
    planned_at: datetime,
) -> None:
    """Add the action plan's steps through the services, dated when the plan was agreed."""
    today = timezone.localdate()
    for what, due_in, action_status in actions:
        action = services.add_action(recommendation=rec, by=manager, what=what, owner=officer,
                                     due_date=today)
        if action_status != ActionStatus.NOT_STARTED:
            services.update_action(action=action, by=officer, what=what, owner=officer,
                                   due_date=today, status=action_status)
        Action.objects.filter(pk=action.pk).update(due_date=_in(due_in))
        # The timeline should show the action added when the plan was agreed, not today.
        Action.history.filter(id=action.pk).update(history_date=planned_at)


def seed(*, password: str, people: dict[str, User]) -> dict[str, User]:
    """Demo data for this app; idempotent. Returns any demo people it adds, by key."""
    sure = _panel("SURE Team", PanelKind.SCRUTINY_PANEL)
    shoppers = _panel("Mystery Shoppers", PanelKind.MYSTERY_SHOPPERS)
    _member(sure, people.get("tenant"), PanelRole.MEMBER)
    _member(shoppers, people.get("tenant"), PanelRole.MEMBER)
    _member(sure, people.get("officer"), PanelRole.SUPPORTING_OFFICER)
    if not all(people.get(k) for k in ("tenant", "officer", "manager")):
        return {}

    complaints = _review(sure, "Complaints handling", "Complaints", people)
    repairs = _review(sure, "Communications in the repairs service", "Repairs", people)
    shopping = _review(
        shoppers, "Customer service standards mystery shopping", "Customer service", people,
        kind=ReviewKind.MYSTERY_SHOPPING,
    )
    done = ActionStatus.DONE
    underway = ActionStatus.UNDERWAY
    not_started = ActionStatus.NOT_STARTED

    _story(complaints, "Give all frontline staff further training in handling complaints, including "
           "how to record a stage 1 complaint made by phone or in person.", people=people, priority=H,
           rationale="Staff we interviewed were unsure when a tenant's dissatisfaction counts as "
           "a complaint.",
           benefit="Tenants' complaints are recognised and recorded the first time they raise them.",
           steps=[("submit", 300), ("respond", 270, Decision.ACCEPTED, ""), ("plan", 268, -150),
                  ("implement", 160, "All 64 frontline staff completed complaints training in spring; "
                   "the course is now part of induction."),
                  ("verify", 90, "Stage 1 complaints recorded rose by a third and tenants we spoke to "
                   "said staff now take their concerns seriously.")],
           actions=[("Run complaints training for all frontline staff", -170, done)])
    _story(complaints, "Review the private spaces available in local offices so that tenants can make a "
           "complaint in private.", people=people, priority=M,
           steps=[("submit", 300), ("respond", 270, Decision.ACCEPTED, ""), ("plan", 268, -20),
                  ("implement", 12, "Each local office now has a bookable interview room, signposted "
                   "at reception.")],
           actions=[("Survey interview rooms in every local office", -60, done),
                    ("Add signs at reception offering a private room", -25, done)])
    _story(complaints, "Report complaints performance to tenants every quarter in plain English, "
           "including what changed as a result of complaints.", people=people, priority=H,
           benefit="Tenants can see that complaints lead to changes.",
           steps=[("submit", 300), ("respond", 265, Decision.ACCEPTED, ""), ("plan", 260, 60)],
           actions=[("Agree a plain-English quarterly complaints summary with the SURE Team", -30,
                     underway),
                    ("Publish the first quarterly summary in the tenants' newsletter", 45, not_started)])
    _story(complaints, "Tell every tenant who makes a complaint the name of the person dealing with it "
           "and the date they will hear back.", people=people, priority=M,
           steps=[("submit", 300), ("respond", 262, Decision.PARTLY_ACCEPTED,
                   "We will give the team's name and a reply date. Giving a named officer is not "
                   "possible while cases move between teams.")])

    _story(repairs, "Repairs staff should confirm the appointment time and phone ahead if they are "
           "running late.", people=people, priority=H,
           steps=[("submit", 200), ("respond", 170, Decision.ACCEPTED, ""), ("plan", 168, 5)],
           actions=[("Add a 'running late' text message to the repairs scheduling system", 5, underway)])
    _story(repairs, "Ask every tenant for their satisfaction after a repair is completed, by text "
           "message, and report the results to the SURE Team.", people=people, priority=M,
           steps=[("submit", 200), ("respond", 20, Decision.ACCEPTED, "")])
    _story(repairs, "Print every repair priority and its timescale on the back of the tenants' "
           "handbook.", people=people, priority=L,
           steps=[("submit", 200), ("respond", 172, Decision.REJECTED,
                   "The handbook is being replaced by a web page and a leaflet next year; the "
                   "timescales will be in both.")])
    _story(repairs, "Give tenants one phone number for following up a repair, whoever the contractor "
           "is.", people=people, priority=M, steps=[("submit", 40)])
    _story(repairs, "Leave a card after every repair saying what was done and how to report a "
           "problem with it.", people=people, priority=L)

    _story(shopping, "Review the telephone system so that calls to local offices are answered within "
           "the published standard.", people=people, priority=H,
           steps=[("submit", 420), ("respond", 390, Decision.ACCEPTED, ""), ("plan", 388, -200),
                  ("implement", 210, "Calls now queue to a shared team and callers hear their place "
                   "in the queue."),
                  ("verify", 150, "In our repeat shops, 9 of 10 calls were answered within the "
                   "standard, up from 5 of 10.")])
    _story(shopping, "Improve reception areas: keep information for tenants on display and make "
           "every reception accessible to wheelchair users.", people=people, priority=M,
           steps=[("submit", 420), ("respond", 385, Decision.PARTLY_ACCEPTED,
                   "Information displays will be improved now; a ramp at one office needs a capital "
                   "budget bid next year."),
                  ("plan", 380, -10)],
           actions=[("Refresh information displays in all receptions", -40, underway),
                    ("Bid for capital funding for the ramp", 90, not_started)])
    _story(shopping, "Deliver more customer service training for staff in local area housing "
           "offices.", people=people, priority=H,
           steps=[("submit", 420), ("respond", 390, Decision.ACCEPTED, ""), ("plan", 388, -30),
                  ("implement", 25, "Customer service refresher training delivered to every local "
                   "office team.")])
    _story(shopping, "Staff should give their name when they answer the phone.", people=people,
           priority=L, steps=[("submit", 10)])
    _story(shopping, "Reply to tenants' emails within the published standard of five working days.",
           people=people, priority=M,
           steps=[("submit", 420), ("respond", 390, Decision.ACCEPTED, ""), ("plan", 388, -60),
                  ("implement", 70, "A shared inbox with a five-day flag was set up."),
                  ("return", 50, "Our repeat shops found half of emails still took more than five "
                   "working days.")],
           actions=[("Report email reply times to the mystery shoppers each month", -5, not_started)])
    return {}
