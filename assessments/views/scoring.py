"""Scoring: one standard per screen, saved as the assessor goes (htmx posts the form on every
change; without JavaScript the buttons save)."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from accounts.http import AuthenticatedHttpRequest
from assessments import permissions, selectors, services
from assessments.forms import StandardScoresForm
from assessments.models import Standard
from assessments.views.common import viewable
from scrutiny.permissions import require

NOT_OPEN: Any = _("You can only score a self-assessment you are invited to, while it is open.")


@login_required
def score(request: AuthenticatedHttpRequest, pk: int, standard_pk: int) -> HttpResponse:
    sa = viewable(request, pk)
    assessor = permissions.scoring_assessor(request.user, sa, NOT_OPEN)
    standard = get_object_or_404(Standard, pk=standard_pk, framework_id=sa.framework_id)
    standards = list(Standard.objects.filter(framework_id=sa.framework_id).order_by("position", "pk"))
    index = next(i for i, s in enumerate(standards) if s.pk == standard.pk)
    outcomes = list(standard.outcomes.order_by("position", "pk"))
    scores = selectors.my_scores(assessor=assessor)
    form = StandardScoresForm(request.POST or None, outcomes=outcomes, self_assessment=sa, scores=scores)
    problems = []
    if request.method == "POST":
        if form.is_valid():
            saved = services.save_scores(self_assessment=sa, by=request.user, answers=form.answers())
            form.note_saved(saved.versions, saved.clashes)
            for outcome_pk, message in saved.problems.items():
                problems.append(message)
                form.add_error(f"o{outcome_pk}-value", message)
        else:
            problems = [e for errors in form.errors.values() for e in errors]
        if request.htmx:
            return render(
                request,
                "assessments/_save_status.html",
                {
                    "problems": problems,
                    "saved_at": timezone.localtime(),
                    "form": form,
                    "sa": sa,
                },
            )
        if not problems:
            following = standards[index + 1] if index + 1 < len(standards) else None
            if following is not None and "next" in request.POST:
                return redirect("assessments:score", pk=sa.pk, standard_pk=following.pk)
            if index and "previous" in request.POST:
                return redirect("assessments:score", pk=sa.pk, standard_pk=standards[index - 1].pk)
            messages.success(request, gettext("Your scores are saved."))
            return redirect(sa)
    return render(
        request,
        "assessments/score.html",
        {
            "sa": sa,
            "standard": standard,
            "form": form,
            "problems": problems,
            "position": index + 1,
            "count": len(standards),
            "previous": standards[index - 1] if index else None,
            "following": standards[index + 1] if index + 1 < len(standards) else None,
        },
    )


@login_required
@require_POST
def finish(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    sa = viewable(request, pk)
    require(permissions.can_score(request.user, sa), NOT_OPEN)
    try:
        services.finish(self_assessment=sa, by=request.user)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(
            request, gettext("Thank you: you have finished. You can still change a score until it closes.")
        )
    return redirect(sa)
