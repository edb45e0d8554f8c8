import hashlib
from typing import Any

from accounts.models import User
from panels.permissions import panel_ids_for
from reviews.kept_items import ROW, items_for
from reviews.panel_page import kept_rows, person_key, reviews_key
from reviews.selectors import reviews_in_progress_for

REVIEWS_SHOWN = 10


def section(user: User) -> dict[str, Any] | None:
    """Reviews in progress in the person's panels (or that they lead or support), or None: which
    they are is kept under the versions of those panels' reviews and of the person's own."""
    panels = sorted(panel_ids_for(user))
    keys = [reviews_key(pk) for pk in panels] + [person_key(user.pk)]
    rows = kept_rows(
        f"reviews:home-reviews:{user.pk}:" + hashlib.sha256(str(panels).encode()).hexdigest(), keys,
        lambda: list(reviews_in_progress_for(user).values_list(*ROW)[:REVIEWS_SHOWN]),
    )
    items = items_for(rows, level=3, show_panel=True)
    if not items:
        return None
    return {"template": "reviews/_home.html", "items": items}
