from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import User
from mysteryshop import permissions as perms
from reviews.models import Review, ReviewKind


def links(review: Review, user: User) -> list[dict[str, str]]:
    """A programme's visits, its dashboard and starting a visit, from its review page
    (extensions.REVIEW_PAGE_LINKS); nothing for a scrutiny review, which has no visits."""
    if review.kind not in perms.VISIT_KINDS:
        return []
    found = []
    if perms.can_record_visit(user, review):
        found.append({"label": _("Start a visit"),
                      "url": reverse("mysteryshop:visit-start", args=[review.pk])})
    found += [
        {"label": _("Visits"), "url": reverse("mysteryshop:programme", args=[review.pk])},
        {"label": _("Scores dashboard"), "url": reverse("mysteryshop:dashboard", args=[review.pk])},
    ]
    if review.kind == ReviewKind.DOCUMENT_REVIEW:
        found.append({"label": _("Documents"), "url": reverse("mysteryshop:documents", args=[review.pk])})
    return found
