"""Every change to a recommendation: one function per lifecycle step, plus the action plan.

Each step checks who may make it (permissions.py), checks the recommendation is in the right
status, records who and when (a Transition row; django-simple-history keeps each version),
and notifies the next person by email from a Celery task once the transaction commits.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from recommendations import permissions
from recommendations.models import (
    Action,
    ActionStatus,
    Decision,
    ProgressUpdate,
    Recommendation,
    Response,
    Status,
    Transition,
)
from recommendations.permissions import REFUSALS
from reviews.models import Review
from scrutiny.jobs import enqueue
from scrutiny.locking import claim
from scrutiny.permissions import has_role, require

if TYPE_CHECKING:
    from django.core.files import File

    from accounts.models import User
    from reviews.models import Finding, ServiceArea

WRONG_STATE = {
    "edit": _("Only a draft can be changed. This recommendation has already been submitted."),
    "submit": _("Only a draft can be submitted. This recommendation has already been submitted."),
    "respond": _("This recommendation is not waiting for a response."),
    "agree_plan": _("An action plan can only be agreed for an accepted or partly accepted recommendation."),
    "implement": _("Only a recommendation that is in progress can be marked as implemented."),
    "verify": _("Only an implemented recommendation can be verified."),
    "return": _("Only an implemented recommendation can be returned to in progress."),
    "plan_work": _("Actions and progress can only be added while the work is still to do."),
}


def _lock(recommendation: Recommendation) -> Recommendation:
    """Re-read the recommendation under a row lock so two people cannot move it at once."""
    return Recommendation.objects.select_for_update().select_related("review").get(pk=recommendation.pk)


def _check_state(recommendation: Recommendation, step: str) -> None:
    if not permissions.is_possible(recommendation, step):
        raise ValidationError(WRONG_STATE[step], code="wrong_state")


def _move(
    recommendation: Recommendation, *, to: str, by: User | None, note: str = "",
    at: datetime.datetime | None = None, notify: bool = True,
) -> Transition:
    """Change status, save a version for the history and a Transition, and queue the email
    (unless `notify` is off: the caller then tells people about several steps at once)."""
    at = at or timezone.now()
    transition = Transition.objects.create(
        recommendation=recommendation, from_status=recommendation.status, to_status=to, by=by,
        at=at, note=note,
    )
    recommendation.status = to
    recommendation._history_user = by
    recommendation.save()
    if notify:

        enqueue("recommendations.tasks.notify_transition", transition.pk)
    return transition


def _check_owner(owner: User | None) -> None:
    if owner is None or not (owner.is_active and has_role(owner, "officer", "manager")):
        raise ValidationError({"owner": gettext("Choose the officer or manager who will own this.")})


def _check_due_date(due_date: datetime.date | None, field: str = "due_date") -> datetime.date:
    if due_date is None:
        raise ValidationError({field: gettext("Enter the date it should be done by.")})
    if due_date < timezone.localdate():
        raise ValidationError({field: gettext("The date it should be done by must be today or later.")})
    return due_date


@transaction.atomic
def create(
    *, review: Review, by: User, text: str, rationale: str = "", findings: Iterable[Finding] = (),
    priority: str = "medium", service_area: ServiceArea | None = None, expected_benefit: str = "",
) -> Recommendation:
    """Write a draft recommendation for a review, numbered next in that review (R1, R2, ...)."""
    require(permissions.can_draft(by, review), REFUSALS["draft"])
    if not text.strip():
        raise ValidationError({"text": gettext("Enter the recommendation.")})
    # Lock the review so two people saving at once cannot take the same number.
    Review.objects.select_for_update().filter(pk=review.pk).first()
    last = _last_number(review)
    _check_findings(review, findings)
    recommendation = Recommendation(
        review=review, number=last + 1, text=text.strip(), rationale=rationale, priority=priority,
        service_area=service_area or review.service_area, expected_benefit=expected_benefit,
        created_by=by,
    )
    recommendation._history_user = by
    recommendation.save()
    recommendation.findings.set(findings)
    Transition.objects.create(recommendation=recommendation, from_status="", to_status=Status.DRAFT, by=by)
    return recommendation


def _last_number(review: Review) -> int:
    """The highest number the review has ever given, counting deleted recommendations (from their
    history), so that a number, once given, always means the same recommendation."""
    live = Recommendation.objects.filter(review=review).aggregate(n=Max("number"))["n"] or 0
    ever = Recommendation.history.filter(review_id=review.pk).aggregate(n=Max("number"))["n"] or 0
    return max(live, ever)


def _check_findings(review: Review, findings: Iterable[Finding]) -> None:
    if any(f.review_id != review.pk for f in findings):
        raise ValidationError({"findings": gettext("Choose findings from this review only.")})


@transaction.atomic
def update_draft(
    *, recommendation: Recommendation, by: User, version: int | None = None, **fields: Any
) -> Recommendation:
    """Change a draft's wording, findings, priority, service area or expected benefit; refuse
    if someone else saved it after `version` was read."""
    recommendation = _lock(recommendation)
    require(permissions.can_edit(by, recommendation), REFUSALS["edit"])
    _check_state(recommendation, "edit")
    recommendation = claim(recommendation, version=version, by=by, noun="draft recommendation")
    findings = fields.pop("findings", None)
    if "text" in fields and not fields["text"].strip():
        raise ValidationError({"text": gettext("Enter the recommendation.")})
    allowed = {"text", "rationale", "priority", "service_area", "expected_benefit"}
    for name, value in fields.items():
        if name not in allowed:
            raise TypeError(f"{name} cannot be changed here")
        setattr(recommendation, name, value)
    recommendation._history_user = by
    recommendation.save()
    if findings is not None:
        _check_findings(recommendation.review, findings)
        recommendation.findings.set(findings)
    return recommendation


@transaction.atomic
def submit(*, recommendation: Recommendation, by: User) -> Recommendation:
    """Send a draft to the landlord; managers are told it is waiting for their response."""
    recommendation = _lock(recommendation)
    require(permissions.can_submit(by, recommendation), REFUSALS["submit"])
    _check_state(recommendation, "submit")
    recommendation.submitted_at = timezone.now()
    _move(recommendation, to=Status.SUBMITTED, by=by, at=recommendation.submitted_at)
    return recommendation


@transaction.atomic
def submit_together(
    *, review: Review, recommendations: Iterable[Recommendation], by: User
) -> list[Recommendation]:
    """Send several of a review's drafts to the landlord at once; each manager is told once,
    in one message listing them all. Nothing is submitted unless all of them can be."""
    require(permissions.can_draft(by, review), REFUSALS["submit"])
    chosen = list(
        Recommendation.objects.select_for_update().select_related("review")
        .filter(pk__in=[r.pk for r in recommendations]).order_by("number")
    )
    if not chosen:
        raise ValidationError({"recommendations": gettext("Tick at least one recommendation to submit.")})
    if any(r.review_id != review.pk for r in chosen):
        raise ValidationError({"recommendations": gettext("Choose recommendations of this review only.")})
    late = [r.code for r in chosen if not permissions.is_possible(r, "submit")]
    if late:
        raise ValidationError(
            {"recommendations": gettext("%(codes)s has already been submitted: untick it and try again.")
             % {"codes": ", ".join(late)}},
            code="wrong_state",
        )
    now = timezone.now()
    transitions = []
    for rec in chosen:
        rec.submitted_at = now
        transitions.append(_move(rec, to=Status.SUBMITTED, by=by, at=now, notify=False))

    enqueue("recommendations.tasks.notify_submitted_together", [t.pk for t in transitions])
    return chosen


@transaction.atomic
def respond(
    *, recommendation: Recommendation, by: User, decision: str, reason: str = "",
    owner: User | None = None, due_date: datetime.date | None = None,
) -> Recommendation:
    """The landlord's answer. With an owner and due date, the action plan is agreed at once."""
    recommendation = _lock(recommendation)
    require(permissions.can_respond(by, recommendation), REFUSALS["respond"])
    _check_state(recommendation, "respond")
    if decision not in Decision.values:
        raise ValidationError({"decision": gettext("Choose accepted, partly accepted or rejected.")})
    reason = (reason or "").strip()
    if decision != Decision.ACCEPTED and not reason:
        raise ValidationError({"reason": gettext("Say why the recommendation is not fully accepted.")})
    plan_now = owner is not None or due_date is not None
    if plan_now:
        if decision == Decision.REJECTED:
            raise ValidationError(
                {"owner": gettext(
                    "A rejected recommendation has no action plan: leave the owner and date empty.")}
            )
        _check_owner(owner)
        _check_due_date(due_date)
    response = Response(
        recommendation=recommendation, decision=decision, reason=reason, responded_by=by,
        responded_at=timezone.now(),
    )
    response._history_user = by
    response.save()
    _move(recommendation, to=Status(decision), by=by, note=reason, at=response.responded_at)
    if plan_now:
        agree_plan(recommendation=recommendation, by=by, owner=owner, due_date=due_date)
    return recommendation


@transaction.atomic
def agree_plan(
    *, recommendation: Recommendation, by: User, owner: User | None, due_date: datetime.date | None
) -> Recommendation:
    """Agree the action plan: an owner and a due date; the recommendation is then in progress."""
    recommendation = _lock(recommendation)
    require(permissions.can_agree_plan(by, recommendation), REFUSALS["agree_plan"])
    _check_state(recommendation, "agree_plan")
    _check_owner(owner)
    due_date = _check_due_date(due_date)
    recommendation.owner = owner
    recommendation.due_date = due_date
    _move(recommendation, to=Status.IN_PROGRESS, by=by,
          note=gettext("Owner %(owner)s, due by %(date)s.") % {
              "owner": owner, "date": date_format(due_date, "j F Y")})
    return recommendation


#: What became of an open action when its recommendation was marked implemented: "done", or
#: "dropped" with the reason.
WhatHappened = Mapping[int, tuple[str, str]]


def _close_open_actions(
    recommendation: Recommendation, by: User, what_happened: WhatHappened, errors: dict[str, str]
) -> list[Action]:
    """Each open action, marked done or dropped as `what_happened` says (not yet saved); a
    missing answer or reason goes into `errors` under the form's field names."""
    closed = []
    for action in Action.objects.select_for_update().filter(recommendation=recommendation).open():
        outcome, reason = what_happened.get(action.pk, ("", ""))
        reason = (reason or "").strip()
        if outcome == ActionStatus.DONE:
            action.status, action.completed_on, action.dropped_reason = outcome, timezone.localdate(), ""
        elif outcome == ActionStatus.DROPPED and reason:
            action.status, action.completed_on, action.dropped_reason = outcome, None, reason
        elif outcome == ActionStatus.DROPPED:
            errors[f"reason_{action.pk}"] = gettext('Say why "%(action)s" was dropped.') % {
                "action": action.what[:80]}
        else:
            errors[f"action_{action.pk}"] = gettext('Say whether "%(action)s" was done or dropped.') % {
                "action": action.what[:80]}
        action._history_user = by
        action.version += 1  # a form left open on the action must not save over this
        closed.append(action)
    return closed


@transaction.atomic
def implement(
    *, recommendation: Recommendation, by: User, summary: str, evidence: File | None,
    what_happened: WhatHappened | None = None,
) -> Recommendation:
    """Mark as implemented, with what was done and a file to show it; the panel is asked to verify.
    Every action still open must be accounted for in `what_happened` (action id -> "done", or
    "dropped" with a reason), so no implemented recommendation has work left "not started"."""
    recommendation = _lock(recommendation)
    require(permissions.can_implement(by, recommendation), REFUSALS["implement"])
    _check_state(recommendation, "implement")
    summary = (summary or "").strip()
    errors = {}
    if not summary:
        errors["summary"] = gettext("Say what was done.")
    if not evidence:
        errors["evidence"] = gettext(
            "Choose a file that shows it was done, such as a new leaflet or a report.")
    closed = _close_open_actions(recommendation, by, what_happened or {}, errors)
    if errors:
        raise ValidationError(errors)
    for action in closed:
        action.save()
    now = timezone.now()
    ProgressUpdate.objects.create(
        recommendation=recommendation, text=summary, evidence=evidence,
        evidence_name=getattr(evidence, "name", "")[:200], marks_implementation=True,
        written_by=by, created_at=now,
    )
    recommendation.implementation_summary = summary
    recommendation.implemented_at = now
    _move(recommendation, to=Status.IMPLEMENTED, by=by, note=summary, at=now)
    return recommendation


@transaction.atomic
def verify(*, recommendation: Recommendation, by: User, impact_statement: str) -> Recommendation:
    """The panel confirms the work was done and says what changed for tenants."""
    recommendation = _lock(recommendation)
    require(permissions.can_verify(by, recommendation), REFUSALS["verify"])
    _check_state(recommendation, "verify")
    impact_statement = (impact_statement or "").strip()
    if not impact_statement:
        raise ValidationError({"impact_statement": gettext("Say what has changed for tenants.")})
    recommendation.impact_statement = impact_statement
    recommendation.verified_at = timezone.now()
    _move(recommendation, to=Status.VERIFIED, by=by, note=impact_statement, at=recommendation.verified_at)
    return recommendation


@transaction.atomic
def return_to_progress(*, recommendation: Recommendation, by: User, reason: str) -> Recommendation:
    """The panel finds the work not done yet and sends it back, saying why."""
    recommendation = _lock(recommendation)
    require(permissions.can_return(by, recommendation), REFUSALS["return"])
    _check_state(recommendation, "return")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": gettext("Say what still needs to be done.")})
    recommendation.implemented_at = None
    _move(recommendation, to=Status.IN_PROGRESS, by=by, note=reason)
    return recommendation


@transaction.atomic
def add_action(
    *, recommendation: Recommendation, by: User, what: str, owner: User, due_date: datetime.date | None
) -> Action:
    """Add a step to the action plan."""
    recommendation = _lock(recommendation)
    require(permissions.can_plan_work(by, recommendation), REFUSALS["plan_work"])
    _check_state(recommendation, "plan_work")
    if not (what or "").strip():
        raise ValidationError({"what": gettext("Say what will be done.")})
    _check_owner(owner)
    _check_due_date(due_date)
    action = Action(recommendation=recommendation, what=what.strip(), owner=owner, due_date=due_date)
    action._history_user = by
    action.save()
    return action


@transaction.atomic
def update_action(
    *, action: Action, by: User, what: str, owner: User, due_date: datetime.date | None, status: str,
    version: int | None = None, dropped_reason: str = "",
) -> Action:
    """Change an action's wording, owner, due date or status; refuse if someone else saved it
    after `version` was read."""
    action = Action.objects.select_for_update().select_related("recommendation__review").get(pk=action.pk)
    require(permissions.can_update_action(by, action), REFUSALS["update_action"])
    _check_state(action.recommendation, "plan_work")
    action = claim(action, version=version, by=by, noun="action")
    if not (what or "").strip():
        raise ValidationError({"what": gettext("Say what will be done.")})
    if status not in ActionStatus.values:
        raise ValidationError({"status": gettext("Choose not started, underway, done or dropped.")})
    dropped_reason = (dropped_reason or "").strip() if status == ActionStatus.DROPPED else ""
    if status == ActionStatus.DROPPED and not dropped_reason:
        raise ValidationError({"dropped_reason": gettext("Say why the action was dropped.")})
    _check_owner(owner)
    if due_date is None:
        raise ValidationError({"due_date": gettext("Enter the date it should be done by.")})
    if due_date != action.due_date:
        _check_due_date(due_date)
    if status == ActionStatus.DONE and action.status != ActionStatus.DONE:
        action.completed_on = timezone.localdate()
    elif status != ActionStatus.DONE:
        action.completed_on = None
    action.what, action.owner, action.due_date, action.status = what.strip(), owner, due_date, status
    action.dropped_reason = dropped_reason
    action._history_user = by
    action.save()
    return action


@transaction.atomic
def add_progress(
    *, recommendation: Recommendation, by: User, text: str, evidence: File | None = None,
    action: Action | None = None,
) -> ProgressUpdate:
    """Record how the work is going, optionally with a file as evidence."""
    recommendation = _lock(recommendation)
    require(permissions.can_plan_work(by, recommendation) or (
        action is not None and permissions.can_update_action(by, action)
    ), REFUSALS["progress"])
    _check_state(recommendation, "plan_work")
    if not (text or "").strip():
        raise ValidationError({"text": gettext("Say how the work is going.")})
    if action is not None and action.recommendation_id != recommendation.pk:
        raise ValidationError({"action": gettext("Choose an action of this recommendation.")})
    return ProgressUpdate.objects.create(
        recommendation=recommendation, action=action, text=text.strip(), evidence=evidence or "",
        evidence_name=getattr(evidence, "name", "")[:200] if evidence else "", written_by=by,
    )
