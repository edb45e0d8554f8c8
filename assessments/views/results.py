"""Pooled results once a self-assessment closes, and the to-do list its weaknesses become."""

import datetime
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.http import AuthenticatedHttpRequest
from accounts.models import User
from assessments import permissions, selectors, services
from assessments.forms import ActionForm, ActionUpdateForm
from assessments.models import ImprovementAction, Outcome
from assessments.results_section import results_section
from assessments.views.common import viewable
from scrutiny import extensions
from scrutiny.forms import run_form
from scrutiny.permissions import require

NOT_CLOSED: Any = _(
    "The pooled results are shown once the self-assessment has closed, so nobody is swayed by others' scores."
)


@login_required
def results(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    sa = viewable(request, pk)
    require(permissions.can_see_results(request.user, sa), NOT_CLOSED)
    can_plan = permissions.can_plan_actions(request.user, sa)
    return render(request, "assessments/results.html", {
        "sa": sa, "body": results_section(sa=sa, user=request.user, can_plan=can_plan),
    })


def _links(outcome_ids: list[int], user: User) -> dict[int, list]:
    """Recommendations linked to these outcomes, from apps further along (extensions)."""
    found: dict[int, list] = {}
    for links in extensions.functions(extensions.ASSESSMENT_OUTCOME_LINKS):
        for outcome_id, items in links(outcome_ids=outcome_ids, user=user).items():
            found.setdefault(outcome_id, []).extend(items)
    return found


@login_required
def todo(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    sa = viewable(request, pk)
    require(permissions.can_see_results(request.user, sa), NOT_CLOSED)
    actions = list(selectors.actions_for(assessment=sa))
    later = selectors.later_assessment(assessment=sa)
    moved = selectors.compare(before=sa, after=later) if later else {}
    means = {r.outcome_id: r.mean for r in selectors.pooled_results(assessment=sa).outcomes}
    links = _links(list(means), request.user)
    groups: dict[int, dict] = {}
    for action in actions:
        group = groups.setdefault(
            action.outcome_id,
            {
                "outcome": action.outcome,
                "mean": means.get(action.outcome_id),
                "actions": [],
                "change": moved.get(action.outcome_id),
                "links": links.get(action.outcome_id, []),
            },
        )
        group["actions"].append(action)
    missing = [pk for pk in links if pk not in groups]
    for outcome in Outcome.objects.filter(pk__in=missing).order_by("standard__position", "position"):
        groups[outcome.pk] = {
            "outcome": outcome,
            "mean": means.get(outcome.pk),
            "actions": [],
            "change": moved.get(outcome.pk),
            "links": links[outcome.pk],
        }
    page = Paginator(list(groups.values()), 20).get_page(request.GET.get("page"))
    return render(
        request,
        "assessments/todo.html",
        {
            "sa": sa,
            "page": page,
            "later": later,
            "today": timezone.localdate(),
            "can_plan": permissions.can_plan_actions(request.user, sa),
        },
    )


@login_required
def new_action(request: AuthenticatedHttpRequest, pk: int, outcome_pk: int) -> HttpResponse:
    sa = viewable(request, pk)
    require(
        permissions.can_plan_actions(request.user, sa),
        gettext("Only coordinators can add actions, once the self-assessment has closed."),
    )
    outcome = get_object_or_404(Outcome, pk=outcome_pk, framework_id=sa.framework_id)
    form = ActionForm(
        request.POST or None,
        initial={
            "due_date": timezone.localdate() + datetime.timedelta(days=90),
            "owner": request.user.pk,
        },
    )
    done = run_form(
        request, form,
        lambda data: services.create_action(self_assessment=sa, outcome=outcome, by=request.user, **data),
        success=gettext("The action for %(code)s is on the to-do list.") % {"code": outcome.code},
        redirect_to=reverse("assessments:todo", kwargs={"pk": sa.pk}),
    )
    return done or render(
        request,
        "assessments/action_form.html",
        {
            "sa": sa,
            "outcome": outcome,
            "form": form,
            "heading": gettext("Add an action for %(code)s") % {"code": outcome.code},
        },
    )


@login_required
def edit_action(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    action = get_object_or_404(ImprovementAction.objects.select_related("self_assessment", "outcome"), pk=pk)
    sa = viewable(request, action.self_assessment_id)
    require(
        permissions.can_update_action(request.user, action),
        gettext("Only the action's owner or a coordinator can change it."),
    )
    initial = {
        "what": action.what,
        "owner": action.owner_id,
        "due_date": action.due_date,
        "status": action.status,
        "progress": action.progress,
    }
    form = ActionUpdateForm(request.POST or None, initial=initial, versioned=action)
    done = run_form(
        request, form, lambda data: services.update_action(action=action, by=request.user, **data),
        success=gettext("The action is updated."),
        redirect_to=reverse("assessments:todo", kwargs={"pk": sa.pk}),
    )
    return done or render(
        request,
        "assessments/action_form.html",
        {
            "sa": sa,
            "outcome": action.outcome,
            "form": form,
            "heading": gettext("Update the action for %(code)s") % {"code": action.outcome.code},
        },
    )
