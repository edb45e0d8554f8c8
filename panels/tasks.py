
from celery import shared_task
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from panels.models import PanelInvitation
from scrutiny.emails import send_to_address
from scrutiny.failed_jobs import by_first_argument, describes
from scrutiny.models import Job, SiteSettings
from scrutiny.translated import language_of


@shared_task
def tell_invited_of_new_place(place_id: int) -> str:
    """Tell someone invited, not signed up yet, that another panel keeps a place for them.
    No link: the invitation's link is stored hashed, and the one they were sent still works."""
    place = (
        PanelInvitation.objects.select_related("panel", "invitation", "invited_by")
        .filter(pk=place_id, membership__isnull=True, invitation__accepted_at__isnull=True).first()
    )
    if place is None:
        return "skipped"
    invitation = place.invitation
    # In the language the person was invited in: the panel's name, the email's words and its dates.
    with language_of(invitation):
        send_to_address(
            address=invitation.email,
            subject=_("You have also been added to %(panel)s") % {"panel": place.panel.name},
            template="panels/email/place_added.txt",
            context={"place": place, "invitation": invitation, "site_settings": SiteSettings.load(),
                     "sent_on": invitation.sent_at or invitation.created_at},
            about=place,
        )
    return "sent"


@describes(tell_invited_of_new_place, _lazy("Note to an invited person about another panel"))
def _about_new_places(jobs: list[Job]) -> dict[int, str]:
    return by_first_argument(
        jobs, PanelInvitation.objects.select_related("invitation", "panel"),
        lambda p: _("To %(name)s (%(email)s), about %(panel)s") % {
            "name": p.invitation.display_name, "email": p.invitation.email, "panel": p.panel.name},
        _("The place on the panel has since been withdrawn."),
    )
