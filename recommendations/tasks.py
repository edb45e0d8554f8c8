from celery import shared_task

from recommendations import notifications, reminders
from recommendations.models import Transition
from scrutiny.failed_jobs import by_first_argument, describes


@shared_task
def notify_transition(transition_id):
    """Email the next people about a step of a recommendation's lifecycle (once)."""
    return notifications.send_transition_email(transition_id)


@shared_task
def send_reminders():
    """The daily reminder digests (Celery beat); safe to run more than once a day."""
    return reminders.send_daily_reminders()


@describes(notify_transition, "Email about a recommendation's progress")
def _about_transitions(jobs):
    return by_first_argument(
        jobs, Transition.objects.select_related("recommendation__review"),
        lambda t: f"{t.recommendation.code} of \"{t.recommendation.review.title}\": "
        f"now {t.get_to_status_display().lower()}",
        "The recommendation has since been deleted.",
    )
