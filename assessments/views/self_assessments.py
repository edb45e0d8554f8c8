"""Setting up self-assessments, their overview, coordinators' progress page, reminders, closing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_POST

from accounts.http import AuthenticatedHttpRequest
from accounts.models import User
from assessments import permissions, selectors, services
from assessments.forms import SelfAssessmentForm
from assessments.views.common import viewable
from panels.models import Panel
from panels.permissions import managed_panel_ids
from scrutiny.forms import run_form
from scrutiny.permissions import is_staff_role, require


@login_required
def self_assessment_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    items = Paginator(selectors.self_assessments_for(user=request.user), 20).get_page(request.GET.get("page"))
    return render(
        request,
        "assessments/list.html",
        {
            "page": items,
            "can_create": permissions.can_create(request.user),
            "can_manage_frameworks": permissions.can_manage_frameworks(request.user),
        },
    )


def _panels_for(user: User) -> QuerySet[Panel]:
    if is_staff_role(user):
        return Panel.objects.filter(is_active=True)
    return Panel.objects.filter(pk__in=managed_panel_ids(user), is_active=True)


@login_required
def new(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(
        permissions.can_create(request.user),
        gettext("Only staff and a panel's chair or vice-chair can set up a self-assessment."),
    )
    form = SelfAssessmentForm(request.POST or None, panels=_panels_for(request.user))
    done = run_form(
        request, form, lambda data: services.create_self_assessment(by=request.user, **data),
        success=lambda sa: (
            gettext("“%(title)s” is set up. Everyone invited has been told, and can score it from %(date)s.")
            % {"title": sa.title, "date": date_format(sa.opens_on, "j F Y")}
        ),
    )
    return done or render(
        request, "assessments/form.html", {"form": form, "heading": gettext("Set up a self-assessment")}
    )


@login_required
def edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    sa = viewable(request, pk)
    require(
        permissions.can_edit(request.user, sa),
        gettext("Only its coordinators can change it, and only until it closes."),
    )
    form = SelfAssessmentForm(request.POST or None, instance=sa, panels=_panels_for(request.user))
    done = run_form(
        request, form,
        lambda data: services.update_self_assessment(self_assessment=sa, by=request.user, **data),
        success=gettext("Your changes are saved."),
    )
    return done or render(
        request,
        "assessments/form.html",
        {
            "form": form,
            "heading": gettext("Change %(title)s") % {"title": sa.title},
            "self_assessment": sa,
        },
    )


@login_required
def detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    sa = viewable(request, pk)
    assessor = permissions.assessor_for(request.user, sa)
    standards = selectors.standards_with_counts(assessor=assessor) if assessor else []
    answered = sum(s.answered for s in standards)
    total = sum(s.total for s in standards)
    return render(
        request,
        "assessments/detail.html",
        {
            "sa": sa,
            "assessor": assessor,
            "standards": standards,
            "answered": answered,
            "total": total,
            "can_score": permissions.can_score(request.user, sa),
            "is_coordinator": permissions.is_coordinator(request.user, sa),
            "can_edit": permissions.can_edit(request.user, sa),
            "can_close": permissions.can_close(request.user, sa),
            "can_see_results": permissions.can_see_results(request.user, sa),
            "next_standard": next(
                (s for s in standards if s.answered < s.total), standards[0] if standards else None
            ),
        },
    )


@login_required
def progress(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    sa = viewable(request, pk)
    require(permissions.can_see_progress(request.user, sa),
            gettext("Only its coordinators can see who has finished."))
    people = Paginator(selectors.progress(assessment=sa), 50).get_page(request.GET.get("page"))
    total = sa.framework.outcomes.count()
    return render(
        request,
        "assessments/progress.html",
        {
            "sa": sa,
            "page": people,
            "total": total,
            "can_remind": permissions.can_remind(request.user, sa),
        },
    )


@login_required
@require_POST
def remind(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    sa = viewable(request, pk)
    require(
        permissions.can_remind(request.user, sa),
        gettext("Only coordinators can remind people, while it is open."),
    )
    count = services.remind(self_assessment=sa, by=request.user)
    if count:
        messages.success(
            request,
            ngettext("A reminder is on its way to %(count)s person who has not finished.",
                     "A reminder is on its way to %(count)s people who have not finished.", count)
            % {"count": count},
        )
    else:
        messages.info(request, gettext("Everyone has finished: no reminders were needed."))
    return redirect("assessments:progress", pk=sa.pk)


@login_required
@require_POST
def close(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    sa = viewable(request, pk)
    require(permissions.can_close(request.user, sa), gettext("Only its coordinators can close it."))
    services.close(self_assessment=sa, by=request.user)
    messages.success(request, gettext("It is closed. Everyone invited can now see the pooled results."))
    return redirect("assessments:results", pk=sa.pk)
