"""This app's page that people who are not signed in may read (settings.PUBLIC_PAGES)."""

from django.urls import reverse

from scrutiny.models import SiteSettings


def page() -> dict | None:
    if not SiteSettings.load().public_you_said_we_did:
        return None
    return {"title": "You said, we did", "url": reverse("recommendations:you-said-we-did"),
            "about": "the changes the landlord has made because of the panel's recommendations."}
