
from celery import shared_task
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from recommendations import notifications, reminders
from recommendations.models import ReminderSent, Transition
from scrutiny.failed_jobs import by_first_argument, describes
from scrutiny.models import Job


@shared_task
def notify_transition(transition_id: int) -> int:
    """Email the next people about a step of a recommendation's lifecycle (once)."""
    return notifications.send_transition_email(transition_id)


@shared_task
def notify_submitted_together(transition_ids: list[int]) -> int:
    """Tell each manager once about recommendations a panel submitted together."""
    return notifications.send_submitted_together_email(transition_ids)


@shared_task
def send_reminders() -> int:
    """The daily reminder digests (Celery beat): one outbox job each; safe to run more than once."""
    return reminders.send_daily_reminders()


@shared_task
def email_reminder(reminder_id: int) -> str:
    """Email one person's daily digest (queued through the outbox with its ReminderSent row)."""
    return reminders.email_one(reminder_id=reminder_id)


@describes(notify_transition, _("Email about a recommendation's progress"))
def _about_transitions(jobs: list[Job]) -> dict[int, str]:
    return by_first_argument(
        jobs, Transition.objects.select_related("recommendation__review"),
        lambda t: gettext('%(code)s of "%(review)s": now %(status)s') % {
            "code": t.recommendation.code, "review": t.recommendation.review.title,
            "status": t.get_to_status_display().lower()},
        gettext("The recommendation has since been deleted."),
    )


@describes(notify_submitted_together, _("Email about recommendations submitted together"))
def _about_submitted_together(jobs: list[Job]) -> dict[int, str]:
    """Named by the review of the first recommendation in each batch, one query for all."""
    first = {job.pk: job.args[0][0] for job in jobs if job.args and job.args[0]}
    found = Transition.objects.select_related("recommendation__review").in_bulk(set(first.values()))
    about: dict[int, str] = {}
    for job in jobs:
        transition = found.get(first.get(job.pk))
        about[job.pk] = (
            ngettext('%(count)s recommendation of "%(review)s"', '%(count)s recommendations of "%(review)s"',
                     len(job.args[0])) % {"count": len(job.args[0]),
                                          "review": transition.recommendation.review.title}
            if transition else gettext("The recommendations have since been deleted.")
        )
    return about


@describes(email_reminder, _("Daily reminder email"))
def _about_reminders(jobs: list[Job]) -> dict[int, str]:
    return by_first_argument(
        jobs, ReminderSent.objects.select_related("user"),
        lambda r: gettext("To %(name)s (%(email)s), for %(date)s") % {
            "name": r.user.display_name, "email": r.user.email or gettext("no email address"),
            "date": date_format(r.date, "j F Y")},
        gettext("The person's account has since been deleted."),
    )
