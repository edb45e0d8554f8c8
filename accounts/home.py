from django.urls import reverse
from django.utils.translation import gettext as _

from accounts import selectors
from accounts.models import User

NOTICES_SHOWN = 10


def section(user: User) -> dict | None:
    """Notices for someone who asked not to be emailed: what the emails would have said."""
    notices = selectors.unread_notices(user)
    shown = list(notices[: NOTICES_SHOWN + 1])
    if not shown:
        return None
    return {"template": "accounts/_notices.html", "notices": shown[:NOTICES_SHOWN],
            "more": len(shown) > NOTICES_SHOWN}


def links(user: User) -> list[dict[str, str]]:
    """The home page's "Your account" links: one's own details, and inviting people for an admin."""
    found = [{"label": _("Change your details, contact preferences and access needs"),
              "url": reverse("accounts:profile")}]
    if user.is_site_admin:
        found.append({"label": _("Invite someone to the site"), "url": reverse("accounts:invitations")})
    return found
