"""The daily reminder digests: owners about actions due soon or overdue, managers about
recommendations waiting too long for a response. One email per person per day at most.

The daily run writes, for each person, their day's ReminderSent row and the outbox job that
emails them (scrutiny/jobs.py) in one transaction: a broker or mail server that fails delays the
email, never loses it, and the unique row means a second run (beat restarted, two schedulers,
two workers) sends nothing twice."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from accounts.models import Role, User
from accounts.notices import tell
from recommendations.models import OPEN_WORK, Action, Recommendation, ReminderSent, Status
from scrutiny.emails import site_url
from scrutiny.jobs import enqueue
from scrutiny.models import SiteSettings
from scrutiny.translated import language_of


@dataclass
class Digest:
    actions: list[Action] = field(default_factory=list)
    recommendations: list[Recommendation] = field(default_factory=list)
    awaiting_response: list[Recommendation] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.actions) + len(self.recommendations) + len(self.awaiting_response)


def digests(today: date, person: User | None = None) -> dict[User, Digest]:
    """What each person (or only the one given) should be reminded of today, by person."""
    soon = today + timedelta(days=settings.ACTION_DUE_SOON_DAYS)
    found: defaultdict[User, Digest] = defaultdict(Digest)
    actions = (
        Action.objects.open()
        .filter(due_date__lte=soon, recommendation__status__in=OPEN_WORK, owner__is_active=True)
        .select_related("owner", "recommendation__review")
        .order_by("due_date", "pk")
    )
    owned = (
        Recommendation.objects.filter(status=Status.IN_PROGRESS, due_date__lte=soon, owner__is_active=True)
        .select_related("owner", "review")
        .order_by("due_date", "pk")
    )
    managers = User.objects.filter(role=Role.MANAGER, is_active=True)
    if person is not None:
        actions, owned, managers = (actions.filter(owner=person), owned.filter(owner=person),
                                    managers.filter(pk=person.pk))
    for action in actions:
        found[action.owner].actions.append(action)
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
        for manager in managers:
            found[manager].awaiting_response = waiting
    return found


def send_daily_reminders(today: date | None = None) -> int:
    """Queue today's digests, one outbox job per person; a person who has today's is skipped."""

    today = today or timezone.localdate()
    already = set(ReminderSent.objects.filter(date=today).values_list("user_id", flat=True))
    queued = 0
    for person, digest in digests(today).items():
        if person.pk in already:
            continue
        try:
            # The row and its job stand or fall together: if another run got there first, the
            # unique row stops this one, and the job it wrote sends the email.
            with transaction.atomic():
                reminder = ReminderSent.objects.create(user=person, date=today, items=digest.count)
                enqueue("recommendations.tasks.email_reminder", reminder.pk)
        except IntegrityError:
            continue
        queued += 1
    return queued


def email_one(*, reminder_id: int) -> str:
    """Email one person their digest for the day of the ReminderSent row (an outbox job).

    The digest is worked out again as it is sent, so an email delayed by a broker outage lists
    what is still due, not what was due when the day's run wrote the row."""
    reminder = ReminderSent.objects.select_related("user").filter(pk=reminder_id).first()
    if reminder is None or reminder.emailed_at is not None:
        return "skipped"
    person, today = reminder.user, reminder.date
    digest = digests(today, person=person).get(person)
    if digest is None or not digest.count:
        ReminderSent.objects.filter(pk=reminder.pk).update(items=0, emailed_at=timezone.now())
        return "nothing left to remind them of"
    with language_of(person):
        tell(
            person=person,
            subject=ngettext("Recommendations: %(count)s thing needs your attention",
                             "Recommendations: %(count)s things need your attention",
                             digest.count) % {"count": digest.count},
            template="recommendations/email/reminder.txt",
            context={
                "digest": digest, "today": today, "site_settings": SiteSettings.load(),
                "base_url": site_url(), "response_days": settings.RESPONSE_OVERDUE_DAYS,
            },
            path=reverse("home"), about=f"reminders for {today}",
        )
    ReminderSent.objects.filter(pk=reminder.pk).update(items=digest.count, emailed_at=timezone.now())
    return "sent"
