"""Type hints for the floor's views: what a request holds once the person is known to be signed in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    # The site's user model as the stubs name it (read by mypy's Django plugin as the site's own
    # User): the floor names it through Django, never through the accounts app.
    from django.contrib.auth.models import _User as User


class AuthenticatedHttpRequest(HttpRequest):
    """A request to a view behind `login_required` or `role_required`: its user is a person with
    an account, never a signed-out visitor. For type hints only: Django passes an ordinary request."""

    user: User
