"""The one permission helper. Each app's permissions.py holds small `can_x(user, obj)` rules
built on these; views, templates and services all ask the same rules."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

DEFAULT_REFUSAL = "You do not have permission to do that."


def require(allowed, message=DEFAULT_REFUSAL):
    """Raise PermissionDenied (shown as a 403 page with the message) unless allowed is true."""
    if not allowed:
        raise PermissionDenied(message)


def has_role(user, *roles):
    return bool(user and user.is_authenticated and user.is_active and user.role in roles)


def is_admin(user):
    return has_role(user, "admin")


def is_staff_role(user):
    """Officers, managers and admins: people who work for the landlord."""
    return has_role(user, "officer", "manager", "admin")


def role_required(*roles, message=DEFAULT_REFUSAL):
    """View decorator: the person must be signed in and hold one of the site roles."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            require(has_role(request.user, *roles), message)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


ADMIN_REFUSAL = "Only administrators can do that."


def can_administer(user) -> bool:
    """The Administration pages (site settings, people, service areas) are for administrators."""
    return is_admin(user)
