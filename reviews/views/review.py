from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from reviews import permissions as perms
from reviews import selectors, services
from reviews.filters import ReviewFilter
from reviews.forms import ReviewForm, StageForm
from reviews.views.common import get_review, paginate, query_without_page
from scrutiny.forms import add_service_errors
from scrutiny.permissions import require


@login_required
def review_list(request):
    reviews = selectors.with_counts(selectors.visible_reviews(request.user)).order_by(
        "-planned_start", "-created_at"
    )
    filters = ReviewFilter(request.GET or None, queryset=reviews, request=request)
    page = paginate(request, filters.qs)
    return render(request, "reviews/review_list.html", {
        "filter": filters, "page": page, "query": query_without_page(request),
        "can_create": perms.can_create_review(request.user),
    })


@login_required
def review_create(request):
    require(perms.can_create_review(request.user), perms.ONLY_LEADS)
    form = ReviewForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            review = services.create_review(by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"The review “{review.title}” has been set up.")
            return redirect(review)
    return render(request, "reviews/review_form.html", {"form": form, "review": None})


@login_required
def review_edit(request, pk):
    review = get_review(request, pk)
    require(perms.can_edit_review(request.user, review), perms.ONLY_LEADS)
    form = ReviewForm(request.POST or None, instance=review, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_review(review=review, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "The review has been saved.")
            return redirect(review)
    return render(request, "reviews/review_form.html", {"form": form, "review": review})


@login_required
def review_detail(request, pk):
    review = get_review(request, pk)
    user = request.user
    group_by = "type" if request.GET.get("group") == "type" else "question"
    context = selectors.review_page(review, group_by=group_by, page_number=request.GET.get("page"))
    context.update({
        "review": review,
        "group_by": group_by,
        "can_edit": perms.can_edit_review(user, review),
        "can_add_evidence": perms.can_add_evidence(user, review),
        "can_add_finding": perms.can_add_finding(user, review),
        "stage_form": StageForm(review=review) if perms.can_move_stage(user, review) else None,
    })
    return render(request, "reviews/review_detail.html", context)


@login_required
def review_stage(request, pk):
    """Move the review to another stage (the form is also on the review page)."""
    review = get_review(request, pk)
    require(perms.can_move_stage(request.user, review), perms.ONLY_LEADS)
    form = StageForm(request.POST or None, review=review)
    if request.method == "POST" and form.is_valid():
        try:
            change = services.move_stage(review=review, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"The review is now at: {change.get_to_stage_display()}.")
            return redirect(review)
    return render(request, "reviews/stage_form.html", {"form": form, "review": review})


@login_required
def review_report(request, pk):
    """The report draft: the same content the PDF report will be made from."""
    review = get_review(request, pk)
    context = selectors.report(review, page_number=request.GET.get("page") or 1)
    return render(request, "reviews/report.html", context)
