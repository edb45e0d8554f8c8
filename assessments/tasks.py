
from celery import shared_task
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from assessments import notifications, services
from assessments.models import ImprovementAction, SelfAssessment
from scrutiny.failed_jobs import by_first_argument, describes
from scrutiny.models import Job


@shared_task
def send_reminders(self_assessment_id: int) -> int:
    """Email the reminders coordinators asked for and that are not sent yet (safe to run twice)."""
    return services.send_reminders(self_assessment_id=self_assessment_id)


@shared_task
def tell_action_owner(action_id: int, owner_id: int) -> bool:
    """Tell the owner of a to-do action that it is theirs (queued through the outbox)."""
    return notifications.tell_action_owner(action_id=action_id, owner_id=owner_id)


@shared_task
def tell_assessors(self_assessment_id: int) -> int:
    """Tell the people invited to score who have not been told yet (safe to run twice)."""
    return notifications.tell_assessors(self_assessment_id=self_assessment_id)


@describes(send_reminders, _("Self-assessment reminder emails"))
def _about_reminders(jobs: list[Job]) -> dict[int, str]:
    return by_first_argument(
        jobs, SelfAssessment.objects.all(),
        lambda a: gettext('For the self-assessment "%(title)s"') % {"title": a.title},
        gettext("The self-assessment has since been deleted."),
    )


@describes(tell_action_owner, _("Email to the owner of a self-assessment action"))
def _about_action_owners(jobs: list[Job]) -> dict[int, str]:
    return by_first_argument(
        jobs, ImprovementAction.objects.select_related("owner", "self_assessment"),
        lambda a: gettext('To %(name)s, about "%(what)s" (%(title)s)') % {
            "name": a.owner.display_name, "what": a.what[:60], "title": a.self_assessment.title},
        gettext("The action has since been deleted."),
    )


@describes(tell_assessors, _("Invitations to score a self-assessment"))
def _about_invitations_to_score(jobs: list[Job]) -> dict[int, str]:
    return by_first_argument(
        jobs, SelfAssessment.objects.all(),
        lambda a: gettext('For the self-assessment "%(title)s"') % {"title": a.title},
        gettext("The self-assessment has since been deleted."),
    )
