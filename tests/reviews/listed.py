"""What the review list and the evidence list show on a page, read from the page's rows."""

from reviews.models import Evidence, Review


def titles(response) -> list[str]:
    """The titles listed, in order. A list's page holds each row's id first, not the row itself:
    the rows are drawn once and kept under their versions."""
    rows = list(response.context["page"].object_list)
    model = Evidence if "/evidence" in response.request["PATH_INFO"] else Review
    by_pk = model.objects.in_bulk([row[0] for row in rows])
    return [by_pk[row[0]].title for row in rows]
