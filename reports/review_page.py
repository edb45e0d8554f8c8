from django.urls import reverse

from accounts.models import User
from reviews.models import Review


def links(review: Review, user: User) -> list[dict[str, str]]:
    """The review's full report and its PDF (settings.REVIEW_PAGE_LINKS)."""
    return [{"label": "Full report and PDF", "url": reverse("reports:review", args=[review.pk])}]
