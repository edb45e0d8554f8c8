"""Pages that change a recommendation. Each checks who may act, then calls one service;
none of them sets a status itself."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.uploadedfile import UploadedFile
from django.forms import BaseForm
from django.http import HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from accounts.http import AuthenticatedHttpRequest
from accounts.models import User
from recommendations import permissions, services
from recommendations.forms import (
    ActionForm,
    ActionPlanForm,
    ImplementForm,
    ProgressForm,
    RecommendationForm,
    ResponseForm,
    ReturnForm,
    SubmitTogetherForm,
    VerifyForm,
)
from recommendations.models import Action, Recommendation
from recommendations.permissions import REFUSALS
from recommendations.views.pages import visible_or_403
from reviews.models import Review
from scrutiny.forms import run_form
from scrutiny.permissions import require


def _wrong_state(request: AuthenticatedHttpRequest, rec: Recommendation, step: str) -> HttpResponse | None:
    """Sends the person back to the recommendation, saying why, if the step cannot happen now."""
    if permissions.is_possible(rec, step):
        return None
    messages.error(request, str(services.WRONG_STATE[step]))
    return redirect(rec)


def _form_page(
    request: AuthenticatedHttpRequest, rec: Recommendation, form: BaseForm, *, heading: str,
    submit_label: str, intro: str = "", template: str = "recommendations/step.html",
) -> HttpResponse:
    return render(request, template, {
        "rec": rec, "form": form, "heading": heading, "submit_label": submit_label, "intro": intro,
    })


def _post(request: AuthenticatedHttpRequest) -> QueryDict | None:
    """The form data, or None on GET (an empty POST is still a submission, to be checked)."""
    return request.POST if request.method == "POST" else None


def _files(request: AuthenticatedHttpRequest) -> MultiValueDict[str, UploadedFile] | None:
    return request.FILES if request.method == "POST" else None


@login_required
def new(request: AuthenticatedHttpRequest, review_id: int) -> HttpResponse:
    """A panel member writes a draft recommendation for one of their panel's reviews."""
    review = get_object_or_404(Review.objects.select_related("panel"), pk=review_id)
    require(permissions.can_draft(request.user, review), REFUSALS["draft"])
    form = RecommendationForm(_post(request), review=review)
    done = run_form(
        request, form, lambda data: services.create(review=review, by=request.user, **data),
        success=lambda rec: gettext("%(code)s is saved as a draft. Submit it when the panel agrees it.")
        % {"code": rec.code},
    )
    return done or render(request, "recommendations/edit.html", {
        "form": form, "review": review, "rec": None,
        "cancel_url": reverse("recommendations:tracker") + f"?review={review.pk}",
    })


@login_required
def edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    rec = visible_or_403(request.user, pk)
    require(permissions.can_edit(request.user, rec), REFUSALS["edit"])
    if response := _wrong_state(request, rec, "edit"):
        return response
    form = RecommendationForm(_post(request), instance=rec, review=rec.review)
    done = run_form(
        request, form, lambda data: services.update_draft(recommendation=rec, by=request.user, **data),
        success=gettext("%(code)s is saved.") % {"code": rec.code}, redirect_to=rec,
    )
    return done or render(request, "recommendations/edit.html", {
        "form": form, "review": rec.review, "rec": rec, "cancel_url": rec.get_absolute_url(),
    })


@require_POST
@login_required
def submit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    rec = visible_or_403(request.user, pk)
    require(permissions.can_submit(request.user, rec), REFUSALS["submit"])
    if response := _wrong_state(request, rec, "submit"):
        return response
    services.submit(recommendation=rec, by=request.user)
    messages.success(request, gettext("%(code)s has been submitted to the landlord. Managers have been told.")
                     % {"code": rec.code})
    return redirect(rec)


@login_required
def submit_together(request: AuthenticatedHttpRequest, review_id: int) -> HttpResponse:
    """The panel submits several of a review's drafts at once; managers get one message."""
    review = get_object_or_404(Review.objects.select_related("panel"), pk=review_id)
    require(permissions.can_draft(request.user, review), REFUSALS["submit"])
    form = SubmitTogetherForm(_post(request), review=review)
    back = reverse("recommendations:tracker") + f"?review={review.pk}"
    done = run_form(
        request, form,
        lambda data: services.submit_together(review=review, by=request.user, **data),
        success=lambda recs: ngettext(
            "%(count)s recommendation submitted to the landlord. Each manager has been told in one message.",
            "%(count)s recommendations submitted to the landlord. Each manager has been told in one message.",
            len(recs),
        ) % {"count": len(recs)},
        redirect_to=back,
    )
    return done or render(request, "recommendations/submit_together.html", {
        "form": form, "review": review, "cancel_url": back,
    })


def _step_view(
    step: str, form_class: type[BaseForm], *, heading: Any, submit_label: Any, done: Any,
    call: Callable[[Recommendation, User, dict[str, Any]], Any], intro: Any = "",
) -> Callable[..., HttpResponse]:
    """A page with a form for one lifecycle step: check, show the form, call the service."""

    @login_required
    def view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
        rec = visible_or_403(request.user, pk)
        require(permissions.STEP_RULES[step](request.user, rec), REFUSALS[step])
        if response := _wrong_state(request, rec, step):
            return response
        form = form_class(_post(request), _files(request))
        finished = run_form(request, form, lambda data: call(rec, request.user, data),
                            success=done % {"code": rec.code}, redirect_to=rec)
        return finished or _form_page(request, rec, form, heading=heading % {"code": rec.code},
                          submit_label=submit_label, intro=intro)

    view.__name__ = step
    return view


respond = _step_view(
    "respond", ResponseForm, heading=_("Respond to %(code)s"), submit_label=_("Send the response"),
    done=_("Your response to %(code)s has been recorded and the panel has been told."),
    call=lambda rec, by, d: services.respond(recommendation=rec, by=by, **d),
)
agree_plan = _step_view(
    "agree_plan", ActionPlanForm, heading=_("Agree the action plan for %(code)s"),
    submit_label=_("Agree the action plan"),
    done=_("The action plan for %(code)s is agreed and its owner has been told."),
    call=lambda rec, by, d: services.agree_plan(recommendation=rec, by=by, **d),
)


@login_required
def implement(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Mark as implemented; the form also asks what became of each action still open."""
    rec = visible_or_403(request.user, pk)
    require(permissions.can_implement(request.user, rec), REFUSALS["implement"])
    if response := _wrong_state(request, rec, "implement"):
        return response
    form = ImplementForm(_post(request), _files(request), recommendation=rec)
    done = run_form(
        request, form,
        lambda data: services.implement(recommendation=rec, by=request.user, **form.service_arguments()),
        success=gettext("%(code)s is marked as implemented. The panel has been asked to check it.")
        % {"code": rec.code},
        redirect_to=rec,
    )
    intro = gettext("Say what was done and add a file that shows it, such as a new leaflet, procedure or "
                    "report. The panel will check it and say what has changed for tenants.")
    if form.open_actions:
        intro += " " + gettext("Some actions are not done yet: say what happened to each one, and why if "
                               "it was dropped.")
    heading = gettext("Mark %(code)s as implemented") % {"code": rec.code}
    return done or _form_page(request, rec, form, heading=heading,
                              submit_label=gettext("Mark as implemented"), intro=intro)

verify = _step_view(
    "verify", VerifyForm, heading=_("Verify %(code)s"), submit_label=_("Verify"),
    done=_('%(code)s is verified. Thank you: it now appears on "You said, we did".'),
    call=lambda rec, by, d: services.verify(recommendation=rec, by=by, **d),
    intro=_("Check the evidence. If the work was done, say what has changed for tenants."),
)
return_to_progress = _step_view(
    "return", ReturnForm, heading=_("Return %(code)s to in progress"),
    submit_label=_("Return to in progress"),
    done=_("%(code)s is back in progress. Its owner has been told what still needs to be done."),
    call=lambda rec, by, d: services.return_to_progress(recommendation=rec, by=by, **d),
    intro=_("If the work is not done yet, say what still needs to be done."),
)


@login_required
def add_action(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    rec = visible_or_403(request.user, pk)
    require(permissions.can_plan_work(request.user, rec), REFUSALS["plan_work"])
    if response := _wrong_state(request, rec, "plan_work"):
        return response
    form = ActionForm(_post(request))
    done = run_form(
        request, form, lambda data: services.add_action(recommendation=rec, by=request.user, **data),
        success=gettext("The action has been added to the plan."), redirect_to=rec,
    )
    return done or _form_page(
        request, rec, form, heading=gettext("Add an action for %(code)s") % {"code": rec.code},
        submit_label=gettext("Add the action"),
    )


@login_required
def edit_action(request: AuthenticatedHttpRequest, pk: int, action_id: int) -> HttpResponse:
    rec = visible_or_403(request.user, pk)
    action = get_object_or_404(
        Action.objects.select_related("recommendation"), pk=action_id, recommendation=rec
    )
    require(permissions.can_update_action(request.user, action), REFUSALS["update_action"])
    if response := _wrong_state(request, rec, "plan_work"):
        return response
    form = ActionForm(_post(request), instance=Action.objects.get(pk=action.pk))
    done = run_form(
        request, form, lambda data: services.update_action(action=action, by=request.user, **data),
        success=gettext("The action has been updated."), redirect_to=rec,
    )
    return done or _form_page(
        request, rec, form, heading=gettext("Update an action for %(code)s") % {"code": rec.code},
        submit_label=gettext("Save the action"),
    )


@login_required
def add_progress(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    rec = visible_or_403(request.user, pk)
    require(
        permissions.can_plan_work(request.user, rec)
        or any(permissions.can_update_action(request.user, a) for a in rec.actions.all()),
        REFUSALS["progress"],
    )
    if response := _wrong_state(request, rec, "plan_work"):
        return response
    form = ProgressForm(_post(request), _files(request), recommendation=rec)
    done = run_form(
        request, form, lambda data: services.add_progress(recommendation=rec, by=request.user, **data),
        success=gettext("Your progress update has been added."), redirect_to=rec,
    )
    return done or _form_page(
        request, rec, form, heading=gettext("Add progress on %(code)s") % {"code": rec.code},
        submit_label=gettext("Add the update"),
    )
