"""Changes to panels and who is on them."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import Invitation, Role, User
from accounts.services import send_link, unaccepted_invitation
from panels import permissions
from panels.models import Membership, Panel, PanelInvitation, PanelRole, clean_rich_text
from scrutiny.jobs import enqueue
from scrutiny.locking import claim
from scrutiny.permissions import require
from scrutiny.translated import ENGLISH, WELSH, column

if TYPE_CHECKING:
    from django.core.files import File

PANEL_FIELDS = ("kind", "is_active")
# What the landlord writes about a panel, in English ("name") and in Welsh ("name_cy").
PANEL_WORDS = ("name", "purpose", "terms_of_reference")


def _set_words(panel: Panel, fields: dict[str, Any]) -> None:
    """Set the English and Welsh versions given: `name` is the English, `name_cy` the Welsh.
    Set under English, so that the panel's own column (its order, str() and logs) is English."""
    with translation.override(ENGLISH):
        for name in PANEL_WORDS:
            for key in (name, column(name, WELSH)):
                if key in fields:
                    text = fields[key] or ""
                    text = clean_rich_text(text) if name == "terms_of_reference" else text
                    setattr(panel, key, text.strip() if name == "name" else text)


def _save(panel: Panel) -> None:
    # Saved under English: the panel's own column takes the value read in the active language.
    with translation.override(ENGLISH):
        panel.save()


def _apply_terms_file(panel: Panel, terms_file: File | None, remove_terms_file: bool) -> None:
    if terms_file:
        panel.terms_of_reference_file = terms_file
        panel.terms_of_reference_file_name = terms_file.name or ""
    elif remove_terms_file and panel.terms_of_reference_file:
        panel.terms_of_reference_file.delete(save=False)
        panel.terms_of_reference_file_name = ""


@transaction.atomic
def create_panel(
    *, by: User, name: str, kind: str, purpose: str = "", terms_of_reference: str = "",
    terms_file: File | None = None, is_active: bool = True, **welsh: str,
) -> Panel:
    """Set up a new panel (administrators only); `welsh` holds name_cy, purpose_cy and
    terms_of_reference_cy where given."""
    require(permissions.can_create_panel(by), _("Only administrators can set up panels."))
    panel = Panel(kind=kind, is_active=is_active)
    _set_words(panel, {"name": name, "purpose": purpose, "terms_of_reference": terms_of_reference, **welsh})
    _apply_terms_file(panel, terms_file, False)
    _save(panel)
    return panel


@transaction.atomic
def update_panel(
    *, panel: Panel, by: User, terms_file: File | None = None, remove_terms_file: bool = False,
    version: int | None = None, **fields: Any,
) -> Panel:
    """Change a panel's details; closing it records the day it closed. Refuse if someone else
    saved it after `version` was read."""
    require(permissions.can_edit_panel(by, panel), _("Only administrators can change a panel's details."))
    panel = claim(panel, version=version, by=by, noun="panel")
    for name in PANEL_FIELDS:
        if name in fields:
            setattr(panel, name, fields[name])
    _set_words(panel, fields)
    if panel.is_active:
        panel.closed_on = None
    elif panel.closed_on is None:
        panel.closed_on = timezone.localdate()
    _apply_terms_file(panel, terms_file, remove_terms_file)
    _save(panel)
    return panel


def _check_can_join(panel: Panel, user: User, joined_on: datetime.date) -> None:
    if not panel.is_active:
        raise ValidationError(_("This panel is closed, so nobody can join it."))
    if Membership.objects.filter(panel=panel, user=user, left_on__isnull=True).exists():
        raise ValidationError({"email": _("%(name)s is already a member of this panel.") % {
            "name": user.display_name}})
    last_left = (
        Membership.objects.filter(panel=panel, user=user, left_on__isnull=False)
        .order_by("-left_on")
        .values_list("left_on", flat=True)
        .first()
    )
    if last_left and joined_on < last_left:
        raise ValidationError(
            {
                "joined_on": _(
                    "%(name)s left this panel on %(date)s. The date they rejoined must be on or after that."
                ) % {"name": user.display_name, "date": date_format(last_left, "j F Y")}
            }
        )


@transaction.atomic
def add_member(
    *, panel: Panel, user: User, role: str = PanelRole.MEMBER, joined_on: datetime.date | None = None,
    by: User,
) -> Membership:
    """Add someone who already has an account to the panel; a rejoiner gets a new spell."""
    require(
        permissions.can_manage_panel(by, panel),
        _("Only the panel's chair, its officers and administrators can add members."),
    )
    if not user.is_active:
        raise ValidationError({"email": _("This person's account is switched off.")})
    joined_on = joined_on or timezone.localdate()
    _check_can_join(panel, user, joined_on)
    membership = Membership.objects.create(
        panel=panel, user=user, role=role, joined_on=joined_on, added_by=by
    )
    permissions.forget_memberships(user)
    return membership


@transaction.atomic
def add_or_invite(
    *, panel: Panel, email: str, display_name: str = "", role: str = PanelRole.MEMBER,
    site_role: str = Role.TENANT, joined_on: datetime.date | None = None, by: User,
) -> tuple[str, Membership | PanelInvitation]:
    """Add the person with this email to the panel, or invite them to the site if they have no
    account yet: their place on the panel is kept until they accept. Someone already invited
    keeps the invitation (and the link) they have; the place is added to it.

    Returns ("added", membership), ("invited", place) or ("already invited", place).
    """
    require(
        permissions.can_manage_panel(by, panel),
        _("Only the panel's chair, its officers and administrators can add members."),
    )
    email = email.strip().lower()
    existing = User.objects.filter(email__iexact=email).first()
    if existing:
        return "added", add_member(panel=panel, user=existing, role=role, joined_on=joined_on, by=by)
    if not panel.is_active:
        raise ValidationError(_("This panel is closed, so nobody can join it."))
    invitation = unaccepted_invitation(email)
    if invitation is not None and invitation.is_usable:
        place, added = _keep_place(panel=panel, invitation=invitation, role=role, by=by)
        if added:
            # Their link stays as it is, so the note has none: it points them to the first email.
            enqueue("panels.tasks.tell_invited_of_new_place", place.pk)
        return "already invited", place
    if invitation is not None:
        # The link has expired: send a new one on the same invitation, so the places other
        # panels kept with it are kept too.
        invitation.display_name = display_name.strip() or invitation.display_name
        send_link(invitation=invitation)
        return "invited", _keep_place(panel=panel, invitation=invitation, role=role, by=by)[0]
    if not display_name.strip():
        raise ValidationError(
            {
                "display_name": _("Nobody has an account with this email address yet. Give their name "
                                  "so we can invite them.")
            }
        )
    if not (site_role and permissions.can_choose_site_role(by)):
        site_role = Role.TENANT
    # accounts.services.invite is for administrators: chairs and officers invite through here.
    invitation = send_link(
        invitation=Invitation(email=email, display_name=display_name.strip(), role=site_role, invited_by=by)
    )
    return "invited", _keep_place(panel=panel, invitation=invitation, role=role, by=by)[0]


def _keep_place(*, panel: Panel, invitation: Invitation, role: str, by: User) -> tuple[PanelInvitation, bool]:
    """The place kept on the panel for the invited person, and whether it is new."""
    return PanelInvitation.objects.update_or_create(
        panel=panel,
        invitation=invitation,
        membership__isnull=True,
        defaults={"role": role, "invited_by": by},
    )


@transaction.atomic
def take_up_places(*, invitation: Invitation) -> list[Membership]:
    """Turn the places kept for an invited person into memberships, once they have an account.

    Safe to run more than once: a place already taken up is left alone.
    """
    if invitation.user_id is None:
        return []
    made = []
    places = PanelInvitation.objects.select_for_update().filter(
        invitation=invitation, membership__isnull=True
    )
    for place in places.select_related("panel"):
        if (
            not place.panel.is_active
            or Membership.objects.filter(
                panel=place.panel, user_id=invitation.user_id, left_on__isnull=True
            ).exists()
        ):
            continue
        place.membership = Membership.objects.create(
            panel=place.panel, user_id=invitation.user_id, role=place.role, added_by=place.invited_by
        )
        place.save(update_fields=["membership"])
        made.append(place.membership)
    return made


@transaction.atomic
def change_role(*, membership: Membership, role: str, by: User) -> Membership:
    """Change a current member's role on the panel."""
    require(
        permissions.can_manage_panel(by, membership.panel_id),
        _("Only the panel's chair, its officers and administrators can change members' roles."),
    )
    if not membership.is_current:
        raise ValidationError(_("This person is no longer a member, so their role cannot change."))
    membership.role = role
    membership.save(update_fields=["role"])
    permissions.forget_memberships(membership.user)
    return membership


@transaction.atomic
def end_membership(
    *, membership: Membership, left_on: datetime.date | None = None, by: User
) -> Membership:
    """Record that someone has left the panel; their past membership is kept."""
    require(
        permissions.can_manage_panel(by, membership.panel_id),
        _("Only the panel's chair, its officers and administrators can record that a member has left."),
    )
    if membership.left_on is not None:
        raise ValidationError(_("This person has already left the panel."))
    left_on = left_on or timezone.localdate()
    if left_on < membership.joined_on:
        raise ValidationError(
            {
                "left_on": _("They joined on %(date)s: the date they left must be on or after that.") % {
                    "date": date_format(membership.joined_on, "j F Y")}
            }
        )
    membership.left_on = left_on
    membership.save(update_fields=["left_on"])
    permissions.forget_memberships(membership.user)
    return membership


@transaction.atomic
def cancel_place(*, place: PanelInvitation, by: User) -> None:
    """Withdraw a place kept for someone invited who has not joined yet."""
    require(
        permissions.can_manage_panel(by, place.panel_id),
        _("Only the panel's chair, its officers and administrators can withdraw a place."),
    )
    if place.membership_id:
        raise ValidationError(_("This person has already joined the panel."))
    place.delete()
