"""This app's page that people who are not signed in may read (extensions.PUBLIC_PAGES), and its
link in every page's footer (extensions.FOOTER_LINKS)."""

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from accounts.models import User
from scrutiny.models import SiteSettings


def page() -> dict[str, str] | None:
    if not SiteSettings.load().public_you_said_we_did:
        return None
    return {"title": "You said, we did", "url": reverse("recommendations:you-said-we-did"),
            "about": "the changes the landlord has made because of the panel's recommendations."}


def footer_link(user: User | AnonymousUser) -> dict[str, Any] | None:
    """"You said, we did" for signed-in people, and for everyone once it is public."""
    if not (user.is_authenticated or SiteSettings.load().public_you_said_we_did):
        return None
    return {"label": "You said, we did", "url": reverse("recommendations:you-said-we-did")}
