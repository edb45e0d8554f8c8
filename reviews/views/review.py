from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from accounts.http import AuthenticatedHttpRequest
from panels.permissions import is_member
from reviews import permissions as perms
from reviews import selectors, services
from reviews.filter_form import filter_fields
from reviews.filters import ReviewFilter
from reviews.forms import ReviewForm, StageForm
from reviews.kept_items import ROW, items_for
from reviews.measure_reviews import measure_trend
from reviews.models import Review, Stage
from reviews.report_section import report_body
from reviews.review_parts import review_page_parts
from reviews.views.common import (
    CountedAlong,
    get_review,
    paginate,
    query_without_page,
    review_page_links,
    review_page_sections,
)
from scrutiny.forms import run_form
from scrutiny.permissions import require


@login_required
def review_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    reviews = selectors.visible_reviews(request.user).order_by("-planned_start", "-created_at")
    filters = ReviewFilter(request.GET or None, queryset=reviews, request=request)
    # The page's reviews as ids alone: their items are drawn once and kept under their versions.
    page = paginate(request, filters.qs.values_list(*ROW), paginator=CountedAlong)
    return render(request, "reviews/review_list.html", {
        "filter": filters, "filter_fields": filter_fields(filters, request), "page": page,
        "query": query_without_page(request),
        "items": items_for(list(page.object_list), level=3, show_panel=True),
        "can_create": perms.can_create_review(request.user),
    })


def _created(review: Review) -> str:
    if review.stage == Stage.PROPOSED:
        return gettext("The review “%(title)s” has been proposed. The panel's chair, vice-chair or "
                       "supporting officer will confirm it; until then, and while it is in scoping, "
                       "members can keep changing its scope and questions.") % {"title": review.title}
    return gettext("The review “%(title)s” has been set up.") % {"title": review.title}


@login_required
def review_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Any current member proposes a review; the panel's leads set one up straight away."""
    require(perms.can_create_review(request.user), perms.ONLY_MEMBERS)
    form = ReviewForm(request.POST or None, user=request.user)
    done = run_form(request, form, lambda data: services.create_review(by=request.user, **data),
                    success=_created)
    return done or render(request, "reviews/review_form.html", {"form": form, "review": None})


@login_required
def review_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    review = get_review(request, pk)
    require(perms.can_edit_review(request.user, review),
            perms.SCOPE_CLOSED if is_member(request.user, review.panel_id) else perms.ONLY_LEADS)
    form = ReviewForm(request.POST or None, instance=review, user=request.user)
    done = run_form(
        request, form, lambda data: services.update_review(review=review, by=request.user, **data),
        success=gettext("The review has been saved."), redirect_to=review,
    )
    return done or render(request, "reviews/review_form.html", {"form": form, "review": review})


@login_required
def review_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    review = get_review(request, pk)
    user = request.user
    group_by = "type" if request.GET.get("group") == "type" else "question"
    page_number = request.GET.get("page")
    return render(request, "reviews/review_detail.html", {
        "parts": review_page_parts(review, group_by=group_by, page_number=page_number),
        "review": review,
        "group_by": group_by,
        "can_edit": perms.can_edit_review(user, review),
        "can_add_evidence": perms.can_add_evidence(user, review),
        "can_add_finding": perms.can_add_finding(user, review),
        "can_move_stage": review.stage != Stage.PROPOSED and perms.can_move_stage(user, review),
        "can_confirm": review.stage == Stage.PROPOSED and perms.can_confirm_review(user, review),
        "page_links": review_page_links(review, user),
        "page_sections": review_page_sections(review, user),
    })


@require_POST
@login_required
def review_confirm(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The chair, vice-chair or supporting officer confirms a member's proposal."""
    review = get_review(request, pk)
    require(perms.can_confirm_review(request.user, review), perms.ONLY_LEADS)
    try:
        services.confirm_review(review=review, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, gettext("The review is confirmed and now at: Scoping."))
    return redirect(review)


@login_required
def review_stage(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Move the review to another stage (the form is also on the review page)."""
    review = get_review(request, pk)
    require(perms.can_move_stage(request.user, review), perms.ONLY_LEADS)
    form = StageForm(request.POST or None, review=review)
    done = run_form(
        request, form, lambda data: services.move_stage(review=review, by=request.user, **data),
        success=lambda change: gettext("The review is now at: %(stage)s.") % {
            "stage": change.get_to_stage_display()},
        redirect_to=review,
    )
    return done or render(request, "reviews/stage_form.html", {"form": form, "review": review})


@login_required
def review_report(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The report draft: the same content the PDF report will be made from (its body kept in
    the cache, read only once the person may see the review)."""
    review = get_review(request, pk)
    body = report_body(review, page_number=request.GET.get("page") or 1)
    return render(request, "reviews/report.html", {"review": review, "report_body": body,
                                                   "trend": measure_trend(review)})
