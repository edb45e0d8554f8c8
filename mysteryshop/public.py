"""This app's page that people who are not signed in may read (extensions.PUBLIC_PAGES)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from mysteryshop.apps import PUBLIC_REGISTER
from scrutiny import switches


def page() -> dict | None:
    if not switches.is_on(PUBLIC_REGISTER):
        return None
    return {"title": _("Customer Approved register"), "url": reverse("mysteryshop:register"),
            "about": _("the landlord's letters and leaflets that tenants have checked and approved.")}
