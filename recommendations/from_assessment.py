"""A recommendation made from a weakness a self-assessment found: drafted in one of the person's
reviews and linked to the outcome, so the self-assessment's to-do list can follow it."""

from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from accounts.http import AuthenticatedHttpRequest
from accounts.models import User
from assessments import permissions as assessment_permissions
from assessments.models import Outcome, SelfAssessment
from assessments.selectors import pooled_results
from panels.permissions import panel_ids_for
from recommendations import permissions, services
from recommendations.models import Recommendation
from reviews.models import Review
from scrutiny.forms import run_form
from scrutiny.permissions import is_admin, require


def draftable_reviews(user: User) -> QuerySet[Review]:
    """Reviews the person may draft recommendations in (DESIGN.md: panel members and admins)."""
    reviews = Review.objects.select_related("panel").exclude(stage="closed").order_by("-pk")
    if is_admin(user):
        return reviews
    return reviews.filter(panel_id__in=panel_ids_for(user)) if user.role == "tenant" else reviews.none()


class FromOutcomeForm(forms.Form):
    review = forms.ModelChoiceField(
        Review.objects.none(),
        label=_("Review"), empty_label=_("Choose a review"),
        help_text=_("Recommendations belong to a review of the panel that makes them."),
    )
    text = forms.CharField(label=_("Recommendation"), widget=forms.Textarea(attrs={"rows": 3}))
    rationale = forms.CharField(
        label=_("Why the panel recommends it"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args: Any, reviews: QuerySet[Review], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["review"].queryset = reviews
        self.fields["review"].label_from_instance = lambda r: f"{r.title} ({r.panel.name})"


@transaction.atomic
def create_from_outcome(
    *, review: Review, outcome: Outcome, by: User, text: str, rationale: str = ""
) -> Recommendation:
    """Draft a recommendation in a review, linked to the self-assessment outcome it answers."""
    recommendation = services.create(review=review, by=by, text=text, rationale=rationale)
    Recommendation.objects.filter(pk=recommendation.pk).update(outcome=outcome)
    recommendation.outcome = outcome
    return recommendation


@login_required
def from_outcome(request: AuthenticatedHttpRequest, assessment_id: int, outcome_id: int) -> HttpResponse:
    sa = get_object_or_404(SelfAssessment, pk=assessment_id)
    require(
        assessment_permissions.can_see_results(request.user, sa),
        gettext("You can make a recommendation from a self-assessment you can see, once it has closed."),
    )
    outcome = get_object_or_404(Outcome, pk=outcome_id, framework_id=sa.framework_id)
    result = next((r for r in pooled_results(assessment=sa).outcomes if r.outcome_id == outcome.pk), None)
    summary = ""
    if result and result.mean is not None:
        summary = ngettext(
            'In "%(assessment)s", %(code)s %(title)s scored a mean of %(mean)s out of %(max)s '
            "from %(count)s score.",
            'In "%(assessment)s", %(code)s %(title)s scored a mean of %(mean)s out of %(max)s '
            "from %(count)s scores.",
            result.scores,
        ) % {"assessment": sa.title, "code": outcome.code, "title": outcome.title,
             "mean": f"{result.mean:.2f}", "max": sa.scale_max, "count": result.scores}
    reviews = draftable_reviews(request.user)
    form = FromOutcomeForm(request.POST or None, reviews=reviews, initial={"rationale": summary})

    def draft(data: dict[str, Any]) -> Recommendation:
        require(permissions.can_draft(request.user, data["review"]),
                gettext("You cannot draft recommendations in that review."))
        return create_from_outcome(review=data["review"], outcome=outcome, by=request.user,
                                   text=data["text"], rationale=data["rationale"])

    done = run_form(request, form, draft, success=lambda rec: (
        gettext("%(code)s is saved as a draft in %(review)s, linked to %(outcome)s.")
        % {"code": rec.code, "review": rec.review.title, "outcome": outcome.code}
    ))
    return done or render(
        request,
        "recommendations/from_outcome.html",
        {
            "sa": sa,
            "outcome": outcome,
            "form": form,
            "has_reviews": reviews.exists(),
        },
    )
