"""A link this app adds to a framework's page (extensions.FRAMEWORK_PAGE_LINKS)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import User
from assessments.models import Framework
from comparisons.framework_comparison import keys_of


def links(framework: Framework, user: User) -> list[dict[str, str]]:
    """ "How we compare" for a framework whose measures the regulator publishes for every landlord."""
    if not keys_of(framework.code):
        return []
    return [{"label": _("How we compare with other landlords"),
             "url": reverse("comparisons:how-we-compare", args=[framework.code])}]
