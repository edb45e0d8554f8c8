"""When an invited person accepts their invitation (accounts app), the places kept for them on
panels become memberships. A signal, because accounts comes before panels and must not know it.

Any change the volunteering figures are counted from starts a new generation of the figures
panel pages keep in the cache (panels.selectors.volunteering.page_figures)."""

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from accounts.models import Invitation, User
from panels.models import Attendance, Meeting, Membership, Training


@receiver(post_save, sender=Invitation, dispatch_uid="panels-take-up-places")
def take_up_places_on_acceptance(sender: type[Invitation], instance: Invitation, **kwargs: Any) -> None:
    if instance.user_id and instance.accepted_at:
        from panels.services import take_up_places

        take_up_places(invitation=instance)


def _figures_changed(sender: type, update_fields: frozenset[str] | None = None, **kwargs: Any) -> None:
    from panels.selectors import forget_figures

    if update_fields != frozenset({"last_login"}):  # a sign-in changes no figure
        forget_figures()


for _model in (Meeting, Attendance, Membership, Training, User):
    for _signal in (post_save, post_delete):
        _signal.connect(_figures_changed, sender=_model, dispatch_uid=f"panels-figures-{_model.__name__}")
