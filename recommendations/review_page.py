from django.urls import reverse
from django.utils.translation import gettext

from accounts.models import User
from recommendations.permissions import can_draft
from reviews.models import Review


def links(review: Review, user: User) -> list[dict[str, str]]:
    """The review's recommendations, and drafting and submitting them for the panel's members
    (extensions.REVIEW_PAGE_LINKS)."""
    found = [{"label": gettext("Recommendations from this review"),
              "url": reverse("recommendations:tracker") + f"?review={review.pk}"}]
    if can_draft(user, review):
        found.append({"label": gettext("Draft a recommendation"),
                      "url": reverse("recommendations:new", args=[review.pk])})
        found.append({"label": gettext("Submit draft recommendations together"),
                      "url": reverse("recommendations:submit-together", args=[review.pk])})
    return found
