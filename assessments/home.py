from typing import Any

from django.db.models import Count
from django.utils import timezone

from accounts.models import User
from assessments.models import Assessor


def section(user: User) -> dict[str, Any] | None:
    """Self-assessments open now that the person is invited to score, or None."""
    today = timezone.localdate()
    invited = Assessor.objects.filter(
        user=user,
        self_assessment__opens_on__lte=today,
        self_assessment__closes_on__gte=today,
        self_assessment__closed_at__isnull=True,
    )
    # Most people are invited to score none: a plain question answers them, with no counting.
    if not invited.exists():
        return None
    rows = list(
        invited
        .select_related("self_assessment__framework")
        .annotate(
            answered=Count("scores", distinct=True),
            total=Count("self_assessment__framework__outcomes", distinct=True),
        )
        .order_by("self_assessment__closes_on")[:5]
    )
    if not rows:
        return None
    return {
        "template": "assessments/_home.html",
        "rows": rows,
        "unfinished": [r for r in rows if not r.finished_at],
    }
