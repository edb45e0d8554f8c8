from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Invitation
from scrutiny.emails import send_to_address
from scrutiny.failed_jobs import by_first_argument, describes
from scrutiny.models import Job, SiteSettings
from scrutiny.translated import language_of
from scrutiny.wording import possessive


def landlords(name: str) -> str:
    """The landlord's name as owner of the site: "Tayview Council's" in English; in Welsh the
    name simply follows the noun ("safle craffu tenantiaid Cyngor Tayview")."""
    return name if translation.get_language() == "cy" else possessive(name)


@shared_task
def send_invitation(invitation_id: int, token: str) -> str:
    """Email the invitation link; does nothing if it was already sent or the link was replaced."""
    invitation = Invitation.objects.filter(pk=invitation_id, sent_at__isnull=True).first()
    if invitation is None or Invitation.find(token) != invitation:
        return "skipped"
    site_settings = SiteSettings.load()
    with translation.override(invitation.language):  # the language the administrator chose
        name = landlords(site_settings.landlord_name)
        send_to_address(
            address=invitation.email,
            subject=_("You are invited to %(landlords)s tenant scrutiny site") % {"landlords": name},
            template="accounts/email/invitation.txt", about=invitation, language=invitation.language,
            context={"invitation": invitation, "url": invitation.accept_url(token),
                     "site_settings": site_settings, "landlords": name},
        )
    Invitation.objects.filter(pk=invitation.pk).update(sent_at=timezone.now())
    return "sent"


@shared_task
def send_password_reset(address: str, subject: str, body: str) -> str:
    """Email a password reset link (written to the outbox by the reset form)."""
    send_mail(subject=subject, message=body, from_email=settings.DEFAULT_FROM_EMAIL, recipient_list=[address])
    return "sent"


@shared_task
def send_second_factor_reset(person_id: int, by_id: int | None = None) -> str:
    """Tell someone their second factor was reset (after an administrator's reset or the command)."""
    from django.urls import reverse

    from accounts.models import User
    from scrutiny.emails import absolute_url

    person = User.objects.filter(pk=person_id, is_active=True).first()
    if person is None:
        return "skipped"
    by = User.objects.filter(pk=by_id).first() if by_id else None
    site = SiteSettings.load()
    with language_of(person):
        send_to_address(
            address=person.email, subject=_("Your second factor for signing in was reset"),
            template="accounts/email/second_factor_reset.txt",
            context={"person": person, "by_name": by.display_name if by else "",
                     "landlords": landlords(site.landlord_name), "site_settings": site,
                     "url": absolute_url(reverse("accounts:login"))},
            about=person,
        )
    return "sent"


def _to(name: str, email: str) -> str:
    return _("To %(name)s (%(email)s)") % {"name": name, "email": email}


@describes(send_password_reset, gettext_lazy("Password reset email"))
def _about_password_resets(jobs: list[Job]) -> dict[int, str]:
    return {job.pk: _("To %(email)s") % {"email": job.args[0]} if job.args else "" for job in jobs}


@describes(send_invitation, gettext_lazy("Invitation email"))
def _about_invitations(jobs: list[Job]) -> dict[int, str]:
    return by_first_argument(jobs, Invitation.objects.all(), lambda i: _to(i.display_name, i.email),
                             _("The invitation has since been withdrawn."))


@describes(send_second_factor_reset, gettext_lazy("Second factor reset email"))
def _about_second_factor_resets(jobs: list[Job]) -> dict[int, str]:
    from accounts.models import User

    return by_first_argument(jobs, User.objects.all(), lambda u: _to(u.display_name, u.email),
                             _("The person's account has since been removed."))
