from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone

from accounts.models import Invitation
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
    send_mail(
        subject=f"You are invited to {context['site_settings'].landlord_name}'s tenant scrutiny site",
        message=render_to_string("accounts/email/invitation.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[invitation.email],
    )
    Invitation.objects.filter(pk=invitation.pk).update(sent_at=timezone.now())
    return "sent"
