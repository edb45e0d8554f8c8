"""Report pages read on screen: the review report with its whole chain."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from accounts.http import AuthenticatedHttpRequest
from reports import permissions, selectors
from reviews.models import Review
from scrutiny.permissions import require

RECOMMENDATIONS_PER_PAGE = 15
FINDINGS_SHOWN = 40


@login_required
def review_report(request: AuthenticatedHttpRequest, review_id: int) -> HttpResponse:
    """Evidence, findings, recommendations, responses and actions for one review (PDF on request)."""
    review = get_object_or_404(Review.objects.select_related("panel"), pk=review_id)
    require(permissions.can_view_review_report(request.user, review), permissions.REFUSALS["view"])
    data = selectors.review_report(review_id=review.pk)
    page = Paginator(data["recommendations"], RECOMMENDATIONS_PER_PAGE).get_page(request.GET.get("page"))
    findings = data["findings"]
    return render(request, "reports/review.html", {
        **data, "page": page, "pdf": False,
        "findings_shown": findings[:FINDINGS_SHOWN], "findings_more": max(0, len(findings) - FINDINGS_SHOWN),
    })
