from celery import shared_task

from recommendations import notifications, reminders


@shared_task
def notify_transition(transition_id):
    """Email the next people about a step of a recommendation's lifecycle (once)."""
    return notifications.send_transition_email(transition_id)


@shared_task
def send_reminders():
    """The daily reminder digests (Celery beat); safe to run more than once a day."""
    return reminders.send_daily_reminders()
