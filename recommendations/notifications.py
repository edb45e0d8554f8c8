"""Who hears about each step of a recommendation, and the email they get."""

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from accounts.models import Role, User
from panels.models import Membership
from recommendations.models import Status, Transition
from scrutiny.models import SiteSettings

SUBJECTS = {
    Status.SUBMITTED: "waits for your response",
    Status.ACCEPTED: "has been accepted",
    Status.PARTLY_ACCEPTED: "has been partly accepted",
    Status.REJECTED: "has been rejected",
    Status.IN_PROGRESS: "is in progress",
    Status.IMPLEMENTED: "has been implemented: please check it",
    Status.VERIFIED: "has been verified by the panel",
}


def _panel_tenants(recommendation):
    tenant_ids = Membership.objects.current().filter(
        panel_id=recommendation.review.panel_id, user__role=Role.TENANT
    ).values("user_id")
    return Q(pk__in=tenant_ids)


def recipients(transition):
    """The next people to act (or to know), never the person who made the step."""
    rec = transition.recommendation
    to = transition.to_status
    if to == Status.SUBMITTED:
        who = Q(role=Role.MANAGER)
    elif to in (Status.ACCEPTED, Status.PARTLY_ACCEPTED, Status.REJECTED):
        who = _panel_tenants(rec) | Q(pk=rec.created_by_id)
    elif to == Status.IMPLEMENTED:
        who = _panel_tenants(rec)
    elif to in (Status.IN_PROGRESS, Status.VERIFIED):
        who = Q(pk=rec.owner_id)
    else:
        return []
    people = User.objects.filter(who, is_active=True)
    if transition.by_id:
        people = people.exclude(pk=transition.by_id)
    return list(people.order_by("pk"))


def send_transition_email(transition_id):
    """Email the next people about a step; does nothing if it was already sent."""
    transition = (
        Transition.objects.filter(pk=transition_id, notified_at__isnull=True)
        .select_related("recommendation__review__panel", "recommendation__owner", "by")
        .first()
    )
    if transition is None:
        return 0
    rec = transition.recommendation
    site = SiteSettings.load()
    context = {
        "transition": transition,
        "rec": rec,
        "site_settings": site,
        "returned": transition.from_status == Status.IMPLEMENTED,
        "url": settings.SITE_URL.rstrip("/") + rec.get_absolute_url(),
    }
    subject = f"{rec.code} of {rec.review.title} {SUBJECTS[transition.to_status]}"
    if context["returned"]:
        subject = f"{rec.code} of {rec.review.title} has been returned to in progress"
    sent = 0
    for person in recipients(transition):
        send_mail(
            subject=subject,
            message=render_to_string(
                "recommendations/email/transition.txt", {**context, "person": person}
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[person.email],
        )
        sent += 1
    Transition.objects.filter(pk=transition.pk).update(notified_at=timezone.now())
    return sent
