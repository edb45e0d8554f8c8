from typing import Any

from accounts.models import User
from reviews.selectors import reviews_in_progress_for

# What reviews/_review_item.html shows: reading only these columns halves the cost of building
# the rows (a review and its panel have many long text columns the home page never shows).
ITEM_FIELDS = ("title", "stage", "kind", "planned_start", "created_at", "panel__name", "service_area__name")


def section(user: User) -> dict[str, Any] | None:
    """Reviews in progress in the person's panels (or that they lead or support), or None."""
    reviews = list(reviews_in_progress_for(user).only(*ITEM_FIELDS)[:10])
    if not reviews:
        return None
    return {"template": "reviews/_home.html", "reviews": reviews}
