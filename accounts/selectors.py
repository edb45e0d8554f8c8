from typing import Any

from django.db.models import Case, Q, QuerySet, Value, When

from accounts.models import Invitation, Notice, User
from scrutiny.models import UserSession
from scrutiny.user_sessions import live


def pending_invitations() -> QuerySet[Invitation]:
    """Invitations not yet accepted, newest first, with who sent them."""
    return (
        Invitation.objects.filter(accepted_at__isnull=True)
        .select_related("invited_by")
        .order_by("-created_at", "-pk")
    )


def personal_data(user: User) -> tuple[str, dict[str, Any]]:
    """What the accounts app holds about a person, for their own download."""
    return "Account", {
        "email": user.email,
        "name": user.display_name,
        "role": user.get_role_display(),
        "phone": user.phone,
        "postal_address": user.postal_address,
        "contact_preference": user.get_contact_preference_display(),
        "large_text": user.large_text,
        "large_print_documents": user.large_print_documents,
        "access_needs": user.access_needs,
        "date_joined": user.date_joined.isoformat(),
        "last_sign_in": user.last_login.isoformat() if user.last_login else None,
        "notices": [
            {"subject": n.subject, "text": n.body, "at": n.created_at.isoformat(),
             "read_at": n.read_at.isoformat() if n.read_at else None}
            for n in user.notices.order_by("created_at", "pk")
        ],
        "signed_in_sessions": [
            {"browser": s.user_agent, "internet_address": s.ip_address,
             "signed_in_at": s.signed_in_at.isoformat(), "last_used_at": s.last_used_at.isoformat()}
            for s in live(UserSession.objects.filter(user=user)).order_by("signed_in_at", "pk")
        ],
    }


def unread_notices(user: User) -> QuerySet[Notice]:
    """The person's notices not yet marked as read, newest first."""
    return Notice.objects.filter(user=user, read_at__isnull=True).order_by("-created_at", "-pk")


def people(*, search: str = "") -> QuerySet[User]:
    """Everyone with an account, by name; `search` matches part of a name or email address."""
    found = User.objects.order_by("display_name", "pk")
    search = search.strip()
    if search:
        found = found.filter(Q(display_name__icontains=search) | Q(email__icontains=search))
    return found


def signed_in_sessions(*, user: User, current_id: int | None) -> QuerySet[UserSession]:
    """Where the person is signed in: this device's session first, then by when last used."""
    return live(UserSession.objects.filter(user=user)).annotate(
        is_this_device=Case(When(pk=current_id, then=Value(True)), default=Value(False))
    ).order_by("-is_this_device", "-last_used_at", "-pk")
