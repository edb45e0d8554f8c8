from typing import Any

from accounts.models import User
from reviews.selectors import reviews_in_progress_for


def section(user: User) -> dict[str, Any] | None:
    """Reviews in progress in the person's panels (or that they lead or support), or None."""
    reviews = list(reviews_in_progress_for(user)[:10])
    if not reviews:
        return None
    return {"template": "reviews/_home.html", "reviews": reviews}
