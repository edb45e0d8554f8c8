"""Who hears about each step of a recommendation, and what they are told.

Every step has its own subject, wording and label for the note that came with it (STEPS), so
that verifying never reads like returning, nor agreeing a plan like a return."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.models import Role, User
from accounts.notices import tell
from panels.models import Membership
from recommendations.models import Recommendation, Status, Transition
from scrutiny.emails import site_url
from scrutiny.models import SiteSettings
from scrutiny.translated import language_of


@dataclass(frozen=True)
class Step:
    """How one step of the lifecycle is told: the subject, a whole sentence naming the
    recommendation ("R1 of <review> ..."), and the heading of the note that came with it ("" when
    the note is not shown)."""

    subject: Any
    note_label: Any


STEPS = {
    "submitted": Step(_("%(code)s of %(review)s waits for your response"), ""),
    "accepted": Step(_("%(code)s of %(review)s has been accepted"),
        _("What the landlord said")),
    "partly_accepted": Step(_("%(code)s of %(review)s has been partly accepted"),
        _("Why it is only partly accepted")),
    "rejected": Step(_("%(code)s of %(review)s has been rejected"),
        _("Why it was rejected")),
    "plan_agreed": Step(_("%(code)s of %(review)s is in progress: you own its action plan"), ""),
    "implemented": Step(_("%(code)s of %(review)s has been implemented: please check it"),
        _("What was done")),
    "verified": Step(_("%(code)s of %(review)s has been verified by the panel"),
        _("What has changed for tenants")),
    "returned": Step(_("%(code)s of %(review)s has been returned to in progress"),
        _("What still needs to be done")),
}


def step_of(transition: Transition) -> str:
    """The name of the step a transition records (its key in STEPS), or "" for a new draft."""
    to = transition.to_status
    if not transition.from_status and to == Status.DRAFT:
        return ""
    if to == Status.IN_PROGRESS:
        return "returned" if transition.from_status == Status.IMPLEMENTED else "plan_agreed"
    steps: dict[str, str] = {
        Status.SUBMITTED: "submitted", Status.ACCEPTED: "accepted",
        Status.PARTLY_ACCEPTED: "partly_accepted", Status.REJECTED: "rejected",
        Status.IMPLEMENTED: "implemented", Status.VERIFIED: "verified",
    }
    return steps.get(to, "")


def subject_for(transition: Transition) -> str:
    """The email subject for a step (flattened to one line when it is sent)."""
    rec = transition.recommendation
    return STEPS[step_of(transition)].subject % {"code": rec.code, "review": rec.review.title}


def _panel_tenants(recommendation: Recommendation) -> Q:
    tenant_ids = Membership.objects.current().filter(
        panel_id=recommendation.review.panel_id, user__role=Role.TENANT
    ).values("user_id")
    return Q(pk__in=tenant_ids)


def recipients(transition: Transition) -> list[User]:
    """The next people to act (or to know), never the person who made the step."""
    rec = transition.recommendation
    step = step_of(transition)
    if step == "submitted":
        who = Q(role=Role.MANAGER)
    elif step in ("accepted", "partly_accepted", "rejected"):
        who = _panel_tenants(rec) | Q(pk=rec.created_by_id)
    elif step == "implemented":
        who = _panel_tenants(rec)
    elif step in ("plan_agreed", "returned", "verified"):
        who = Q(pk=rec.owner_id)
    else:
        return []
    people = User.objects.filter(who, is_active=True)
    if transition.by_id:
        people = people.exclude(pk=transition.by_id)
    return list(people.order_by("pk"))


def send_transition_email(transition_id: int) -> int:
    """Tell the next people about a step (by email, or on their home page if they prefer not
    to be emailed); does nothing if it was already done. Returns how many emails were sent."""
    transition = (
        Transition.objects.filter(pk=transition_id, notified_at__isnull=True)
        .select_related("recommendation__review__panel", "recommendation__owner", "by")
        .first()
    )
    if transition is None:
        return 0
    rec = transition.recommendation
    step = step_of(transition)
    if not step:
        return 0
    context = {
        "transition": transition,
        "rec": rec,
        "step": step,
        "site_settings": SiteSettings.load(),
    }
    sent = 0
    for person in recipients(transition):
        with language_of(person):
            sent += tell(
                person=person, subject=subject_for(transition),
                context={**context, "note_label": str(STEPS[step].note_label)},
                template="recommendations/email/transition.txt", path=rec.get_absolute_url(),
                about=transition,
            )
    Transition.objects.filter(pk=transition.pk).update(notified_at=timezone.now())
    return sent


def send_submitted_together_email(transition_ids: list[int]) -> int:
    """Tell each manager, in one message, about recommendations a panel submitted together
    (by email, or on their home page); those already told about are left out, so running it
    twice tells nobody twice. Returns how many emails were sent."""
    transitions = list(
        Transition.objects.filter(pk__in=transition_ids, notified_at__isnull=True)
        .select_related("recommendation__review__panel")
        .order_by("recommendation__number")
    )
    if not transitions:
        return 0
    recs = [t.recommendation for t in transitions]
    review = recs[0].review
    context = {"recs": recs, "review": review, "base_url": site_url(), "site_settings": SiteSettings.load()}
    sent = 0
    for person in recipients(transitions[0]):
        with language_of(person):
            subject = (
                subject_for(transitions[0]) if len(recs) == 1
                else ngettext("%(count)s recommendation of %(review)s waits for your response",
                              "%(count)s recommendations of %(review)s wait for your response",
                              len(recs)) % {"count": len(recs), "review": review.title}
            )
            sent += tell(
                person=person, subject=subject, context=context,
                template="recommendations/email/submitted_together.txt",
                path=reverse("recommendations:tracker") + f"?review={review.pk}&status=submitted",
                about=transitions[0],
            )
    Transition.objects.filter(pk__in=[t.pk for t in transitions]).update(notified_at=timezone.now())
    return sent
