"""Changes to people and their sign-in: invitations and profiles."""

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.models import Invitation, Notice, Role, User
from scrutiny.jobs import enqueue
from scrutiny.locking import claim
from scrutiny.permissions import is_admin, require


def _email_taken(email: str) -> bool:
    return User.objects.filter(email__iexact=email).exists()


def unaccepted_invitation(email: str) -> Invitation | None:
    """The invitation this address was last sent and has not accepted (its link may have expired)."""
    return (
        Invitation.objects.filter(email__iexact=email.strip(), accepted_at__isnull=True)
        .order_by("-created_at")
        .first()
    )


def already_invited(invitation: Invitation) -> str:
    """Plain words for an invitation still waiting to be accepted."""
    invited_at = timezone.localtime(invitation.sent_at or invitation.created_at)
    return f"{invitation.display_name} was invited on {invited_at:%-d %B %Y} and has not accepted yet."


def send_link(*, invitation: Invitation) -> Invitation:
    """Give the invitation a new link and a fresh expiry date, and email it after commit."""

    token = invitation.new_token()
    invitation.sent_at = None
    invitation.save()
    enqueue("accounts.tasks.send_invitation", invitation.pk, token)
    return invitation


@transaction.atomic
def invite(*, email: str, display_name: str, role: str, by: User) -> Invitation:
    """Invite someone to set a password; the email goes out from a background task. Someone
    whose invitation is still waiting keeps it (and its link); an expired one is renewed, so the
    panel places kept with it stay."""
    require(is_admin(by), "Only administrators can invite people.")
    email = email.strip().lower()
    if _email_taken(email):
        raise ValidationError({"email": "Someone already has an account with this email address."})
    invitation = unaccepted_invitation(email)
    if invitation is not None and invitation.is_usable:
        raise ValidationError(
            {"email": f"{already_invited(invitation)} To send them a new link, use “Send a new link” "
             "in the list of invitations below."}
        )
    if invitation is None:
        invitation = Invitation(email=email)
    invitation.display_name = display_name.strip()
    invitation.role = role
    invitation.invited_by = by
    return send_link(invitation=invitation)


@transaction.atomic
def resend_invitation(*, invitation: Invitation, by: User) -> Invitation:
    """Send a new link (the old one stops working) with a fresh expiry date."""
    require(is_admin(by), "Only administrators can invite people.")
    if invitation.accepted_at:
        raise ValidationError("This invitation has already been accepted.")
    return send_link(invitation=invitation)


@transaction.atomic
def accept_invitation(*, invitation: Invitation, password: str) -> User:
    """Create the invited person's account with the password they chose."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_usable:
        raise ValidationError("This invitation link has expired or has already been used.")
    if _email_taken(invitation.email):
        raise ValidationError("Someone already has an account with this email address.")
    user = User(email=invitation.email, display_name=invitation.display_name, role=invitation.role)
    password_validation.validate_password(password, user)
    user.set_password(password)
    user.save()
    invitation.accepted_at = timezone.now()
    invitation.user = user
    invitation.save(update_fields=["accepted_at", "user"])
    return user


def mark_notices_read(*, user: User, notice_id: int | None = None) -> int:
    """Mark one of the person's notices (or, with no id, all of them) as read; returns how many."""
    notices = Notice.objects.filter(user=user, read_at__isnull=True)
    if notice_id is not None:
        notices = notices.filter(pk=notice_id)
    return notices.update(read_at=timezone.now())


@transaction.atomic
def change_person(
    *, person: User, by: User, role: str, is_active: bool, version: int | None = None
) -> User:
    """Change someone's site role or switch their account off (or on again). Refuse if someone
    else saved a change to them after `version` was read."""
    require(is_admin(by), "Only administrators can change people's roles.")
    current = claim(person, version=version, by=by, noun="person's role and account")
    if current == by and (role != Role.ADMIN or not is_active):
        raise ValidationError(
            "You cannot take away your own administrator role or switch off your own account. "
            "Ask another administrator."
        )
    other_admins = User.objects.filter(role=Role.ADMIN, is_active=True).exclude(pk=current.pk)
    if current.role == Role.ADMIN and (role != Role.ADMIN or not is_active) and not other_admins.exists():
        raise ValidationError("The site needs at least one administrator with an account that is on.")
    current.role = role
    current.is_active = is_active
    current.save()
    return current


ERASED_NAME = "Former member"


@transaction.atomic
def erase_person(*, user: User, by: User | None = None) -> User:
    """Erase a person's personal data on their request: name and contact details are replaced,
    sign-in is closed, and what they contributed stays, credited to "Former member"."""
    from scrutiny import audit, extensions
    from scrutiny.models import AuditKind

    old_email = user.email
    Invitation.objects.filter(email__iexact=old_email).delete()
    user.notices.all().delete()
    _forget_sign_in_attempts(old_email)
    user.display_name = ERASED_NAME
    user.email = f"erased-{user.pk}@erased.invalid"
    user.phone = ""
    user.postal_address = ""
    user.access_needs = ""
    user.large_text = False
    user.large_print_documents = False
    user.is_active = False
    user.set_unusable_password()
    user.save()
    for erase in extensions.functions(extensions.PERSONAL_DATA_ERASERS):
        erase(user)
    audit.record(kind=AuditKind.ERASED, actor=by, subject=user, detail="on the person's request")
    return user


def _forget_sign_in_attempts(email: str) -> None:
    """django-axes keeps the email typed at each failed sign-in: those go too."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username__iexact=email).delete()
