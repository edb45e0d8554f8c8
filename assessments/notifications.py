"""Who is told about self-assessment work, and what they are told: the owner of a to-do action,
and each person invited to score. Every message goes through accounts.notices.tell, so someone
who prefers no email finds the same words as a notice on their home page."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from accounts.notices import tell
from assessments.models import Assessor, ImprovementAction, SelfAssessment
from scrutiny.models import SiteSettings
from scrutiny.translated import language_of


def tell_action_owner(*, action_id: int, owner_id: int) -> bool:
    """Tell an action's owner it is theirs; nothing if the action is gone or has since passed to
    someone else (the new owner has their own message). True if an email was sent."""
    action = (
        ImprovementAction.objects.filter(pk=action_id, owner_id=owner_id, owner__is_active=True)
        .select_related("owner", "outcome", "self_assessment")
        .first()
    )
    if action is None:
        return False
    with language_of(action.owner):
        return tell(
            person=action.owner,
            subject=gettext("You have an action from the self-assessment %(title)s") % {
                "title": action.self_assessment.title},
            template="assessments/email/action_owner.txt",
            context={"action": action, "site_settings": SiteSettings.load()},
            path=action.get_absolute_url(),
            about=action,
        )


def tell_assessors(*, self_assessment_id: int) -> int:
    """Tell each invited person not told yet that they are invited to score; each is told once,
    however often this runs. Returns how many were told."""
    sa = SelfAssessment.objects.filter(pk=self_assessment_id).first()
    if sa is None:
        return 0
    site_settings = SiteSettings.load()
    told = 0
    waiting = Assessor.objects.filter(self_assessment=sa, told_at__isnull=True, user__is_active=True)
    for assessor_id in waiting.values_list("pk", flat=True):
        with transaction.atomic():
            assessor = (
                Assessor.objects.select_for_update(of=("self",))
                .select_related("user")
                .filter(pk=assessor_id, told_at__isnull=True, user__isnull=False)
                .first()
            )
            if assessor is None or assessor.user is None:  # told by another run, or taken off the list
                continue
            with language_of(assessor.user):
                tell(
                    person=assessor.user,
                    subject=gettext("You are invited to score %(title)s") % {"title": sa.title},
                    template="assessments/email/invited.txt",
                    context={"sa": sa, "site_settings": site_settings},
                    path=sa.get_absolute_url(),
                    about=assessor,
                )
            assessor.told_at = timezone.now()
            assessor.save(update_fields=["told_at"])
            told += 1
    return told
