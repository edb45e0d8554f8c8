"""Autosave: the page posts what is typed into long forms here every few seconds."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from accounts.http import AuthenticatedHttpRequest
from reviews import services
from reviews.drafts import DRAFT_FORMS, DraftForm, collect
from reviews.views.common import saved_at_text
from scrutiny.permissions import require


def _draft_target(request: HttpRequest) -> tuple[DraftForm, Model]:
    draft_form = DRAFT_FORMS.get(request.POST.get("_draft_form", ""))
    object_id = request.POST.get("_draft_object", "")
    if draft_form is None or not object_id.isdecimal():
        raise Http404(gettext("There is no such form."))
    obj = draft_form.load(int(object_id))
    if obj is None:
        raise Http404(gettext("What this draft belongs to no longer exists."))
    return draft_form, obj


@require_POST
def draft_save(request: HttpRequest) -> HttpResponse:
    """Save a draft; answers in JSON, with 401 (not a redirect) when the session has ended
    so that the page can tell the person to sign in again without losing their text."""
    user = request.user
    if not user.is_authenticated:
        return JsonResponse(
            {"error": "signed_out", "message": gettext("You have been signed out.")}, status=401
        )
    try:
        draft_form, obj = _draft_target(request)
    except Http404 as exc:
        return JsonResponse({"error": "not_found", "message": str(exc)}, status=404)
    if not draft_form.allowed(user, obj):
        return JsonResponse(
            {"error": "forbidden", "message": gettext("You cannot save a draft of this form.")}, status=403
        )
    try:
        draft = services.save_draft(
            user=user, form=request.POST["_draft_form"], object_id=obj.pk,
            data=collect(draft_form, request.POST),
        )
    except ValidationError as exc:
        return JsonResponse({"error": "too_long", "message": exc.messages[0]}, status=413)
    return JsonResponse({
        "saved_at": draft.saved_at.isoformat(),
        "message": gettext("Draft saved %(when)s.") % {"when": saved_at_text(draft.saved_at)},
    })


@login_required
@require_POST
def draft_discard(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Throw away one's own draft and go back to the (now empty) form."""
    draft_form, obj = _draft_target(request)
    require(draft_form.allowed(request.user, obj))
    services.discard_draft(user=request.user, form=request.POST["_draft_form"], object_id=obj.pk)
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = "reviews:list"
    return redirect(next_url)
