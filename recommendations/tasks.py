from celery import shared_task

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


@describes(notify_transition, "Email about a recommendation's progress")
def _about_transitions(jobs: list[Job]) -> dict[int, str]:
    return by_first_argument(
        jobs, Transition.objects.select_related("recommendation__review"),
        lambda t: f"{t.recommendation.code} of \"{t.recommendation.review.title}\": "
        f"now {t.get_to_status_display().lower()}",
        "The recommendation has since been deleted.",
    )


@describes(notify_submitted_together, "Email about recommendations submitted together")
def _about_submitted_together(jobs: list[Job]) -> dict[int, str]:
    """Named by the review of the first recommendation in each batch, one query for all."""
    first = {job.pk: job.args[0][0] for job in jobs if job.args and job.args[0]}
    found = Transition.objects.select_related("recommendation__review").in_bulk(set(first.values()))
    about: dict[int, str] = {}
    for job in jobs:
        transition = found.get(first.get(job.pk))
        about[job.pk] = (
            f"{len(job.args[0])} recommendations of \"{transition.recommendation.review.title}\""
            if transition else "The recommendations have since been deleted."
        )
    return about


@describes(email_reminder, "Daily reminder email")
def _about_reminders(jobs: list[Job]) -> dict[int, str]:
    return by_first_argument(
        jobs, ReminderSent.objects.select_related("user"),
        lambda r: f"To {r.user.display_name} ({r.user.email or 'no email address'}), for {r.date:%-d %B %Y}",
        "The person's account has since been deleted.",
    )
