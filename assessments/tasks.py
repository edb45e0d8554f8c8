from celery import shared_task

from assessments import services
from assessments.models import SelfAssessment
from scrutiny.failed_jobs import by_first_argument, describes


@shared_task
def send_reminders(self_assessment_id):
    """Email the reminders coordinators asked for and that are not sent yet (safe to run twice)."""
    return services.send_reminders(self_assessment_id=self_assessment_id)


@describes(send_reminders, "Self-assessment reminder emails")
def _about_reminders(jobs):
    return by_first_argument(
        jobs, SelfAssessment.objects.all(), lambda a: f"For the self-assessment \"{a.title}\"",
        "The self-assessment has since been deleted.",
    )
