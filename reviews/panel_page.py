from reviews import selectors
from reviews.permissions import can_create_review


def section(panel, user):
    """The panel's reviews, for its page (settings.PANEL_PAGE_SECTIONS)."""
    return {
        "template": "reviews/_panel_page_section.html",
        "reviews": selectors.reviews_for_panel(panel),
        "can_create": can_create_review(user, panel),
    }
