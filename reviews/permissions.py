"""Who may see and do what with reviews (DESIGN.md's table)."""

from panels.permissions import is_member
from scrutiny.permissions import is_staff_role


def can_view_review(user, review):
    """Staff see every review; tenants see their own panels' reviews."""
    return is_staff_role(user) or is_member(user, review.panel_id)
