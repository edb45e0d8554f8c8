from celery import shared_task

from assessments import services


@shared_task(bind=True, acks_late=True, autoretry_for=(OSError,), retry_backoff=True)
def send_reminders(self, self_assessment_id):
    services.send_reminders(self_assessment_id=self_assessment_id)
