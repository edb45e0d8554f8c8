from celery import shared_task

from panels.models import PanelInvitation
from scrutiny.emails import send_to_address
from scrutiny.failed_jobs import by_first_argument, describes
from scrutiny.models import Job, SiteSettings


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
    send_to_address(
        address=invitation.email, subject=f"You have also been added to {place.panel.name}",
        template="panels/email/place_added.txt",
        context={"place": place, "invitation": invitation, "site_settings": SiteSettings.load(),
                 "sent_on": invitation.sent_at or invitation.created_at},
        about=place,
    )
    return "sent"


@describes(tell_invited_of_new_place, "Note to an invited person about another panel")
def _about_new_places(jobs: list[Job]) -> dict[int, str]:
    return by_first_argument(
        jobs, PanelInvitation.objects.select_related("invitation", "panel"),
        lambda p: f"To {p.invitation.display_name} ({p.invitation.email}), about {p.panel.name}",
        "The place on the panel has since been withdrawn.",
    )
