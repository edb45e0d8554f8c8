"""When an invited person accepts their invitation (accounts app), the places kept for them on
panels become memberships. A signal, because accounts comes before panels and must not know it.

Any change the volunteering figures are counted from renews the version of its panel's figures
that panel pages keep in the cache (panels.selectors.volunteering.page_figures)."""

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from accounts.models import Invitation, User
from panels import kept_members, kept_parts
from panels.models import Attendance, Meeting, MeetingPaper, Membership, Panel, PanelInvitation, Training
from panels.selectors.volunteering import forget_figures


@receiver(post_save, sender=Invitation, dispatch_uid="panels-take-up-places")
def take_up_places_on_acceptance(sender: type[Invitation], instance: Invitation, **kwargs: Any) -> None:
    if instance.user_id and instance.accepted_at:
        from panels.services import take_up_places

        take_up_places(invitation=instance)


def _panels_of_members(**lookup: Any) -> list[int]:
    return list(Membership.objects.filter(**lookup).values_list("panel_id", flat=True))


def _own_panel(sender: type, instance: Meeting | Membership, **kwargs: Any) -> None:
    forget_figures(panel_ids=[instance.panel_id])


def _attendance_changed(sender: type, instance: Attendance, **kwargs: Any) -> None:
    # A sheet of attendance saves each row with its meeting at hand: no query for the panel.
    if Attendance.meeting.is_cached(instance):
        forget_figures(panel_ids=[instance.meeting.panel_id])
        return
    # After its meeting is deleted (a cascade) there is none to find: the meeting renewed it.
    meetings = Meeting.objects.filter(pk=instance.meeting_id)
    forget_figures(panel_ids=meetings.values_list("panel_id", flat=True))


def _training_changed(sender: type, instance: Training, **kwargs: Any) -> None:
    forget_figures(panel_ids=_panels_of_members(user_id=instance.user_id))


def _person_changed(
    sender: type, instance: User, created: bool = False, update_fields: Any = None, **kwargs: Any
) -> None:
    # Panel figures count tenants only: a change of role moves the person in or out of them.
    # Someone new is on no panel yet; a sign-in saves the person's last_login alone.
    if not created and (update_fields is None or "role" in update_fields):
        forget_figures(panel_ids=_panels_of_members(user_id=instance.pk))


for _receiver, _model in (
    (_own_panel, Meeting), (_own_panel, Membership), (_attendance_changed, Attendance),
    (_training_changed, Training), (_person_changed, User),
):
    for _signal in (post_save, post_delete):
        _signal.connect(_receiver, sender=_model, dispatch_uid=f"panels-figures-{_model.__name__}")


# The members list kept per panel (panels/kept_members.py) shows memberships and the members'
# names, contact details and roles: a sign-in, which saves last_login alone, leaves it kept.
NOT_SHOWN_IN_MEMBERS_LIST = frozenset({"last_login", "password"})


def _membership_changed(sender: type, instance: Membership, **kwargs: Any) -> None:
    kept_members.forget(panel_ids=[instance.panel_id])


def _member_changed(sender: type, instance: User, update_fields: Any = None, **kwargs: Any) -> None:
    if update_fields is not None and set(update_fields) <= NOT_SHOWN_IN_MEMBERS_LIST:
        return
    kept_members.forget(panel_ids=_panels_of_members(user_id=instance.pk))


for _signal in (post_save, post_delete):
    _signal.connect(_membership_changed, sender=Membership, dispatch_uid=f"panels-members-list-{_signal}")
    _signal.connect(_member_changed, sender=User, dispatch_uid=f"panels-members-list-person-{_signal}")


# The kept parts listing meetings (panels/kept_parts.py) show the panel's name, its meetings, their
# papers counted and the attendance of the person looking; the home page's also shows the person's
# training due for a refresher.
def _meeting_changed(sender: type, instance: Meeting, **kwargs: Any) -> None:
    kept_parts.forget_meetings(panel_ids=[instance.panel_id])


def _panel_changed(sender: type, instance: Panel, **kwargs: Any) -> None:
    kept_parts.forget_meetings(panel_ids=[instance.pk])


def _meeting_part_changed(sender: type, instance: Attendance | MeetingPaper, **kwargs: Any) -> None:
    if type(instance).meeting.is_cached(instance):
        kept_parts.forget_meetings(panel_ids=[instance.meeting.panel_id])
        return
    # After its meeting is deleted (a cascade) there is none to find: the meeting renewed it.
    kept_parts.forget_meetings(
        panel_ids=Meeting.objects.filter(pk=instance.meeting_id).values_list("panel_id", flat=True)
    )


def _own_training_changed(sender: type, instance: Training, **kwargs: Any) -> None:
    kept_parts.forget_training(user_id=instance.user_id)


# The names of those invited and not joined yet, on the panel page for its managers.
def _place_changed(sender: type, instance: PanelInvitation, **kwargs: Any) -> None:
    kept_parts.forget_invitations(panel_ids=[instance.panel_id])


def _invitation_changed(sender: type, instance: Invitation, **kwargs: Any) -> None:
    # A deleted invitation's places go first (a cascade), each renewing its panel's version.
    kept_parts.forget_invitations(
        panel_ids=PanelInvitation.objects.filter(invitation_id=instance.pk).values_list("panel_id", flat=True)
    )


_KEPT_PARTS_RECEIVERS: tuple[tuple[Any, type], ...] = (
    (_meeting_changed, Meeting), (_panel_changed, Panel), (_meeting_part_changed, Attendance),
    (_meeting_part_changed, MeetingPaper), (_own_training_changed, Training),
    (_place_changed, PanelInvitation), (_invitation_changed, Invitation),
)
for _kept_receiver, _kept_model in _KEPT_PARTS_RECEIVERS:
    for _signal in (post_save, post_delete):
        _uid = f"panels-kept-parts-{_kept_receiver.__name__}-{_kept_model.__name__}"
        _signal.connect(_kept_receiver, sender=_kept_model, dispatch_uid=_uid)
