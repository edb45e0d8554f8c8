"""A person's page (their panels, training and volunteering) and their training records."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from accounts.http import AuthenticatedHttpRequest
from accounts.models import User
from panels import permissions, selectors, services
from panels.forms import PeriodForm, TrainingForm
from panels.models import Training
from panels.services.training import NOT_YOURS
from panels.views.common import viewable_panel
from scrutiny import uploads
from scrutiny.forms import run_form
from scrutiny.permissions import require

TRAINING_PER_PAGE = 50  # members, courses and refreshers due: like the members list
NOT_THEIRS = _(
    "You can only see your own page,"
    " or the pages of members of a panel you chair, vice-chair or support."
)


@login_required
def person(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(User, pk=pk)
    require(permissions.can_view_person(request.user, person), NOT_THEIRS)
    period_form = PeriodForm(request.GET or None)
    period = period_form.period()
    by_panel, total = selectors.person_figures(user=person, period=period)
    return render(
        request,
        "panels/person.html",
        {
            "person": person,
            "is_me": person.pk == request.user.pk,
            "memberships": list(selectors.memberships_of(person)),
            "training": list(selectors.training_of(person)),
            "can_record": permissions.can_record_training(request.user, person),
            "period_form": period_form,
            "period": period,
            "by_panel": by_panel,
            "total": total,
        },
    )


@login_required
def panel_training(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    panel = viewable_panel(request, pk)
    members = Paginator(selectors.panel_training(panel), TRAINING_PER_PAGE).get_page(request.GET.get("page"))
    members.object_list = selectors.with_latest_training(members.object_list)
    return render(
        request,
        "panels/panel_training.html",
        {
            "panel": panel,
            "members": members,
            "courses": Paginator(selectors.course_counts(panel), TRAINING_PER_PAGE).get_page(
                request.GET.get("course_page")
            ),
            "due": Paginator(selectors.training_due(panel), TRAINING_PER_PAGE).get_page(
                request.GET.get("due_page")
            ),
            "member_count": members.paginator.count,
            "can_manage": permissions.can_manage_panel(request.user, panel),
        },
    )


def _save_training(request: AuthenticatedHttpRequest, form: forms.BaseForm, *, person: User,
                   training: Training | None = None) -> Training:
    data = dict(form.cleaned_data)
    certificate = data.pop("certificate_file", None)
    remove = data.pop("remove_certificate", False)
    if training is None:
        return services.record_training(person=person, by=request.user, certificate=certificate, **data)
    return services.update_training(
        training=training, by=request.user, certificate=certificate, remove_certificate=remove, **data
    )


@login_required
def add_training(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(User, pk=pk)
    require(permissions.can_record_training(request.user, person), NOT_YOURS)
    form = TrainingForm(request.POST or None, request.FILES or None)
    done = run_form(
        request, form, lambda data: _save_training(request, form, person=person),
        success=gettext("The training has been recorded."),
        redirect_to=reverse("panels:person", args=[person.pk]),
    )
    return done or render(request, "panels/training_form.html", {"person": person, "form": form})


def _training(request: AuthenticatedHttpRequest, pk: int) -> Training:
    training = get_object_or_404(Training.objects.select_related("user"), pk=pk)
    require(permissions.can_record_training(request.user, training.user), NOT_YOURS)
    return training


@login_required
def edit_training(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    training = _training(request, pk)
    form = TrainingForm(request.POST or None, request.FILES or None, instance=training)
    done = run_form(
        request, form, lambda data: _save_training(request, form, person=training.user, training=training),
        success=gettext("The training record has been saved."),
        redirect_to=reverse("panels:person", args=[training.user_id]),
    )
    return done or render(
        request, "panels/training_form.html", {"person": training.user, "form": form, "training": training}
    )


@require_POST
@login_required
def delete_training(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    training = _training(request, pk)
    services.delete_training(training=training, by=request.user)
    messages.success(
        request, gettext("The record of “%(course)s” has been deleted.") % {"course": training.course}
    )
    return redirect("panels:person", training.user_id)


@login_required
def certificate(request: AuthenticatedHttpRequest, pk: int) -> FileResponse:
    training = get_object_or_404(Training.objects.select_related("user"), pk=pk)
    require(
        permissions.can_see_certificate(request.user, training),
        gettext("Only the person, administrators and their panel's chair or officer can see a certificate."),
    )
    if not training.certificate:
        raise Http404("There is no certificate for this training.")
    name = gettext("%(course)s certificate") % {"course": training.course}
    return uploads.serve(training.certificate, download_name=name)
