from celery import shared_task

from recommendations import notifications, reminders
from recommendations.models import ReminderSent, Transition
from scrutiny.failed_jobs import by_first_argument, describes


@shared_task
def notify_transition(transition_id):
    """Email the next people about a step of a recommendation's lifecycle (once)."""
    return notifications.send_transition_email(transition_id)


@shared_task
def send_reminders():
    """The daily reminder digests (Celery beat): one outbox job each; safe to run more than once."""
    return reminders.send_daily_reminders()


@shared_task
def email_reminder(reminder_id):
    """Email one person's daily digest (queued through the outbox with its ReminderSent row)."""
    return reminders.email_one(reminder_id=reminder_id)


@describes(notify_transition, "Email about a recommendation's progress")
def _about_transitions(jobs):
    return by_first_argument(
        jobs, Transition.objects.select_related("recommendation__review"),
        lambda t: f"{t.recommendation.code} of \"{t.recommendation.review.title}\": "
        f"now {t.get_to_status_display().lower()}",
        "The recommendation has since been deleted.",
    )


@describes(email_reminder, "Daily reminder email")
def _about_reminders(jobs):
    return by_first_argument(
        jobs, ReminderSent.objects.select_related("user"),
        lambda r: f"To {r.user.display_name} ({r.user.email or 'no email address'}), for {r.date:%-d %B %Y}",
        "The person's account has since been deleted.",
    )
