from typing import Any

from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from accounts.http import AuthenticatedHttpRequest
from accounts.models import User
from reviews import permissions as perms
from reviews import services
from reviews.forms import CommentForm, FindingForm
from reviews.models import Finding, Review
from reviews.views.common import autosave, get_review
from scrutiny import extensions
from scrutiny.forms import run_form, single_line
from scrutiny.permissions import require


def _get_finding(request: AuthenticatedHttpRequest, pk: int, finding_pk: int) -> tuple[Review, Finding]:
    review = get_review(request, pk)
    finding = get_object_or_404(
        Finding.objects.select_related("review", "question", "raised_by"), pk=finding_pk, review=review
    )
    return review, finding


def _search(request: AuthenticatedHttpRequest) -> str:
    """The words typed into "find evidence by title" above a finding's form (a GET), trimmed."""
    return single_line(request.GET.get("evidence_search", ""))[:200]


def _finding_fields(data: dict[str, Any]) -> dict[str, Any]:
    return {k: data[k] for k in ("kind", "statement", "question", "evidence")}


@login_required
def finding_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    review = get_review(request, pk)
    require(perms.can_add_finding(request.user, review), perms.FINDINGS_REFUSAL)
    initial, draft = autosave(request, "finding-add", review.pk)
    if request.method == "POST":
        form = FindingForm(request.POST, review=review)
    else:
        # A link from a piece of evidence ("log a finding about this") ticks it already.
        if "evidence" not in initial and request.GET.get("evidence", "").isdecimal():
            initial["evidence"] = [request.GET["evidence"]]
        form = FindingForm(review=review, initial=initial, evidence_search=_search(request))
    done = run_form(
        request, form,
        lambda data: services.add_finding(review=review, by=request.user, **_finding_fields(data)),
        success=gettext("Your finding has been logged."),
    )
    return done or render(request, "reviews/finding_form.html", {
        "form": form, "review": review, "autosave": draft, "heading": gettext("Log a finding"),
        "submit_label": gettext("Save the finding"), "evidence_search": _search(request),
    })


@login_required
def finding_detail(request: AuthenticatedHttpRequest, pk: int, finding_pk: int) -> HttpResponse:
    review, finding = _get_finding(request, pk, finding_pk)
    return _finding_page(request, review, finding, CommentForm())


def finding_page_sections(finding: Finding, user: User) -> list[Any]:
    """Parts later apps add to a finding's page (such as the visits a finding came from and the
    follow-up visits since), registered as extensions.FINDING_PAGE_SECTIONS: each is
    called as section(finding, user) and returns None or a dict with "template". This keeps
    reviews from importing the apps that build on it."""
    return extensions.sections(extensions.FINDING_PAGE_SECTIONS, finding, user)


def _finding_page(
    request: AuthenticatedHttpRequest, review: Review, finding: Finding, comment_form: Form, status: int = 200
) -> HttpResponse:
    can_comment = perms.can_comment(request.user, finding)
    initial, draft = autosave(request, "comment-add", finding.pk) if can_comment else ({}, None)
    if can_comment and not comment_form.is_bound and initial:
        comment_form = CommentForm(initial=initial)
    return render(request, "reviews/finding_detail.html", {
        "review": review, "finding": finding,
        "evidence_items": finding.evidence.order_by("kind", "title"),
        "comments": finding.comments.select_related("author"),
        "comment_form": comment_form if can_comment else None, "autosave": draft,
        "can_edit": perms.can_edit_finding(request.user, finding),
        "sections": finding_page_sections(finding, request.user),
    }, status=status)


@login_required
def finding_edit(request: AuthenticatedHttpRequest, pk: int, finding_pk: int) -> HttpResponse:
    review, finding = _get_finding(request, pk, finding_pk)
    require(perms.can_edit_finding(request.user, finding), perms.FINDINGS_REFUSAL)
    initial, draft = autosave(request, "finding-edit", finding.pk)
    if request.method == "POST":
        form = FindingForm(request.POST, review=review, finding=finding)
    else:
        form = FindingForm(review=review, finding=finding, initial=initial, evidence_search=_search(request))
    done = run_form(
        request, form, lambda data: services.update_finding(
            finding=finding, by=request.user, version=data["version"], **_finding_fields(data),
        ), success=gettext("The finding has been saved."),
    )
    return done or render(request, "reviews/finding_form.html", {
        "form": form, "review": review, "finding": finding, "autosave": draft,
        "heading": gettext("Change a finding"), "submit_label": gettext("Save changes"),
        "evidence_search": _search(request),
    })


@login_required
@require_POST
def comment_add(request: AuthenticatedHttpRequest, pk: int, finding_pk: int) -> HttpResponse:
    review, finding = _get_finding(request, pk, finding_pk)
    require(perms.can_comment(request.user, finding), perms.FINDINGS_REFUSAL)
    form = CommentForm(request.POST)
    done = run_form(
        request, form, lambda data: services.add_comment(finding=finding, by=request.user, **data),
        success=gettext("Your response has been added."), redirect_to=finding,
    )
    return done or _finding_page(request, review, finding, form)
