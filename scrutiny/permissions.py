"""The one permission helper. Each app's permissions.py holds small `can_x(user, obj)` rules
built on these; views, templates and services all ask the same rules."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any, TypeAlias

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    # The stubs' placeholder for settings.AUTH_USER_MODEL, which mypy's Django plugin reads as
    # the site's own User: the floor names the user model through Django, not the accounts app.
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.auth.models import _User as User
    from django_stubs_ext import StrOrPromise

# Whoever is asking: a signed-in person, or request.user before signing in.
Person: TypeAlias = "User | AnonymousUser | None"
View = Callable[..., HttpResponse]

DEFAULT_REFUSAL = _("You do not have permission to do that.")


def require(allowed: Any, message: StrOrPromise = DEFAULT_REFUSAL) -> None:
    """Raise PermissionDenied (shown as a 403 page with the message) unless allowed is true."""
    if not allowed:
        raise PermissionDenied(message)


def has_role(user: Person, *roles: str) -> bool:
    """Whether the person is signed in, their account is on, and they hold one of the roles."""
    return bool(user and user.is_authenticated and user.is_active and user.role in roles)


def is_admin(user: Person) -> bool:
    """Whether the person is an administrator."""
    return has_role(user, "admin")


def is_staff_role(user: Person) -> bool:
    """Officers, managers and admins: people who work for the landlord."""
    return has_role(user, "officer", "manager", "admin")


def role_required(*roles: str, message: StrOrPromise = DEFAULT_REFUSAL) -> Callable[[View], View]:
    """View decorator: the person must be signed in and hold one of the site roles."""

    def decorator(view: View) -> View:
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            require(has_role(request.user, *roles), message)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


ADMIN_REFUSAL = _("Only administrators can do that.")


def can_administer(user: Person) -> bool:
    """The Administration pages (site settings, people, service areas) are for administrators."""
    return is_admin(user)
