"""The daily reminder digests: owners about actions due soon or overdue, managers about
recommendations waiting too long for a response. One email per person per day at most."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role, User
from recommendations.models import OPEN_WORK, Action, Recommendation, ReminderSent, Status
from scrutiny.emails import site_url, tell
from scrutiny.models import SiteSettings


@dataclass
class Digest:
    actions: list = field(default_factory=list)
    recommendations: list = field(default_factory=list)
    awaiting_response: list = field(default_factory=list)

    @property
    def count(self):
        return len(self.actions) + len(self.recommendations) + len(self.awaiting_response)


def digests(today):
    """What each person should be reminded of today, by person."""
    soon = today + timedelta(days=settings.ACTION_DUE_SOON_DAYS)
    found = defaultdict(Digest)
    actions = (
        Action.objects.open()
        .filter(due_date__lte=soon, recommendation__status__in=OPEN_WORK, owner__is_active=True)
        .select_related("owner", "recommendation__review")
        .order_by("due_date", "pk")
    )
    for action in actions:
        found[action.owner].actions.append(action)
    owned = (
        Recommendation.objects.filter(status=Status.IN_PROGRESS, due_date__lte=soon, owner__is_active=True)
        .select_related("owner", "review")
        .order_by("due_date", "pk")
    )
    for rec in owned:
        found[rec.owner].recommendations.append(rec)
    # Waiting "more than N days": submitted before the start of the day N days ago.
    cutoff = timezone.make_aware(
        datetime.combine(today - timedelta(days=settings.RESPONSE_OVERDUE_DAYS), time.min)
    )
    waiting = list(
        Recommendation.objects.filter(status=Status.SUBMITTED, submitted_at__lt=cutoff)
        .select_related("review__panel")
        .order_by("submitted_at", "pk")
    )
    if waiting:
        for manager in User.objects.filter(role=Role.MANAGER, is_active=True):
            found[manager].awaiting_response = waiting
    return found


def send_daily_reminders(today=None):
    """Send today's digests; a person who already had today's digest is skipped."""
    today = today or timezone.localdate()
    already = set(ReminderSent.objects.filter(date=today).values_list("user_id", flat=True))
    site = SiteSettings.load()
    base_url = site_url()
    sent = 0
    for person, digest in digests(today).items():
        if person.pk in already:
            continue
        try:
            # The row and the email stand or fall together: if sending fails, the row goes too,
            # so a retry sends it; if another run got there first, the unique row stops us.
            with transaction.atomic():
                ReminderSent.objects.create(user=person, date=today, items=digest.count)
                tell(
                    person=person,
                    subject=f"Recommendations: {digest.count} thing{'s' if digest.count != 1 else ''} "
                    "need your attention",
                    template="recommendations/email/reminder.txt",
                    context={
                        "digest": digest, "today": today, "site_settings": site,
                        "base_url": base_url, "response_days": settings.RESPONSE_OVERDUE_DAYS,
                    },
                    path=reverse("home"), about=f"reminders for {today}",
                )
        except IntegrityError:
            continue
        sent += 1
    return sent
