from celery import shared_task
from django.utils import timezone

from accounts.models import Invitation
from scrutiny.emails import send_to_address
from scrutiny.failed_jobs import by_first_argument, describes
from scrutiny.models import SiteSettings


@shared_task
def send_invitation(invitation_id, token):
    """Email the invitation link; does nothing if it was already sent or the link was replaced."""
    invitation = Invitation.objects.filter(pk=invitation_id, sent_at__isnull=True).first()
    if invitation is None or Invitation.find(token) != invitation:
        return "skipped"
    context = {
        "invitation": invitation,
        "url": invitation.accept_url(token),
        "site_settings": SiteSettings.load(),
    }
    send_to_address(
        address=invitation.email,
        subject=f"You are invited to {context['site_settings'].landlord_name}'s tenant scrutiny site",
        template="accounts/email/invitation.txt", context=context, about=invitation,
    )
    Invitation.objects.filter(pk=invitation.pk).update(sent_at=timezone.now())
    return "sent"


@describes(send_invitation, "Invitation email")
def _about_invitations(jobs):
    return by_first_argument(jobs, Invitation.objects.all(), lambda i: f"To {i.display_name} ({i.email})",
                             "The invitation has since been withdrawn.")
