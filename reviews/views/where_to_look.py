"""Where to look next: the regulator's measures on which our landlord does worst, and proposing
a review of one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext

from accounts.http import AuthenticatedHttpRequest
from reviews import measure_reviews, where_to_look
from reviews import permissions as perms
from reviews.forms import ProposeFromMeasureForm
from reviews.views.common import paginate
from scrutiny.forms import add_service_errors
from scrutiny.permissions import require


@login_required
def where_to_look_next(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Everyone signed in reads the list; panel members (and admins) propose reviews from it."""
    found = where_to_look.weak_measures()
    page = paginate(request, found.measures)
    can_propose = perms.can_create_review(request.user)
    items = [(weak, ProposeFromMeasureForm(
        initial={"measure": weak.measure, "tenure": weak.tenure}, user=request.user,
        prefix=f"{weak.measure}-{weak.tenure}") if can_propose else None) for weak in page.object_list]
    return render(request, "reviews/where_to_look.html", {
        "found": found, "page": page, "items": items, "attribution": found.attribution})


def _proposed(request: AuthenticatedHttpRequest, proposed: measure_reviews.Proposed) -> HttpResponse:
    review = proposed.review
    if proposed.created:
        messages.success(request, gettext(
            "The review “%(title)s” has been proposed, with the measure and how it compares attached "
            "as evidence.") % {"title": review.title})
    else:
        messages.info(request, gettext("%(panel)s already has an open review of this measure: "
                                       "“%(title)s”. Here it is; no second review was made.") % {
                                           "panel": review.panel, "title": review.title})
    return redirect(review)


@login_required
def propose_from_measure(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Propose a review of a listed measure: straight from the list, or choosing the panel here."""
    require(perms.can_create_review(request.user), perms.ONLY_MEMBERS)
    posted = request.method == "POST"
    # Each measure's form on the list has its own prefix, so its fields' ids are unique there.
    prefix = (request.POST.get("prefix") or None) if posted else None
    form = ProposeFromMeasureForm(request.POST if posted else None, initial=request.GET.dict(),
                                  user=request.user, prefix=prefix)
    if form.is_valid():
        try:
            proposed = measure_reviews.propose_from_measure(by=request.user, **form.cleaned_data)
            return _proposed(request, proposed)
        except ValidationError as exc:
            add_service_errors(form, exc)
    asked = form.data if posted else request.GET
    weak = where_to_look.weak_measure(measure=asked.get(form.add_prefix("measure"), ""),
                                      tenure=asked.get(form.add_prefix("tenure"), ""))
    return render(request, "reviews/propose_from_measure.html", {"form": form, "weak": weak})
