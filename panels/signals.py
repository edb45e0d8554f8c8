"""When an invited person accepts their invitation (accounts app), the places kept for them on
panels become memberships. A signal, because accounts comes before panels and must not know it."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from accounts.models import Invitation


@receiver(post_save, sender=Invitation, dispatch_uid="panels-take-up-places")
def take_up_places_on_acceptance(sender, instance, **kwargs):
    if instance.user_id and instance.accepted_at:
        from panels.services import take_up_places

        take_up_places(invitation=instance)
