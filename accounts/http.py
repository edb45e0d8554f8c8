"""Type hints for views: what a request holds once the person is known to be signed in."""

from django.http import HttpRequest

from accounts.models import User


class AuthenticatedHttpRequest(HttpRequest):
    """A request to a view behind `login_required` (or a rule that needs a role): its user is
    a person with an account, never a signed-out visitor. For type hints only: Django passes
    an ordinary request."""

    user: User
