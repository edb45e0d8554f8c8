from celery import shared_task

from assessments import services


@shared_task
def send_reminders(self_assessment_id):
    """Email the reminders coordinators asked for and that are not sent yet (safe to run twice)."""
    return services.send_reminders(self_assessment_id=self_assessment_id)
