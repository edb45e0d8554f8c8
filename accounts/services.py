"""Changes to people and their sign-in: invitations and profiles."""

from typing import Any

from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from accounts.devices import describe
from accounts.models import Invitation, Notice, Role, User
from scrutiny import audit, user_sessions
from scrutiny.jobs import enqueue
from scrutiny.locking import claim
from scrutiny.models import AuditKind, UserSession
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
    return _("%(name)s was invited on %(date)s and has not accepted yet.") % {
        "name": invitation.display_name, "date": formats.date_format(invited_at, "j F Y"),
    }


def send_link(*, invitation: Invitation) -> Invitation:
    """Give the invitation a new link and a fresh expiry date, and email it after commit."""

    token = invitation.new_token()
    invitation.sent_at = None
    invitation.save()
    enqueue("accounts.tasks.send_invitation", invitation.pk, token)
    return invitation


@transaction.atomic
def invite(*, email: str, display_name: str, role: str, by: User, language: str = "") -> Invitation:
    """Invite someone to set a password; the email goes out from a background task, in the
    invitation's `language`. Someone whose invitation is still waiting keeps it (and its link); an
    expired one is renewed, so the panel places kept with it stay."""
    require(is_admin(by), _("Only administrators can invite people."))
    email = email.strip().lower()
    if _email_taken(email):
        raise ValidationError({"email": _("Someone already has an account with this email address.")})
    invitation = unaccepted_invitation(email)
    if invitation is not None and invitation.is_usable:
        raise ValidationError(
            {"email": _("%(already)s To send them a new link, use “Send a new link” in the list of "
                        "invitations below.") % {"already": already_invited(invitation)}}
        )
    if invitation is None:
        invitation = Invitation(email=email)
    invitation.display_name = display_name.strip()
    invitation.role = role
    invitation.invited_by = by
    if language in dict(settings.LANGUAGES):
        invitation.language = language
    return send_link(invitation=invitation)


@transaction.atomic
def resend_invitation(*, invitation: Invitation, by: User) -> Invitation:
    """Send a new link (the old one stops working) with a fresh expiry date."""
    require(is_admin(by), _("Only administrators can invite people."))
    if invitation.accepted_at:
        raise ValidationError(_("This invitation has already been accepted."))
    return send_link(invitation=invitation)


@transaction.atomic
def accept_invitation(*, invitation: Invitation, password: str, language: str = "") -> User:
    """Create the invited person's account with the password they chose, and the language they
    want what is sent to them in (the invitation's, unless they chose another)."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_usable:
        raise ValidationError(_("This invitation link has expired or has already been used."))
    if _email_taken(invitation.email):
        raise ValidationError(_("Someone already has an account with this email address."))
    if language not in dict(settings.LANGUAGES):
        language = invitation.language
    user = User(email=invitation.email, display_name=invitation.display_name, role=invitation.role,
                language=language)
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
    require(is_admin(by), _("Only administrators can change people's roles."))
    current = claim(person, version=version, by=by, noun="person's role and account")
    if current == by and (role != Role.ADMIN or not is_active):
        raise ValidationError(
            _("You cannot take away your own administrator role or switch off your own account. "
              "Ask another administrator.")
        )
    other_admins = User.objects.filter(role=Role.ADMIN, is_active=True).exclude(pk=current.pk)
    if current.role == Role.ADMIN and (role != Role.ADMIN or not is_active) and not other_admins.exists():
        raise ValidationError(_("The site needs at least one administrator with an account that is on."))
    changed = current.role != role or (current.is_active and not is_active)
    current.role = role
    current.is_active = is_active
    current.save()
    if changed:
        end_sessions_after_role_change(user=current, by=by)
    return current


def end_sessions_after_role_change(*, user: User, by: User | None) -> int:
    """What they may see changed: every browser of theirs signs in again, under the new role."""
    return _end_sessions(user=user, by=by, sessions=UserSession.objects.filter(user=user),
                         why="after a role change")


def _end_sessions(*, user: User, by: User | None, sessions: QuerySet[UserSession], why: str,
                  request: HttpRequest | None = None) -> int:
    """End the person's sessions, noting it on the audit trail; returns how many."""
    ended = user_sessions.end(sessions)
    if ended:
        detail = f"{ended} {'session' if ended == 1 else 'sessions'}, {why}"
        audit.record(kind=AuditKind.SESSIONS_ENDED, actor=by, subject=user, detail=detail,
                     request=request or audit.current_request())
    return ended


def end_sessions_elsewhere(*, user: User, request: HttpRequest | None, why: str) -> int:
    """End the person's sessions but the request's own, noting it on the audit trail."""
    others = UserSession.objects.filter(user=user).exclude(pk=user_sessions.current_id(request))
    return _end_sessions(user=user, by=user, sessions=others, why=why, request=request)


def end_session(*, user: User, session: UserSession, current_id: int | None,
                request: HttpRequest | None = None) -> str:
    """End one of the person's own sessions elsewhere; returns the browser's name."""
    require(session.user_id == user.pk, _("You can only sign out of your own sessions."))
    if session.pk == current_id:
        raise ValidationError(_("To sign out on this device, use Sign out."))
    device = describe(session.user_agent)
    user_sessions.end(UserSession.objects.filter(pk=session.pk))
    used = timezone.localtime(session.last_used_at)
    address = session.ip_address or "an unknown address"
    audit.record(
        kind=AuditKind.SESSIONS_ENDED, actor=user, subject=user, request=request,
        detail=f"{device}, last used {used:%-d %b %Y %H:%M} from {address}",
    )
    return device


def end_other_sessions(*, user: User, current_id: int | None, request: HttpRequest | None = None) -> int:
    """Sign the person out everywhere but this device; returns how many sessions ended."""
    others = UserSession.objects.filter(user=user).exclude(pk=current_id)
    ended = user_sessions.end(others)
    if ended:
        audit.record(kind=AuditKind.SESSIONS_ENDED, actor=user, subject=user, request=request,
                     detail=f"{ended} other {'session' if ended == 1 else 'sessions'}")
    return ended


def password_changed(sender: type[User], instance: User, **kwargs: Any) -> None:
    """A new password (changed, reset, or set by an administrator) signs the person out
    everywhere but in the browser that changed it (post_save of User, from AccountsConfig)."""
    # Django's mark of set_password since the last save; a new account has no sessions yet.
    if getattr(instance, "_password", None) is None or kwargs.get("created"):
        return
    request = audit.current_request()
    by = getattr(request, "user", None)
    others = UserSession.objects.filter(user=instance).exclude(pk=user_sessions.current_id(request))
    _end_sessions(user=instance, by=by if getattr(by, "is_authenticated", False) else None,
                  sessions=others, why="after a password change", request=request)


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
    user_sessions.end(UserSession.objects.filter(user=user))
    for erase in extensions.functions(extensions.PERSONAL_DATA_ERASERS):
        erase(user)
    audit.record(kind=AuditKind.ERASED, actor=by, subject=user, detail="on the person's request")
    return user


def _forget_sign_in_attempts(email: str) -> None:
    """django-axes keeps the email typed at each failed sign-in: those go too."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username__iexact=email).delete()
