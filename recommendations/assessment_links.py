"""Recommendations linked to self-assessment outcomes, for the self-assessment's to-do list
(extensions.ASSESSMENT_OUTCOME_LINKS): assessments cannot import recommendations, so it asks here."""

from collections.abc import Iterable
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext

from accounts.models import User
from assessments.models import SelfAssessment
from recommendations import permissions
from recommendations.models import Recommendation


def for_outcomes(*, outcome_ids: Iterable[int], user: User) -> dict[int, list[dict[str, str]]]:
    """{outcome id: [{label, url, status}]} for the recommendations the person may see."""
    found: dict[int, list[dict[str, str]]] = {}
    if not outcome_ids:
        return found
    recs = Recommendation.objects.filter(outcome_id__in=outcome_ids).select_related("review")
    for rec in recs:
        if permissions.can_view(user, rec):
            found.setdefault(rec.outcome_id, []).append(
                {
                    "label": gettext("Recommendation %(code)s (%(review)s): %(text)s") % {
                        "code": rec.code, "review": rec.review.title, "text": rec.text[:80]},
                    "url": rec.get_absolute_url(),
                    "status": rec.get_status_display(),
                }
            )
    return found


def from_results(
    *, assessment: SelfAssessment, outcomes: dict[int, str], user: User
) -> dict[int, list[dict[str, Any]]]:
    """{outcome id: [{label, url}]} for {outcome id: code}: making a recommendation from each
    weakness on a self-assessment's results (extensions.ASSESSMENT_RESULT_LINKS)."""
    return {
        outcome_id: [{
            "label": gettext("Make a recommendation from %(code)s") % {"code": code},
            "url": reverse("recommendations:from-outcome", args=[assessment.pk, outcome_id]),
        }]
        for outcome_id, code in outcomes.items()
    }
